/**
 * External dependencies
 */
import type { ColumnDef } from '@tanstack/react-table';

/**
 * WordPress dependencies
 */
import { Suspense, useMemo, useRef } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { JobsContextProvider } from '../features/admin-tools/hooks/use-jobs-context';
import { useSelectionColumn } from '../features/admin-tools/hooks/use-selection-column';
import { useJobsList } from '../features/jobs-list/hooks/use-jobs-list';
import { JobDetails, useJobDetailsOpener } from '../features/job-details';
import type { DmJobsConfig, JobListItem } from '../shared/types';
import { hasActiveFilters } from '../features/jobs-list/utils/has-active-filters';
import { getSiteFormat } from '../shared/format/site-format';
import { JobsTable } from '../features/jobs-list/components/jobs-table';
import { LoadingState } from '../features/jobs-list/components/loading-state';
import { lazyWithDeferred } from '../shared/deferred/lazy-with-deferred';

// What the first rows do not need loads after them, with wp-components: the toolbar (search,
// filters, live status), the admin tools, and the states other than a page of rows.
const AdminTools = lazyWithDeferred( () =>
	import(
		/* webpackChunkName: "admin-tools" */ '../features/admin-tools/components/admin-tools'
	).then( ( module ) => module.AdminTools )
);
const JobsToolbar = lazyWithDeferred( () =>
	import(
		/* webpackChunkName: "jobs-toolbar" */ '../features/jobs-list/components/jobs-toolbar'
	).then( ( module ) => module.JobsToolbar )
);
const EmptyState = lazyWithDeferred( () =>
	import(
		/* webpackChunkName: "jobs-states" */ '../features/jobs-list/components/empty-state'
	).then( ( module ) => module.EmptyState )
);
const JobsNoMatches = lazyWithDeferred( () =>
	import(
		/* webpackChunkName: "jobs-states" */ '../features/jobs-list/components/jobs-no-matches'
	).then( ( module ) => module.JobsNoMatches )
);
const JobsOutOfRange = lazyWithDeferred( () =>
	import(
		/* webpackChunkName: "jobs-states" */ '../features/jobs-list/components/jobs-out-of-range'
	).then( ( module ) => module.JobsOutOfRange )
);
const ErrorNotice = lazyWithDeferred( () =>
	import(
		/* webpackChunkName: "jobs-states" */ '../features/jobs-list/components/error-notice'
	).then( ( module ) => module.ErrorNotice )
);
const CompletionSnackbars = lazyWithDeferred( () =>
	import(
		/* webpackChunkName: "notifications" */ '../features/notifications'
	).then( ( module ) => module.CompletionSnackbars )
);
const JobActions = lazyWithDeferred( () =>
	import( /* webpackChunkName: "job-actions" */ './job-actions' ).then(
		( module ) => module.JobActions
	)
);

const NO_COLUMNS: ColumnDef< JobListItem, unknown >[] = [];

export interface JobsScreenProps {
	config: DmJobsConfig;
}

/**
 * The Jobs screen: the jobs list with its loading, error, empty and
 * out-of-range states, the Admin tools acting on it (row selection, modal)
 * and the job details panel.
 *
 * @param props        Component props.
 * @param props.config Boot data (time zone, links).
 */
export function JobsScreen( { config }: JobsScreenProps ) {
	const {
		jobs,
		total,
		query,
		loadedQuery,
		requestStatus,
		error,
		reload,
		invalidate,
		highlightedJobId,
		clearFilters,
	} = useJobsList();
	const containerRef = useRef< HTMLDivElement >( null );
	const { openJob, activeJobId } = useJobDetailsOpener();
	const { timeZone, timeZoneLabel } = getSiteFormat();
	const selectionColumns = useSelectionColumn( NO_COLUMNS, jobs );
	const jobsContext = useMemo(
		() => ( {
			query,
			jobs,
			total,
			reload: () => void invalidate(),
			timeZone,
			timeZoneLabel,
		} ),
		[ query, jobs, total, invalidate, timeZone, timeZoneLabel ]
	);

	const isLoading = requestStatus === 'loading';

	// The Retry button disappears while retrying: keep focus nearby.
	const retry = () => {
		containerRef.current?.focus();
		reload();
	};

	let content;
	if ( loadedQuery === null ) {
		content = error ? null : <LoadingState />;
	} else if ( total === 0 && ! hasActiveFilters( loadedQuery ) ) {
		content = <EmptyState config={ config } />;
	} else if ( total === 0 ) {
		content = <JobsNoMatches onClear={ clearFilters } />;
	} else if ( jobs.length === 0 ) {
		content = <JobsOutOfRange />;
	} else {
		content = (
			<JobsTable
				jobs={ jobs }
				isBusy={ isLoading }
				timeZone={ timeZone }
				timeZoneLabel={ timeZoneLabel }
				onOpenJob={ openJob }
				activeJobId={ activeJobId }
				sort={ query }
				highlightedJobId={ highlightedJobId }
				leadingColumns={ selectionColumns }
			/>
		);
	}

	return (
		<div className="dm-jobs-screen" ref={ containerRef } tabIndex={ -1 }>
			{ /* The fallback keeps the space the server-printed page gave the toolbar (no layout shift). */ }
			<Suspense fallback={ <div className="dm-jobs-toolbar" /> }>
				<JobsToolbar onOpenJob={ openJob } />
			</Suspense>
			<Suspense fallback={ null }>
				{ error && <ErrorNotice error={ error } onRetry={ retry } /> }
			</Suspense>
			{ isLoading && loadedQuery !== null && <LoadingState inline /> }
			<Suspense fallback={ <LoadingState /> }>{ content }</Suspense>
			{ /* After the list: its selection bar sticks to the bottom of the screen. */ }
			<Suspense fallback={ null }>
				<JobsContextProvider value={ jobsContext }>
					<AdminTools />
				</JobsContextProvider>
			</Suspense>
			<JobDetails
				config={ config }
				renderActions={ ( job ) => (
					<Suspense fallback={ null }>
						<JobActions job={ job } />
					</Suspense>
				) }
			/>
			<Suspense fallback={ null }>
				<CompletionSnackbars openJob={ openJob } />
			</Suspense>
		</div>
	);
}
