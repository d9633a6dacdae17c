/**
 * External dependencies
 */
import { cleanup, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { JobsTable } from '../../../../../src/features/jobs-list/components/jobs-table';
import { makeJobs } from '../../../helpers/make-job';

function renderPage( {
	rows,
	page,
	totalPages,
	totalExact,
}: {
	rows: number;
	page: number;
	totalPages: number;
	totalExact: boolean;
} ) {
	render(
		<JobsTable
			jobs={ makeJobs( rows ) }
			page={ page }
			perPage={ 5 }
			total={ totalPages * 5 }
			totalPages={ totalPages }
			totalExact={ totalExact }
			isBusy={ false }
			timeZone="UTC"
			timeZoneLabel="UTC"
			onPageChange={ () => undefined }
		/>
	);
	const next = screen.getByRole( 'button', { name: 'Next page' } );
	const enabled = next.getAttribute( 'aria-disabled' ) !== 'true';
	cleanup();
	return enabled;
}

describe( 'the next-page button when the total is an estimate', () => {
	it( 'stays enabled on the estimated last page when that page is full (the estimate may be low)', () => {
		expect(
			renderPage( { rows: 5, page: 4, totalPages: 4, totalExact: false } )
		).toBe( true );
	} );

	it( 'is disabled on a short page even when the estimate promises more pages', () => {
		expect(
			renderPage( { rows: 3, page: 2, totalPages: 4, totalExact: false } )
		).toBe( false );
	} );

	it( 'follows the page count when the total is exact', () => {
		expect(
			renderPage( { rows: 5, page: 4, totalPages: 4, totalExact: true } )
		).toBe( false );
		expect(
			renderPage( { rows: 5, page: 3, totalPages: 4, totalExact: true } )
		).toBe( true );
	} );
} );
