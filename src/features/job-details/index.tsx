/**
 * The job detail view: a panel that opens from a row of the jobs
 * table, with the job's diagnostics and its log.
 *
 * Use: render `<JobDetails config={ config } />` once, and give the table
 * `onOpenJob` / `activeJobId` from `useJobDetailsOpener()`.
 */

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { Suspense, useCallback, useEffect } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { Spinner } from '../../shared/components/spinner';
import { lazyWithDeferred } from '../../shared/deferred/lazy-with-deferred';
import type { DmJobsConfig, JobListItem } from '../../shared/types';
import { getSiteFormat } from '../../shared/format/site-format';
import { useJobDetailsStore } from './hooks/use-job-details-store';
import { useJobUrl } from './hooks/use-job-url';
import { store } from './store';
import './style.scss';

// The panel (JSON tree, log viewer, sections) loads when a job is first
// opened, so the jobs list does not wait for it.
const JobDetailsPanel = lazyWithDeferred( () =>
	import(
		/* webpackChunkName: "job-details" */ './components/job-details-panel'
	).then( ( module ) => module.JobDetailsPanel )
);

function PanelLoading() {
	return (
		<section className="dm-jobs-details" aria-busy="true">
			<p className="dm-jobs-loading" role="status">
				<Spinner />
				{ __( 'Loading job…', 'dm-jobs' ) }
			</p>
		</section>
	);
}

export interface JobDetailsOpener {
	/** The job whose panel is open. */
	activeJobId: number | null;
	openJob: ( jobId: number ) => void;
}

/**
 * For the jobs table: which job is open, and how to open one.
 */
export function useJobDetailsOpener(): JobDetailsOpener {
	useJobDetailsStore();
	const activeJobId = useSelect(
		( select ) => select( store ).getOpenJobId(),
		[]
	);
	const { openJob } = useDispatch( store );
	const open = useCallback(
		( jobId: number ) => void openJob( jobId ),
		[ openJob ]
	);
	return { activeJobId, openJob: open };
}

/**
 * Returns focus to the link the job was opened from, or to the screen.
 *
 * @param jobId The job that was open.
 */
function focusRow( jobId: number ): void {
	const row = document.querySelector< HTMLElement >(
		`tr[data-job-id="${ jobId }"] .dm-jobs-open-job`
	);
	const target =
		row ?? document.querySelector< HTMLElement >( '.dm-jobs-screen' );
	target?.focus();
}

export interface JobDetailsProps {
	config: DmJobsConfig;
	/** What the screen offers to do with the open job. */
	renderActions?: ( job: JobListItem ) => ReactNode;
}

/**
 * The open job's panel, kept in step with the `job` URL parameter.
 *
 * @param props               Component props.
 * @param props.config        Boot data.
 * @param props.renderActions
 */
export function JobDetails( { config, renderActions }: JobDetailsProps ) {
	useJobDetailsStore();
	const openJobId = useSelect(
		( select ) => select( store ).getOpenJobId(),
		[]
	);
	const { openJob, closeJob } = useDispatch( store );
	const { timeZone, timeZoneLabel } = getSiteFormat();
	const open = useCallback(
		( jobId: number ) => void openJob( jobId ),
		[ openJob ]
	);
	const close = useCallback( () => {
		const jobId = openJobId;
		closeJob();
		if ( jobId !== null ) {
			// After the panel is gone from the DOM.
			window.setTimeout( () => focusRow( jobId ), 0 );
		}
	}, [ openJobId, closeJob ] );

	useJobUrl( openJobId, open, closeJob );

	// Wide screens keep the table visible beside the panel (style.scss).
	useEffect( () => {
		document.body.classList.toggle(
			'dm-jobs-details-open',
			openJobId !== null
		);
		return () => document.body.classList.remove( 'dm-jobs-details-open' );
	}, [ openJobId ] );

	if ( openJobId === null ) {
		return null;
	}
	return (
		<Suspense fallback={ <PanelLoading /> }>
			<JobDetailsPanel
				key={ openJobId }
				jobId={ openJobId }
				config={ config }
				timeZone={ timeZone }
				timeZoneLabel={ timeZoneLabel }
				onClose={ close }
				renderActions={ renderActions }
			/>
		</Suspense>
	);
}
