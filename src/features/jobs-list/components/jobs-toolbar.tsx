/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect } from '@wordpress/element';
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { useLiveUpdates } from '../hooks/use-live-updates';
import { store } from '../store';
import { hasActiveFilters } from '../utils/has-active-filters';
import { isNewestFirst } from '../utils/sorting';
import { getSiteFormat } from '../../../shared/format/site-format';
import { JobsFilters } from './jobs-filters';
import { JobsLiveStatus } from './jobs-live-status';
import { JobsNewJobsBar } from './jobs-new-jobs-bar';
import './jobs-list.scss';

export interface JobsToolbarProps {
	/** Opens a job's details (when the details panel is present). */
	onOpenJob?: ( jobId: number ) => void;
}

function focusScreen(): void {
	document
		.querySelector< HTMLElement >( '.dm-jobs-screen' )
		?.focus( { preventScroll: true } );
}

/**
 * Everything above the jobs table: search and filters, when the rows were
 * last refreshed, live-update problems and the "N new jobs — Show" bar.
 * Also runs the live updates, so render it once.
 *
 * @param props           Component props.
 * @param props.onOpenJob Opens a job's details.
 */
export function JobsToolbar( { onOpenJob }: JobsToolbarProps ) {
	const {
		view,
		loadedQuery,
		total,
		newJobs,
		lastUpdated,
		jump,
		highlightedJobId,
	} = useSelect( ( select ) => {
		const jobs = select( store );
		return {
			view: jobs.getQuery(),
			loadedQuery: jobs.getLoadedQuery(),
			total: jobs.getTotal(),
			newJobs: jobs.getNewJobsCount(),
			lastUpdated: jobs.getLastUpdated(),
			jump: jobs.getJumpRequest(),
			highlightedJobId: jobs.getHighlightedJobId(),
		};
	}, [] );
	const { showNewJobs } = useDispatch( store );
	const live = useLiveUpdates();
	const { timeZone, timeZoneLabel } = getSiteFormat();

	// A search for an existing job's ID: bring its row into view, and open
	// it when asked to (Enter).
	const jumpSequence = jump?.sequence ?? 0;
	useEffect( () => {
		if ( jump === null ) {
			return;
		}
		document
			.querySelector( `tr[data-job-id="${ jump.jobId }"]` )
			?.scrollIntoView?.( { block: 'nearest' } );
		if ( jump.open ) {
			onOpenJob?.( jump.jobId );
		}
		// Only for a new jump request.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ jumpSequence ] );

	const isEmptySite =
		loadedQuery !== null &&
		total === 0 &&
		! hasActiveFilters( loadedQuery );

	const showNew = () => {
		if ( isNewestFirst( view ) ) {
			window.scrollTo( { top: 0 } );
		}
		focusScreen();
		void showNewJobs();
	};

	let searchNote = '';
	if ( highlightedJobId !== null ) {
		searchNote =
			onOpenJob && ! jump?.open
				? sprintf(
						/* translators: %d: job ID. */
						__(
							'Job #%d is highlighted. Press Enter to open it.',
							'dm-jobs'
						),
						highlightedJobId
					)
				: sprintf(
						/* translators: %d: job ID. */
						__( 'Job #%d is highlighted.', 'dm-jobs' ),
						highlightedJobId
					);
	}

	return (
		<div className="dm-jobs-toolbar">
			{ ! isEmptySite && <JobsFilters searchNote={ searchNote } /> }
			<JobsLiveStatus
				state={ live.state }
				lastUpdated={ lastUpdated }
				timeZone={ timeZone }
				timeZoneLabel={ timeZoneLabel }
				onRetryNow={ live.retryNow }
			>
				<JobsNewJobsBar count={ newJobs } onShow={ showNew } />
			</JobsLiveStatus>
		</div>
	);
}
