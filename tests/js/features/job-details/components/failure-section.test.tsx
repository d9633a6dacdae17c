/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { FailureSection } from '../../../../../src/features/job-details/components/failure-section';
import { makeFailedDetail } from '../helpers/make-detail';

describe( 'FailureSection', () => {
	it( 'shows the message, the failed step and the suggested fix from the registry', () => {
		render( <FailureSection job={ makeFailedDetail() } /> );
		expect(
			screen.getByText( 'AI provider returned 429 Too Many Requests' )
		).toBeInTheDocument();
		expect( screen.getByText( 'Step 2: Summarise' ) ).toBeInTheDocument();
		expect(
			screen.getByRole( 'heading', { name: 'Suggested fix' } )
		).toBeInTheDocument();
		expect(
			screen.getByText(
				'Too many requests: the service is rate limiting this site'
			)
		).toBeInTheDocument();
		expect(
			screen.getByText( 'Run the flow less often.' )
		).toBeInTheDocument();
		const link = screen.getByRole( 'link', {
			name: /HTTP 429 Too Many Requests/,
		} );
		expect( link ).toHaveAttribute(
			'href',
			'https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/429'
		);
		expect( screen.getByText( 'gpt-x' ) ).toBeInTheDocument();
	} );

	it( 'keeps the stack trace collapsed until asked', async () => {
		const user = userEvent.setup();
		render( <FailureSection job={ makeFailedDetail() } /> );
		expect(
			screen.queryByText( /Step\.php\(88\)/ )
		).not.toBeInTheDocument();
		const toggle = screen.getByRole( 'button', {
			name: 'Show stack trace',
		} );
		expect( toggle ).toHaveAttribute( 'aria-expanded', 'false' );
		await user.click( toggle );
		expect( screen.getByText( /Step\.php\(88\)/ ) ).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Copy stack trace' } )
		).toBeInTheDocument();
	} );

	it( 'labels general advice for unknown errors', () => {
		const job = makeFailedDetail( {
			resolution: {
				code: 'flux',
				known: false,
				title: 'No specific advice for this error yet',
				steps: [ 'Read the error message.' ],
				links: [],
				matched_by: null,
			},
		} );
		render( <FailureSection job={ job } /> );
		expect(
			screen.getByRole( 'heading', { name: 'General advice' } )
		).toBeInTheDocument();
		expect(
			screen.getByText( 'Read the error message.' )
		).toBeInTheDocument();
	} );

	it( 'shows error text with markup as text', () => {
		const hostile = '<img src=x onerror=window.__xss=1>';
		const base = makeFailedDetail();
		const { container } = render(
			<FailureSection
				job={ {
					...base,
					failure: {
						message: hostile,
						trace: hostile,
						step_id: hostile,
						reason: hostile,
					},
					failure_context: null,
					steps: [],
				} }
			/>
		);
		expect( container.querySelector( 'img' ) ).toBeNull();
		expect( screen.getAllByText( hostile ).length ).toBeGreaterThanOrEqual(
			2
		);
	} );
} );
