<?php
/**
 * `wp dm-jobs`: list, inspect, change, delete and clean up Data Machine jobs from the command line.
 *
 * Every subcommand goes through the dm-jobs/v1 REST routes in-process (RestBridge), so input is
 * validated the same way (a bad value is refused naming the parameter) and the same services,
 * audit trail and hooks run as for the Jobs screen.
 *
 * @package DMJobs
 */

namespace DMJobs\Cli;

use DMJobs\Jobs\CountRefresher;
use WP_CLI;
use WP_CLI\Utils;

defined( 'ABSPATH' ) || exit;

final class JobsCommand {

	private const LIST_FIELDS   = array( 'id', 'pipeline_name', 'flow_name', 'status', 'status_reason', 'created_at', 'duration' );
	private const LIST_FILTERS  = array( 'status', 'pipeline_id', 'flow_id', 'search', 'after', 'before', 'orderby', 'order', 'page', 'per_page' );
	private const JOB_FILTERS   = array( 'status', 'pipeline_id', 'flow_id', 'search', 'after', 'before' );
	private const LOG_FIELDS    = array( 'id', 'created_at', 'level', 'step', 'message' );
	private const CLEANUP_TYPES = array(
		'jobs'            => 'cleanup_jobs',
		'orphan-jobs'     => 'cleanup_orphan_jobs',
		'processed-items' => 'cleanup_processed_items',
		'orphan-logs'     => 'cleanup_orphan_logs',
		'orphan-files'    => 'cleanup_orphan_files',
		'engine-data'     => 'shed_engine_data',
		'optimize'        => 'optimize_tables',
		'audit'           => 'prune_audit',
	);
	private const RETENTION_KEYS = array( 'completed_days', 'failed_days', 'keep_failed', 'engine_data_days', 'audit_days' );

	private RestBridge $rest;

	public function __construct() {
		$this->rest = new RestBridge();
	}

	/**
	 * Lists jobs, with the Jobs screen's filters and sorting.
	 *
	 * ## OPTIONS
	 *
	 * [--status=<statuses>]
	 * : Base statuses, comma-separated: pending, processing, completed, completed_no_items, failed, cancelled, agent_skipped.
	 *
	 * [--pipeline_id=<id>]
	 * : Only jobs of this pipeline.
	 *
	 * [--flow_id=<id>]
	 * : Only jobs of this flow.
	 *
	 * [--search=<text>]
	 * : A job ID, or text matched against pipeline name, flow name and status reason.
	 *
	 * [--after=<datetime>]
	 * : Only jobs created at or after this ISO 8601 date-time.
	 *
	 * [--before=<datetime>]
	 * : Only jobs created at or before this ISO 8601 date-time.
	 *
	 * [--orderby=<column>]
	 * : job_id (default), created_at, completed_at, status, pipeline, flow or duration.
	 *
	 * [--order=<direction>]
	 * : desc (default) or asc.
	 *
	 * [--page=<page>]
	 * : Page, from 1.
	 *
	 * [--per_page=<count>]
	 * : Jobs per page, 1 to 100 (default 20).
	 *
	 * [--fields=<fields>]
	 * : Fields to show (default: id, pipeline_name, flow_name, status, status_reason, created_at, duration).
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - yaml
	 *   - ids
	 *   - count
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp dm-jobs list --status=failed --after=2026-12-01T00:00:00Z
	 *     wp dm-jobs list --pipeline_id=3 --orderby=duration --format=csv
	 *
	 * @subcommand list
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function list_( array $args, array $assoc_args ): void {
		$this->rest->act_as_capable_user();
		$response = $this->rest->call( 'GET', '/jobs', $this->pick( $assoc_args, self::LIST_FILTERS ) );
		$headers  = $response->get_headers();
		$format   = (string) ( $assoc_args['format'] ?? 'table' );
		if ( 'count' === $format ) {
			WP_CLI::line( (string) ( $headers['X-WP-Total'] ?? 0 ) );
			return;
		}
		$jobs = array_map( array( $this, 'without_links' ), (array) RestBridge::as_json( $response->get_data() ) );
		Utils\format_items( $format, $this->for_display( $jobs, $format ), $this->fields( $assoc_args, self::LIST_FIELDS ) );
		if ( 'table' === $format ) {
			WP_CLI::log(
				sprintf(
					'Page %d of %d, %s%s jobs.',
					(int) ( $assoc_args['page'] ?? 1 ),
					(int) ( $headers['X-WP-TotalPages'] ?? 0 ),
					'0' === (string) ( $headers['X-DM-Jobs-Total-Exact'] ?? '1' ) ? 'about ' : '',
					number_format_i18n( (int) ( $headers['X-WP-Total'] ?? 0 ) )
				)
			);
		}
	}

	/**
	 * Shows one job with its engine_data and failure details.
	 *
	 * ## OPTIONS
	 *
	 * <id>
	 * : The job ID.
	 *
	 * [--fields=<fields>]
	 * : Only these fields.
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - yaml
	 * ---
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function get( array $args, array $assoc_args ): void {
		$this->rest->act_as_capable_user();
		$job    = $this->without_links( (array) $this->rest->data( 'GET', '/jobs/' . rawurlencode( $args[0] ) ) );
		$fields = isset( $assoc_args['fields'] ) ? $this->fields( $assoc_args, array() ) : array_keys( $job );
		$job    = array_intersect_key( $job, array_flip( $fields ) );
		$format = (string) ( $assoc_args['format'] ?? 'table' );
		if ( 'table' !== $format ) {
			Utils\format_items( $format, array( $job ), array_keys( $job ) );
			return;
		}
		$rows = array();
		foreach ( $job as $field => $value ) {
			$rows[] = array(
				'Field' => $field,
				'Value' => is_scalar( $value ) || null === $value ? (string) wp_json_encode( $value ) : (string) wp_json_encode( $value, JSON_UNESCAPED_SLASHES ),
			);
		}
		Utils\format_items( 'table', $rows, array( 'Field', 'Value' ) );
	}

	/**
	 * Deletes jobs (and their logs and files) by ID or by filter, after a dry run that counts them.
	 *
	 * Pending and processing jobs are left out unless --include_active is given.
	 *
	 * ## OPTIONS
	 *
	 * [<id>...]
	 * : Job IDs. Without IDs, the filters choose the jobs.
	 *
	 * [--status=<statuses>]
	 * : Base statuses, comma-separated.
	 *
	 * [--pipeline_id=<id>]
	 * : Only jobs of this pipeline.
	 *
	 * [--flow_id=<id>]
	 * : Only jobs of this flow.
	 *
	 * [--search=<text>]
	 * : A job ID, or text matched against pipeline name, flow name and status reason.
	 *
	 * [--after=<datetime>]
	 * : Only jobs created at or after this ISO 8601 date-time.
	 *
	 * [--before=<datetime>]
	 * : Only jobs created at or before this ISO 8601 date-time.
	 *
	 * [--include_active]
	 * : Also delete pending and processing jobs.
	 *
	 * [--all]
	 * : Without IDs or filters: every job (a guard against deleting everything by mistake).
	 *
	 * [--dry-run]
	 * : Only count and show a sample.
	 *
	 * [--yes]
	 * : Do not ask for confirmation.
	 *
	 * ## EXAMPLES
	 *
	 *     wp dm-jobs delete 12 13 14 --yes
	 *     wp dm-jobs delete --status=failed --before=2026-11-01T00:00:00Z --dry-run
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function delete( array $args, array $assoc_args ): void {
		$this->rest->act_as_capable_user();
		$params = array( 'type' => 'delete_jobs' ) + $this->pick( $assoc_args, self::JOB_FILTERS );
		if ( $args ) {
			$params['ids'] = $args;
		} elseif ( count( $params ) === 1 && ! Utils\get_flag_value( $assoc_args, 'all', false ) ) {
			WP_CLI::error( 'Give job IDs or filters (or --all to delete every job).' );
		}
		if ( Utils\get_flag_value( $assoc_args, 'include_active', false ) ) {
			$params['include_active'] = true;
		}
		( new OperationRunner( $this->rest ) )->run( $params, $this->dry_run( $assoc_args ), $this->yes( $assoc_args ), 'jobs' );
	}

	/**
	 * Changes a job's status (a final status sets completed_at).
	 *
	 * ## OPTIONS
	 *
	 * <id>
	 * : The job ID.
	 *
	 * <status>
	 * : The new base status: pending, processing, completed, completed_no_items, failed, cancelled, agent_skipped.
	 *
	 * [--reason=<reason>]
	 * : Why, shown next to the status.
	 *
	 * [--format=<format>]
	 * : Output format of the changed job.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - yaml
	 * ---
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function status( array $args, array $assoc_args ): void {
		$this->rest->act_as_capable_user();
		$params = array( 'status' => $args[1] );
		if ( isset( $assoc_args['reason'] ) ) {
			$params['reason'] = (string) $assoc_args['reason'];
		}
		$job    = $this->without_links( (array) $this->rest->data( 'POST', '/jobs/' . rawurlencode( $args[0] ) . '/status', $params ) );
		$format = (string) ( $assoc_args['format'] ?? 'table' );
		if ( 'table' === $format ) {
			WP_CLI::success( sprintf( 'Job %d is now %s%s.', (int) $job['id'], (string) $job['status'], null === ( $job['status_reason'] ?? null ) ? '' : ' (' . $job['status_reason'] . ')' ) );
			return;
		}
		Utils\format_items( $format, array( $job ), array_keys( $job ) );
	}

	/**
	 * Cleans up: old finished jobs, orphans, processed items, engine_data, tables, audit entries.
	 *
	 * Runs the same resumable operation as the Admin modal: a dry run counts first, the run touches
	 * exactly that set (jobs created meanwhile are never touched).
	 *
	 * ## OPTIONS
	 *
	 * <type>
	 * : What to clean up.
	 * ---
	 * options:
	 *   - jobs
	 *   - orphan-jobs
	 *   - processed-items
	 *   - orphan-logs
	 *   - orphan-files
	 *   - engine-data
	 *   - optimize
	 *   - audit
	 * ---
	 *
	 * [--older_than_days=<days>]
	 * : Only rows older than this many days (0: any age).
	 *
	 * [--statuses=<statuses>]
	 * : Finished statuses (jobs, engine-data), comma-separated: completed, completed_no_items, failed, cancelled, agent_skipped.
	 *
	 * [--pipeline_id=<id>]
	 * : Only jobs of this pipeline.
	 *
	 * [--flow_id=<id>]
	 * : Only jobs of this flow.
	 *
	 * [--orphaned]
	 * : processed-items: only items whose job no longer exists.
	 *
	 * [--dry-run]
	 * : Only count and show a sample.
	 *
	 * [--yes]
	 * : Do not ask for confirmation.
	 *
	 * ## EXAMPLES
	 *
	 *     wp dm-jobs cleanup jobs --statuses=completed,completed_no_items,agent_skipped --older_than_days=30 --dry-run
	 *     wp dm-jobs cleanup orphan-logs --yes
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function cleanup( array $args, array $assoc_args ): void {
		$this->rest->act_as_capable_user();
		$type   = self::CLEANUP_TYPES[ $args[0] ];
		$params = array( 'type' => $type ) + $this->pick( $assoc_args, array( 'older_than_days', 'statuses', 'pipeline_id', 'flow_id' ) );
		if ( Utils\get_flag_value( $assoc_args, 'orphaned', false ) ) {
			$params['orphaned'] = true;
		}
		$what = match ( $type ) {
			'cleanup_processed_items' => 'processed items',
			'cleanup_orphan_logs'     => 'log lines',
			'cleanup_orphan_files'    => 'job folders',
			'optimize_tables'         => 'tables',
			'prune_audit'             => 'audit entries',
			default                   => 'jobs',
		};
		( new OperationRunner( $this->rest ) )->run( $params, $this->dry_run( $assoc_args ), $this->yes( $assoc_args ), $what );
	}

	/**
	 * Shows, changes or runs the retention policy.
	 *
	 * ## OPTIONS
	 *
	 * [<action>]
	 * : show (default), set or run.
	 * ---
	 * default: show
	 * options:
	 *   - show
	 *   - set
	 *   - run
	 * ---
	 *
	 * [--completed_days=<days>]
	 * : set: days to keep completed, completed-without-items and skipped jobs (0: forever).
	 *
	 * [--failed_days=<days>]
	 * : set: days to keep failed and cancelled jobs (0: forever).
	 *
	 * [--keep_failed=<bool>]
	 * : set: keep failed jobs for debugging (true or false).
	 *
	 * [--engine_data_days=<days>]
	 * : set: days after which finished jobs shed their engine_data (0: never).
	 *
	 * [--audit_days=<days>]
	 * : set: days to keep audit entries (0: forever).
	 *
	 * [--dry-run]
	 * : run: only count what each rule would remove now.
	 *
	 * [--yes]
	 * : run: do not ask for confirmation.
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - yaml
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp dm-jobs retention set --completed_days=30 --failed_days=90
	 *     wp dm-jobs retention run --dry-run
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function retention( array $args, array $assoc_args ): void {
		$this->rest->act_as_capable_user();
		$action = $args[0] ?? 'show';
		$format = (string) ( $assoc_args['format'] ?? 'table' );
		if ( 'set' === $action ) {
			$changes = $this->pick( $assoc_args, self::RETENTION_KEYS );
			if ( array() === $changes ) {
				WP_CLI::error( 'Give at least one of --' . implode( ', --', self::RETENTION_KEYS ) . '.' );
			}
			$this->rest->call( 'POST', '/retention', $changes );
			WP_CLI::success( 'Retention policy saved.' );
		}
		if ( 'run' === $action ) {
			$this->run_retention( $assoc_args, $format );
			return;
		}
		$policy = (array) $this->rest->data( 'GET', '/retention' );
		$rows   = array();
		foreach ( self::RETENTION_KEYS as $key ) {
			$rows[] = array(
				'setting'    => $key,
				'saved'      => $this->scalar( $policy['saved'][ $key ] ?? null ),
				'effective'  => $this->scalar( $policy['effective'][ $key ] ?? null ),
				'overridden' => in_array( $key, (array) ( $policy['overridden'] ?? array() ), true ) ? 'yes' : 'no',
			);
		}
		Utils\format_items( $format, $rows, array( 'setting', 'saved', 'effective', 'overridden' ) );
		if ( 'table' === $format ) {
			WP_CLI::log( sprintf( 'Runs with %s; next run %s.', (string) ( $policy['schedule']['runner'] ?? '?' ), (string) ( $policy['schedule']['next_run'] ?? 'not scheduled' ) ) );
		}
	}

	/**
	 * Counts per status (exact or estimated) and the success rate over a range.
	 *
	 * ## OPTIONS
	 *
	 * [--range=<range>]
	 * : Range of the success rate: 24h, 7d (default), 30d or 90d.
	 * ---
	 * default: 7d
	 * ---
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - yaml
	 * ---
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function stats( array $args, array $assoc_args ): void {
		$this->rest->act_as_capable_user();
		$counts  = (array) $this->rest->data( 'GET', '/jobs/counts' );
		$metrics = (array) $this->rest->data( 'GET', '/metrics', array( 'range' => (string) $assoc_args['range'] ) );
		$format  = (string) ( $assoc_args['format'] ?? 'table' );
		$totals  = (array) ( $metrics['totals'] ?? array() );
		if ( 'json' === $format || 'yaml' === $format ) {
			$summary = array(
				'total'     => (int) ( $counts['total'] ?? 0 ),
				'exact'     => (bool) ( $counts['exact'] ?? true ),
				'by_status' => (array) ( $counts['by_status'] ?? array() ),
				'range'     => (string) $assoc_args['range'],
				'finished'  => $totals,
			);
			WP_CLI::line( 'json' === $format ? (string) wp_json_encode( $summary, JSON_PRETTY_PRINT ) : \Spyc::YAMLDump( $summary, 2, 0 ) );
			return;
		}
		$rows = array();
		foreach ( (array) ( $counts['by_status'] ?? array() ) as $status => $count ) {
			$rows[] = array(
				'status' => $status,
				'count'  => (int) $count,
			);
		}
		Utils\format_items( $format, $rows, array( 'status', 'count' ) );
		if ( 'table' === $format ) {
			WP_CLI::log( sprintf( 'Total: %s%s jobs.', empty( $counts['exact'] ) ? 'about ' : '', number_format_i18n( (int) ( $counts['total'] ?? 0 ) ) ) );
			$rate = $totals['success_rate'] ?? null;
			WP_CLI::log(
				sprintf(
					'Last %s: %s finished, %s succeeded, %s failed; success rate %s.',
					(string) $assoc_args['range'],
					number_format_i18n( (int) ( $totals['jobs'] ?? 0 ) ),
					number_format_i18n( (int) ( $totals['succeeded'] ?? 0 ) ),
					number_format_i18n( (int) ( $totals['failed'] ?? 0 ) ),
					null === $rate ? 'n/a' : round( 100 * (float) $rate, 1 ) . '%'
				)
			);
		}
	}

	/**
	 * Refreshes derived state now: the count snapshot, the page anchors and date zones (what WP-Cron
	 * does every five minutes) and the metrics rollups (until they have caught up).
	 *
	 * ## OPTIONS
	 *
	 * [--rebuild]
	 * : Empty the rollups and backfill them again from the jobs table.
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function refresh( array $args, array $assoc_args ): void {
		$this->rest->act_as_capable_user();
		$started = microtime( true );
		( new CountRefresher() )->run();
		WP_CLI::log( sprintf( 'Count snapshot, page anchors, date zones and job labels refreshed (%.1f s).', microtime( true ) - $started ) );

		$rebuild  = (bool) Utils\get_flag_value( $assoc_args, 'rebuild', false );
		$progress = (array) $this->rest->data(
			'POST',
			'/metrics/rollup',
			array(
				'rebuild' => $rebuild,
				'confirm' => $rebuild, // --rebuild is the explicit request.
			)
		);
		$target   = max( 1, (int) ( $progress['target'] ?? 0 ) );
		$bar      = Utils\make_progress_bar( 'Metrics rollups', $target );
		$shown    = 0;
		for ( $passes = 0; ; $passes++ ) {
			$done = min( $target, (int) ( $progress['processed'] ?? 0 ) );
			if ( $done > $shown ) {
				$bar->tick( $done - $shown );
				$shown = $done;
			}
			if ( 'ready' === ( $progress['state'] ?? '' ) || $passes >= 10000 ) {
				break;
			}
			$progress = (array) $this->rest->data( 'POST', '/metrics/rollup', array( 'rebuild' => false ) );
		}
		$bar->finish();
		if ( 'ready' !== ( $progress['state'] ?? '' ) ) {
			WP_CLI::error( sprintf( 'The rollups have not caught up (state "%s"); run the command again.', (string) ( $progress['state'] ?? '' ) ) );
		}
		WP_CLI::success( sprintf( 'Derived state refreshed in %.1f s.', microtime( true ) - $started ) );
	}

	/**
	 * Shows a job's log lines (oldest first).
	 *
	 * ## OPTIONS
	 *
	 * <id>
	 * : The job ID.
	 *
	 * [--level=<levels>]
	 * : Only these levels, comma-separated: debug, info, notice, warning, error, critical.
	 *
	 * [--search=<text>]
	 * : Text matched against the message and the step.
	 *
	 * [--tail]
	 * : The newest lines instead of the oldest.
	 *
	 * [--per_page=<count>]
	 * : Lines per page, 1 to 1000 (default 200).
	 *
	 * [--all]
	 * : Every line, page after page.
	 *
	 * [--fields=<fields>]
	 * : Fields to show (default: id, created_at, level, step, message).
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - yaml
	 *   - count
	 * ---
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function logs( array $args, array $assoc_args ): void {
		$this->rest->act_as_capable_user();
		$route  = '/jobs/' . rawurlencode( $args[0] ) . '/logs';
		$params = $this->pick( $assoc_args, array( 'level', 'search', 'per_page' ) );
		if ( Utils\get_flag_value( $assoc_args, 'tail', false ) ) {
			$params['tail'] = true;
		}
		$all   = (bool) Utils\get_flag_value( $assoc_args, 'all', false );
		$lines = array();
		do {
			$page  = (array) $this->rest->data( 'GET', $route, $params );
			$lines = array_merge( $lines, (array) ( $page['items'] ?? array() ) );
			$more  = $all && ! empty( $page['has_more'] ) && null !== ( $page['next_cursor'] ?? null );
			if ( $more ) {
				unset( $params['tail'] );
				$params['after'] = (int) $page['next_cursor'];
			}
		} while ( $more );
		$format = (string) ( $assoc_args['format'] ?? 'table' );
		Utils\format_items( $format, $this->for_display( $lines, $format ), $this->fields( $assoc_args, self::LOG_FIELDS ) );
	}

	/**
	 * POST /retention/run: the dry run's steps, then (unless --dry-run) a confirmed real run.
	 *
	 * @param array<string, mixed> $assoc_args Options.
	 * @param string               $format     Output format.
	 */
	private function run_retention( array $assoc_args, string $format ): void {
		$preview = (array) $this->rest->data( 'POST', '/retention/run', array( 'dry_run' => true ) );
		$steps   = array_map(
			static fn ( $step ): array => array(
				'rule'  => (string) ( $step['key'] ?? '' ),
				'type'  => (string) ( $step['type'] ?? '' ),
				'days'  => (int) ( $step['days'] ?? 0 ),
				'count' => (int) ( $step['count'] ?? 0 ),
			),
			(array) ( $preview['steps'] ?? array() )
		);
		if ( array() === $steps ) {
			WP_CLI::success( 'No retention rule is set: nothing would be removed.' );
			return;
		}
		Utils\format_items( $format, $steps, array( 'rule', 'type', 'days', 'count' ) );
		$total = array_sum( array_column( $steps, 'count' ) );
		if ( $this->dry_run( $assoc_args ) ) {
			WP_CLI::success( sprintf( 'Dry run: %s rows would be removed. Nothing was changed.', number_format_i18n( $total ) ) );
			return;
		}
		if ( ! $this->yes( $assoc_args ) ) {
			WP_CLI::confirm( sprintf( 'Run the retention policy now (about %s rows)?', number_format_i18n( $total ) ) );
		}
		$result = $this->rest->data(
			'POST',
			'/retention/run',
			array(
				'dry_run' => false,
				'confirm' => true,
			)
		);
		WP_CLI::success( 'Retention ran: ' . wp_json_encode( $result, JSON_UNESCAPED_SLASHES ) );
	}

	/**
	 * The given options among $names, as REST parameters.
	 *
	 * @param array<string, mixed> $assoc_args Options.
	 * @param string[]             $names      Option names.
	 * @return array<string, mixed>
	 */
	private function pick( array $assoc_args, array $names ): array {
		return array_intersect_key( $assoc_args, array_flip( $names ) );
	}

	/**
	 * @param array<string, mixed> $assoc_args Options.
	 * @param string[]             $defaults   Default fields.
	 * @return string[]
	 */
	private function fields( array $assoc_args, array $defaults ): array {
		if ( ! isset( $assoc_args['fields'] ) ) {
			return $defaults;
		}
		return array_values( array_filter( array_map( 'trim', explode( ',', (string) $assoc_args['fields'] ) ) ) );
	}

	/**
	 * @param array<string, mixed> $item A REST item.
	 * @return array<string, mixed> Without its _links.
	 */
	private function without_links( $item ): array {
		$item = (array) $item;
		unset( $item['_links'] );
		return $item;
	}

	/**
	 * Table and CSV cells show null as empty and structures as JSON; JSON and YAML keep the types.
	 *
	 * @param array<int, array<string, mixed>> $items  Items.
	 * @param string                           $format Output format.
	 * @return array<int, array<string, mixed>>
	 */
	private function for_display( array $items, string $format ): array {
		if ( ! in_array( $format, array( 'table', 'csv' ), true ) ) {
			return $items;
		}
		return array_map(
			static fn ( array $item ): array => array_map(
				static fn ( $value ) => null === $value ? '' : ( is_array( $value ) || is_object( $value ) ? (string) wp_json_encode( $value, JSON_UNESCAPED_SLASHES ) : $value ),
				$item
			),
			$items
		);
	}

	/**
	 * @param mixed $value A setting.
	 */
	private function scalar( $value ): string {
		return is_bool( $value ) ? ( $value ? 'true' : 'false' ) : (string) $value;
	}

	/**
	 * @param array<string, mixed> $assoc_args Options.
	 */
	private function dry_run( array $assoc_args ): bool {
		return (bool) Utils\get_flag_value( $assoc_args, 'dry-run', false );
	}

	/**
	 * @param array<string, mixed> $assoc_args Options.
	 */
	private function yes( array $assoc_args ): bool {
		return (bool) Utils\get_flag_value( $assoc_args, 'yes', false );
	}
}
