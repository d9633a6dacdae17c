/**
 * External dependencies
 */
import type { ColumnDef } from '@tanstack/react-table';

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useMemo, useRef } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	AdminTools,
	JobsContextProvider,
	useSelectionColumn,
} from '../features/admin-tools';
import { useJobsList } from '../features/jobs-list/hooks/use-jobs-list';
import { JobDetails, useJobDetailsOpener } from '../features/job-details';
import type { DmJobsConfig, JobListItem } from '../shared/types';
import { hasActiveFilters } from '../features/jobs-list/utils/has-active-filters';
import { toggleSort } from '../features/jobs-list/utils/sorting';
import { getTimeZoneLabel, resolveTimeZone } from '../shared/format/time-zone';
import { EmptyState } from '../features/jobs-list/components/empty-state';
import { ErrorNotice } from '../features/jobs-list/components/error-notice';
import { JobsNoMatches } from '../features/jobs-list/components/jobs-no-matches';
import { JobsTable } from '../features/jobs-list/components/jobs-table';
import { JobsToolbar } from '../features/jobs-list/components/jobs-toolbar';
import { LoadingState } from '../features/jobs-list/components/loading-state';
import { CompletionSnackbars } from '../features/notifications';
import { JobActions } from './job-actions';

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
		totalPages,
		query,
		loadedQuery,
		requestStatus,
		error,
		reload,
		goToPage,
		totalExact,
		highlightedJobId,
		clearFilters,
		setSort,
	} = useJobsList();
	const containerRef = useRef< HTMLDivElement >( null );
	const { openJob, activeJobId } = useJobDetailsOpener();
	const { timeZone, timeZoneLabel } = useMemo(
		() => ( {
			timeZone: resolveTimeZone( config.timezone ),
			timeZoneLabel: getTimeZoneLabel( config.timezone ),
		} ),
		[ config.timezone ]
	);
	const selectionColumns = useSelectionColumn( NO_COLUMNS, jobs );
	const jobsContext = useMemo(
		() => ( {
			query,
			jobs,
			total,
			reload: () => void reload(),
			timeZone,
			timeZoneLabel,
		} ),
		[ query, jobs, total, reload, timeZone, timeZoneLabel ]
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
		content = (
			<div className="dm-jobs-out-of-range">
				<p>{ __( 'There are no jobs on this page.', 'dm-jobs' ) }</p>
				<Button
					variant="secondary"
					onClick={ () => goToPage( Math.max( 1, totalPages ) ) }
				>
					{ __( 'Go to the last page', 'dm-jobs' ) }
				</Button>
			</div>
		);
	} else {
		content = (
			<JobsTable
				jobs={ jobs }
				page={ query.page }
				perPage={ query.perPage }
				total={ total }
				totalPages={ totalPages }
				isBusy={ isLoading }
				timeZone={ timeZone }
				timeZoneLabel={ timeZoneLabel }
				onPageChange={ goToPage }
				onOpenJob={ openJob }
				activeJobId={ activeJobId }
				totalExact={ totalExact }
				sort={ query }
				onSortChange={ ( orderby ) =>
					setSort( toggleSort( query, orderby ) )
				}
				highlightedJobId={ highlightedJobId }
				leadingColumns={ selectionColumns }
			/>
		);
	}

	return (
		<div className="dm-jobs-screen" ref={ containerRef } tabIndex={ -1 }>
			<JobsContextProvider value={ jobsContext }>
				<AdminTools />
			</JobsContextProvider>
			<JobsToolbar config={ config } onOpenJob={ openJob } />
			{ error && <ErrorNotice error={ error } onRetry={ retry } /> }
			{ isLoading && loadedQuery !== null && <LoadingState inline /> }
			{ content }
			<JobDetails
				config={ config }
				renderActions={ ( job ) => <JobActions job={ job } /> }
			/>
			<CompletionSnackbars openJob={ openJob } />
		</div>
	);
}
