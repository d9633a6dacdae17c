/**
 * Internal dependencies
 */
import type {
	JobDetail,
	LogLevel,
	LogLine,
} from '../../../../../src/features/job-details/types';
import { makeJob } from '../../../helpers/make-job';

/**
 * A job as `GET /jobs/{id}` returns it, with overridable fields.
 *
 * @param overrides Fields to change.
 */
export function makeDetail( overrides: Partial< JobDetail > = {} ): JobDetail {
	return {
		...makeJob( { id: 42 } ),
		engine_data: { source_url: 'https://example.com/feed' },
		failure: null,
		child_job_ids: [],
		child_count: 0,
		user_name: null,
		started_at: '2025-03-05T14:03:05Z',
		steps: [
			{
				id: 'u1',
				type: 'fetch',
				label: 'Fetch',
				position: 1,
				state: 'completed',
				log_lines: 2,
			},
			{
				id: 'u2',
				type: 'publish',
				label: 'Publish',
				position: 2,
				state: 'completed',
				log_lines: 0,
			},
		],
		failure_context: null,
		resolution: null,
		config_checks: [],
		api_responses: [],
		log_counts: {
			total: 0,
			by_level: {
				debug: 0,
				info: 0,
				notice: 0,
				warning: 0,
				error: 0,
				critical: 0,
			},
		},
		...overrides,
	};
}

/**
 * A failed job with a message, a trace, a failed step and a known resolution.
 *
 * @param overrides Fields to change.
 */
export function makeFailedDetail(
	overrides: Partial< JobDetail > = {}
): JobDetail {
	const failedStep = {
		id: 'u2',
		type: 'ai',
		label: 'Summarise',
		position: 2,
		state: 'failed' as const,
		log_lines: 1,
	};
	return makeDetail( {
		status: 'failed',
		raw_status: 'failed - rate_limited',
		status_reason: 'rate_limited',
		failure: {
			message: 'AI provider returned 429 Too Many Requests',
			step_id: 'u2_7',
			trace: '#0 Step.php(88): run()\n#1 {main}',
			reason: 'rate_limited',
		},
		steps: [
			{
				id: 'u1',
				type: 'fetch',
				label: 'Fetch',
				position: 1,
				state: 'completed',
				log_lines: 2,
			},
			failedStep,
			{
				id: 'u3',
				type: 'publish',
				label: 'Publish',
				position: 3,
				state: 'pending',
				log_lines: 0,
			},
		],
		failure_context: {
			step: failedStep,
			details: { model: 'gpt-x' },
			log_line: null,
		},
		resolution: {
			code: 'rate_limited',
			known: true,
			title: 'Too many requests: the service is rate limiting this site',
			steps: [ 'Run the flow less often.', 'Check your plan.' ],
			links: [
				{
					label: 'HTTP 429 Too Many Requests',
					url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/429',
				},
			],
			matched_by: 'code',
		},
		...overrides,
	} );
}

/**
 * `count` log lines with IDs from `firstId`.
 *
 * @param count   How many.
 * @param firstId ID of the first.
 * @param level   Level of every line (default: cycles through info/warning/error).
 */
export function makeLines(
	count: number,
	firstId = 1,
	level?: LogLevel
): LogLine[] {
	const cycle: LogLevel[] = [ 'info', 'warning', 'error' ];
	return Array.from( { length: count }, ( _, index ) => ( {
		id: firstId + index,
		job_id: 42,
		level: level ?? cycle[ index % cycle.length ],
		step: index % 2 === 0 ? 'fetch' : null,
		message: `Line ${ firstId + index }`,
		context: null,
		http_status: null,
		truncated: false,
		created_at: '2025-03-05T14:03:06Z',
	} ) );
}
