/**
 * WordPress dependencies
 */
import { Button, Notice, SearchControl, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { RetryNotice } from '../../../shared/components/retry-notice';
import { formatNumber } from '../../../shared/format/format-number';
import { downloadLogExport } from '../api/job-details-api';
import { store } from '../store';
import { LOG_LEVELS } from '../types';
import type { ExportFormat, LogCounts, LogLine } from '../types';
import { logLevelLabel } from '../utils/labels';
import { toggleLevel } from '../utils/log-filters';
import { ApiRequestError } from '../../../shared/api/api-request-error';
import {
	formatExactTime,
	parseTimestamp,
} from '../../../shared/format/format-timestamp';
import { CopyButton } from './copy-button';
import { JsonTree } from './json-tree';
import { LogLines } from './log-lines';
import { TruncatedText } from './truncated-text';

const SEARCH_DELAY_MS = 400;

export interface LogViewerProps {
	jobId: number;
	/** The job is still running: the log is tailed. */
	live: boolean;
	counts: LogCounts;
	timeZone: string;
}

function LineDetails( {
	line,
	timeZone,
}: {
	line: LogLine;
	timeZone: string;
} ) {
	const time = parseTimestamp( line.created_at );
	return (
		<div className="dm-jobs-log-details">
			<h3 className="dm-jobs-subheading">
				{ sprintf(
					/* translators: 1: log line ID, 2: level. */
					__( 'Line #%1$d (%2$s)', 'dm-jobs' ),
					line.id,
					logLevelLabel( line.level )
				) }
			</h3>
			<dl className="dm-jobs-facts">
				<dt>{ __( 'Time', 'dm-jobs' ) }</dt>
				<dd>
					{ time === null ? (
						'—'
					) : (
						<time dateTime={ line.created_at ?? undefined }>
							{ formatExactTime( time, timeZone, timeZone ) }
						</time>
					) }
				</dd>
				{ line.step !== null && (
					<>
						<dt>{ __( 'Step', 'dm-jobs' ) }</dt>
						<dd>{ line.step }</dd>
					</>
				) }
				{ line.http_status !== null && (
					<>
						<dt>{ __( 'HTTP status', 'dm-jobs' ) }</dt>
						<dd>{ line.http_status }</dd>
					</>
				) }
			</dl>
			<TruncatedText
				as="pre"
				className="dm-jobs-pre"
				text={ line.message }
				limit={ 5000 }
			/>
			<CopyButton
				text={ line.message }
				label={ __( 'Copy message', 'dm-jobs' ) }
			/>
			{ line.truncated && (
				<p className="description">
					{ __(
						'This line was cut to fit the size limits when it was written.',
						'dm-jobs'
					) }
				</p>
			) }
			{ line.context !== null && (
				<JsonTree
					value={ line.context }
					label={ __( 'Line context', 'dm-jobs' ) }
					expandDepth={ 2 }
				/>
			) }
		</div>
	);
}

/**
 * The job's log: level filter, search, export, the (windowed) lines, and the
 * selected line's full text and context.
 *
 * @param props          Component props.
 * @param props.jobId
 * @param props.live
 * @param props.counts
 * @param props.timeZone
 */
export function LogViewer( { jobId, live, counts, timeZone }: LogViewerProps ) {
	const {
		lines,
		filters,
		status,
		error,
		tailError,
		hasOlder,
		loadingOlder,
		dropped,
	} = useSelect( ( select ) => {
		const details = select( store );
		return {
			lines: details.getLogLines(),
			filters: details.getLogFilters(),
			status: details.getLogStatus(),
			error: details.getLogError(),
			tailError: details.getTailError(),
			hasOlder: details.hasOlderLogLines(),
			loadingOlder: details.isLoadingOlderLogLines(),
			dropped: details.getDroppedLogLineCount(),
		};
	}, [] );
	const { setLogFilters, loadOlderLogs, loadAllLogs, loadLogs } =
		useDispatch( store );
	const [ search, setSearch ] = useState( filters.search );
	const [ selected, setSelected ] = useState< LogLine | null >( null );
	// A line the filters hide has no details on show either.
	const selectedShown =
		selected !== null && lines.some( ( line ) => line.id === selected.id )
			? selected
			: null;
	const [ exporting, setExporting ] = useState< ExportFormat | null >( null );
	const [ exportError, setExportError ] = useState< string | null >( null );

	// The search is sent once typing pauses.
	useEffect( () => {
		if ( search === filters.search ) {
			return;
		}
		const timer = window.setTimeout(
			() => setLogFilters( { ...filters, search } ),
			SEARCH_DELAY_MS
		);
		return () => window.clearTimeout( timer );
	}, [ search, filters, setLogFilters ] );

	const exportLog = async ( format: ExportFormat ) => {
		setExporting( format );
		setExportError( null );
		try {
			await downloadLogExport( jobId, format, filters );
		} catch ( failure ) {
			setExportError(
				failure instanceof ApiRequestError
					? failure.message
					: __( 'The export failed.', 'dm-jobs' )
			);
		} finally {
			setExporting( null );
		}
	};

	const filtered = filters.levels.length > 0 || filters.search.trim() !== '';

	return (
		<div className="dm-jobs-log-viewer">
			<div className="dm-jobs-log-toolbar">
				<fieldset className="dm-jobs-log-levels">
					<legend>{ __( 'Levels', 'dm-jobs' ) }</legend>
					{ LOG_LEVELS.map( ( level ) => (
						<Button
							key={ level }
							size="small"
							variant={
								filters.levels.includes( level )
									? 'primary'
									: 'secondary'
							}
							aria-pressed={ filters.levels.includes( level ) }
							className={ `dm-jobs-level-toggle is-level-${ level }` }
							onClick={ () =>
								setLogFilters( {
									...filters,
									levels: toggleLevel(
										filters.levels,
										level,
										LOG_LEVELS
									),
								} )
							}
						>
							{ sprintf(
								/* translators: 1: log level, 2: number of lines. */
								__( '%1$s (%2$s)', 'dm-jobs' ),
								logLevelLabel( level ),
								formatNumber( counts.by_level[ level ] )
							) }
						</Button>
					) ) }
				</fieldset>
				<SearchControl
					__nextHasNoMarginBottom
					className="dm-jobs-log-search"
					label={ __( 'Search the log', 'dm-jobs' ) }
					placeholder={ __( 'Search the log', 'dm-jobs' ) }
					value={ search }
					onChange={ ( next ) => setSearch( next ?? '' ) }
				/>
				<div className="dm-jobs-log-export">
					<Button
						variant="secondary"
						size="small"
						isBusy={ exporting === 'text' }
						disabled={ exporting !== null }
						onClick={ () => exportLog( 'text' ) }
					>
						{ __( 'Export as text', 'dm-jobs' ) }
					</Button>
					<Button
						variant="secondary"
						size="small"
						isBusy={ exporting === 'json' }
						disabled={ exporting !== null }
						onClick={ () => exportLog( 'json' ) }
					>
						{ __( 'Export as JSON', 'dm-jobs' ) }
					</Button>
				</div>
			</div>
			{ exportError !== null && (
				<Notice
					status="error"
					onRemove={ () => setExportError( null ) }
				>
					{ exportError }
				</Notice>
			) }
			{ error !== null && (
				<RetryNotice onRetry={ () => loadLogs() }>
					{ error.message }
				</RetryNotice>
			) }
			{ tailError !== null && (
				<Notice status="warning" isDismissible={ false }>
					{ sprintf(
						/* translators: %s: error message. */
						__(
							'New lines could not be loaded: %s. Retrying…',
							'dm-jobs'
						),
						tailError.message
					) }
				</Notice>
			) }
			{ status === 'loading' && (
				<p className="dm-jobs-loading is-inline" role="status">
					<Spinner />
					{ __( 'Loading the log…', 'dm-jobs' ) }
				</p>
			) }
			{ status === 'ready' && hasOlder && (
				<div className="dm-jobs-log-older">
					<Button
						variant="link"
						disabled={ loadingOlder }
						onClick={ () => loadOlderLogs() }
					>
						{ __( 'Load older lines', 'dm-jobs' ) }
					</Button>
					<Button
						variant="link"
						disabled={ loadingOlder }
						onClick={ () => loadAllLogs() }
					>
						{ __( 'Show all', 'dm-jobs' ) }
					</Button>
					{ loadingOlder && <Spinner /> }
					{ dropped > 0 && (
						<span className="description">
							{ sprintf(
								/* translators: %s: number of lines. */
								__(
									'%s older lines were unloaded to keep the page fast.',
									'dm-jobs'
								),
								formatNumber( dropped )
							) }
						</span>
					) }
				</div>
			) }
			{ status === 'ready' && lines.length === 0 && (
				<p className="dm-jobs-log-empty">
					{ filtered
						? __( 'No log lines match these filters.', 'dm-jobs' )
						: __( 'This job has no log lines yet.', 'dm-jobs' ) }
				</p>
			) }
			{ ( lines.length > 0 || ( status === 'ready' && live ) ) && (
				<LogLines
					lines={ lines }
					timeZone={ timeZone }
					live={ live }
					selectedId={ selected?.id ?? null }
					onSelect={ ( line ) =>
						setSelected( selected?.id === line.id ? null : line )
					}
				/>
			) }
			{ selectedShown !== null && (
				<LineDetails line={ selectedShown } timeZone={ timeZone } />
			) }
		</div>
	);
}
