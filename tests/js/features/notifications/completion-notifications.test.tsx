/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * WordPress dependencies
 */
import { setup as setupLiveRegions } from '@wordpress/a11y';
import { createRegistry, RegistryProvider } from '@wordpress/data';

/**
 * Internal dependencies
 */
import {
	CompletionSnackbars,
	WatchButton,
} from '../../../../src/features/notifications';
import { store } from '../../../../src/shared/notifications/store';
import {
	deliverWatchedJobs,
	watchedJobIds,
} from '../../../../src/shared/notifications/live-bridge';
import type { JobListItem } from '../../../../src/shared/types';

function job(
	id: number,
	overrides: Partial< JobListItem > = {}
): JobListItem {
	return {
		id,
		pipeline_id: 3,
		pipeline_name: 'Feeds',
		flow_id: 7,
		flow_name: 'Hourly import',
		status: 'processing',
		status_known: true,
		status_reason: null,
		raw_status: 'processing',
		source: null,
		label: null,
		parent_job_id: null,
		user_id: null,
		is_final: false,
		is_stuck: false,
		created_at: '2026-12-06T05:00:00Z',
		completed_at: null,
		duration: null,
		...overrides,
	};
}

function renderWith( registry = createRegistry() ) {
	registry.register( store );
	const openJob = vi.fn();
	render(
		<RegistryProvider value={ registry }>
			<WatchButton jobId={ 12 } isFinal={ false } />
			<CompletionSnackbars openJob={ openJob } />
		</RegistryProvider>
	);
	return { registry, openJob };
}

beforeAll( () => setupLiveRegions() );

describe( 'Completion notifications', () => {
	it( 'announces a watched job once it finishes, and forgets it', async () => {
		const user = userEvent.setup();
		const { registry } = renderWith();

		await user.click(
			screen.getByRole( 'button', { name: 'Tell me when it finishes' } )
		);
		expect( watchedJobIds( registry ) ).toEqual( [ 12 ] );

		deliverWatchedJobs( registry, [ job( 12 ) ], () => {} );
		expect( screen.queryByText( /finished/ ) ).not.toBeInTheDocument();

		deliverWatchedJobs(
			registry,
			[
				job( 12, {
					status: 'completed',
					raw_status: 'completed',
					is_final: true,
				} ),
			],
			() => {}
		);
		expect(
			await screen.findByText(
				'Job #12 (Hourly import) finished: Completed.'
			)
		).toBeInTheDocument();
		expect(
			document.getElementById( 'a11y-speak-polite' )
		).toHaveTextContent( 'Job #12 (Hourly import) finished: Completed.' );
		expect( watchedJobIds( registry ) ).toEqual( [] );
		expect(
			screen.getByRole( 'link', { name: 'Show job' } )
		).toBeInTheDocument();
	} );

	it( 'keeps a failure until it is dismissed and says it assertively', async () => {
		const user = userEvent.setup();
		const registry = createRegistry();
		const { openJob } = renderWith( registry );
		registry.dispatch( store ).watchJob( 30, 'started' );

		deliverWatchedJobs(
			registry,
			[
				job( 30, {
					status: 'failed',
					status_reason: 'timeout',
					raw_status: 'failed - timeout',
					is_final: true,
				} ),
			],
			() => {}
		);
		const text = 'Job #30 (Hourly import) finished: Failed (timeout).';
		expect( await screen.findByText( text ) ).toBeInTheDocument();
		expect(
			document.getElementById( 'a11y-speak-assertive' )
		).toHaveTextContent( text );

		await user.click( screen.getByRole( 'link', { name: 'Show job' } ) );
		expect( openJob ).toHaveBeenCalledWith( 30 );
	} );

	it( 'drops watched jobs that no longer exist without a word', () => {
		const registry = createRegistry();
		renderWith( registry );
		registry.dispatch( store ).watchJob( 44, 'watched' );
		deliverWatchedJobs( registry, [], () => {} );
		expect( watchedJobIds( registry ) ).toEqual( [] );
		expect( screen.queryByText( /Job #44/ ) ).not.toBeInTheDocument();
	} );

	it( 'asks nothing of a registry without the store', () => {
		expect( watchedJobIds( createRegistry() ) ).toEqual( [] );
	} );
} );
