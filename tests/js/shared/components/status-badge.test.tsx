/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { StatusBadge } from '../../../../src/shared/components/status-badge';

describe( 'StatusBadge', () => {
	it( 'shows a completed job as a green badge', () => {
		render(
			<StatusBadge
				job={ {
					status: 'completed',
					status_reason: null,
					raw_status: 'completed',
				} }
			/>
		);
		const badge = screen.getByText( 'Completed' );
		expect( badge ).toHaveClass( 'dm-jobs-status-badge', 'is-completed' );
		expect( badge ).toHaveAttribute( 'data-status', 'completed' );
	} );

	it( 'shows a failed job as a red badge with its reason next to it', () => {
		const { container } = render(
			<StatusBadge
				job={ {
					status: 'failed',
					status_reason: 'step_execution_failure',
					raw_status: 'failed - step_execution_failure',
				} }
			/>
		);
		const badge = screen.getByText( 'Failed' );
		expect( badge ).toHaveClass( 'dm-jobs-status-badge', 'is-failed' );
		expect( badge ).toHaveAttribute( 'data-status', 'failed' );
		expect( badge ).not.toHaveTextContent( 'step_execution_failure' );
		expect(
			container.querySelector( '.dm-jobs-status-reason' )
		).toHaveTextContent( 'step_execution_failure' );
	} );

	it.each( [
		[ 'pending', 'Pending' ],
		[ 'processing', 'Processing' ],
		[ 'completed_no_items', 'Completed (no items)' ],
		[ 'cancelled', 'Cancelled' ],
		[ 'agent_skipped', 'Skipped by agent' ],
	] as const )( 'shows %s as a neutral badge', ( status, label ) => {
		render(
			<StatusBadge
				job={ { status, status_reason: null, raw_status: status } }
			/>
		);
		expect( screen.getByText( label ) ).toHaveClass( 'is-neutral' );
	} );

	it( 'shows a legacy compound status by its base and reason', () => {
		const { container } = render(
			<StatusBadge
				job={ {
					// A server that did not normalise this row.
					status: 'completed_with_errors' as 'completed',
					status_reason: null,
					raw_status: 'completed_with_errors',
				} }
			/>
		);
		expect( screen.getByText( 'Completed' ) ).toHaveAttribute(
			'data-status',
			'completed'
		);
		expect(
			container.querySelector( '.dm-jobs-status-reason' )
		).toHaveTextContent( 'completed with errors' );
	} );
} );
