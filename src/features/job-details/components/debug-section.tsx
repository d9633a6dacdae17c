/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ApiResponseEntry, ConfigCheck, JobDetail } from '../types';
import { checkStatusLabel } from '../utils/labels';
import { PayloadInspector } from './payload-inspector';
import { TruncatedText } from './truncated-text';

function ConfigChecks( { checks }: { checks: ConfigCheck[] } ) {
	if ( checks.length === 0 ) {
		return <p>{ __( 'No checks ran.', 'dm-jobs' ) }</p>;
	}
	const problems = checks.filter( ( check ) => check.status !== 'ok' ).length;
	return (
		<>
			<p>
				{ problems === 0
					? __(
							'No problems found in the pipeline and flow settings.',
							'dm-jobs'
						)
					: sprintf(
							/* translators: %d: number of problems. */
							__(
								'%d problem(s) found in the pipeline and flow settings.',
								'dm-jobs'
							),
							problems
						) }
			</p>
			<ul className="dm-jobs-checks">
				{ checks.map( ( check ) => (
					<li
						key={ `${ check.scope }-${ check.id }` }
						className={ `dm-jobs-check is-${ check.status }` }
						data-check-id={ check.id }
					>
						<span className="dm-jobs-check-status">
							{ checkStatusLabel( check.status ) }
						</span>{ ' ' }
						<span className="dm-jobs-check-scope">
							{ check.scope === 'pipeline'
								? __( 'Pipeline', 'dm-jobs' )
								: __( 'Flow', 'dm-jobs' ) }
						</span>{ ' ' }
						<span className="dm-jobs-check-message">
							{ check.message }
						</span>
						{ check.field !== null && (
							<>
								{ ' ' }
								<code>{ check.field }</code>
							</>
						) }
					</li>
				) ) }
			</ul>
		</>
	);
}

function ApiResponses( { entries }: { entries: ApiResponseEntry[] } ) {
	if ( entries.length === 0 ) {
		return (
			<p>
				{ __(
					'No API responses or error codes were recorded for this job.',
					'dm-jobs'
				) }
			</p>
		);
	}
	return (
		<ul className="dm-jobs-api-responses">
			{ entries.map( ( entry, index ) => (
				<li key={ index } className="dm-jobs-api-response">
					<p>
						{ entry.status !== null && (
							<strong
								className={ `dm-jobs-http-status is-${ Math.floor(
									entry.status / 100
								) }xx` }
							>
								{ sprintf(
									/* translators: %d: HTTP status code. */
									__( 'HTTP %d', 'dm-jobs' ),
									entry.status
								) }
							</strong>
						) }{ ' ' }
						{ entry.code !== null && <code>{ entry.code }</code> }{ ' ' }
						{ entry.step !== null && (
							<span className="dm-jobs-log-step">
								{ entry.step }
							</span>
						) }{ ' ' }
						<span className="description">
							{ entry.source === 'log'
								? sprintf(
										/* translators: %d: log line ID. */
										__( 'log line #%d', 'dm-jobs' ),
										entry.log_id ?? 0
									)
								: sprintf(
										/* translators: %s: path in engine_data. */
										__( 'engine_data: %s', 'dm-jobs' ),
										entry.path ?? ''
									) }
						</span>
					</p>
					{ entry.url !== null && (
						<p className="dm-jobs-api-url">
							<code>{ entry.url }</code>
						</p>
					) }
					{ entry.message !== null && (
						<p>
							<TruncatedText
								text={ entry.message }
								limit={ 500 }
							/>
						</p>
					) }
					{ entry.body !== null && (
						<TruncatedText
							as="pre"
							className="dm-jobs-pre"
							text={ entry.body }
							limit={ 1000 }
						/>
					) }
				</li>
			) ) }
		</ul>
	);
}

/**
 * The payload inspector, configuration checks and API responses.
 *
 * @param props     Component props.
 * @param props.job The job.
 */
export function DebugSection( { job }: { job: JobDetail } ) {
	return (
		<div className="dm-jobs-debug">
			<h3 className="dm-jobs-subheading">
				{ __( 'Payload (engine_data)', 'dm-jobs' ) }
			</h3>
			{ job.engine_data === null ? (
				<p>{ __( 'This job has no engine data.', 'dm-jobs' ) }</p>
			) : (
				<PayloadInspector
					value={ job.engine_data }
					label={ __( 'Engine data', 'dm-jobs' ) }
				/>
			) }
			<h3 className="dm-jobs-subheading">
				{ __( 'Configuration checks', 'dm-jobs' ) }
			</h3>
			<ConfigChecks checks={ job.config_checks } />
			<h3 className="dm-jobs-subheading">
				{ __( 'API responses', 'dm-jobs' ) }
			</h3>
			<ApiResponses entries={ job.api_responses } />
		</div>
	);
}
