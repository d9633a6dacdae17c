/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { Timestamp } from '../../../../src/shared/components/timestamp';

const NOW = new Date( '2025-01-15T15:03:04Z' );

describe( 'Timestamp', () => {
	it( 'shows relative text with the exact site time in the title', () => {
		render(
			<Timestamp
				value="2025-01-15T14:03:04Z"
				timeZone="America/New_York"
				timeZoneLabel="America/New_York"
				now={ NOW }
			/>
		);
		const time = screen.getByText( 'about 1 hour ago' );
		expect( time.tagName ).toBe( 'TIME' );
		expect( time ).toHaveAttribute( 'datetime', '2025-01-15T14:03:04Z' );
		expect( time ).toHaveAttribute(
			'title',
			'Jan 15, 2025, 9:03:04 AM (America/New_York)'
		);
	} );

	it( 'converts to a fixed offset site zone', () => {
		render(
			<Timestamp
				value="2025-01-15T14:03:04Z"
				timeZone="+05:30"
				timeZoneLabel="UTC+05:30"
				now={ NOW }
			/>
		);
		expect( screen.getByText( 'about 1 hour ago' ) ).toHaveAttribute(
			'title',
			'Jan 15, 2025, 7:33:04 PM (UTC+05:30)'
		);
	} );

	it( 'shows the exact time when reached by keyboard', async () => {
		const user = userEvent.setup();
		render(
			<Timestamp
				value="2025-01-15T14:03:04Z"
				timeZone="America/New_York"
				timeZoneLabel="America/New_York"
				now={ NOW }
			/>
		);
		const time = screen.getByText( 'about 1 hour ago' );
		expect( time ).toHaveAttribute( 'tabindex', '0' );
		await user.tab();
		expect( time ).toHaveFocus();
		expect(
			await screen.findByRole( 'tooltip', {}, { timeout: 3000 } )
		).toHaveTextContent( 'Jan 15, 2025, 9:03:04 AM (America/New_York)' );
	} );

	it( 'shows a dash when there is no time', () => {
		const { container } = render(
			<Timestamp
				value={ null }
				timeZone="America/New_York"
				timeZoneLabel="America/New_York"
			/>
		);
		expect( container ).toHaveTextContent( '—' );
		expect( container.querySelector( 'time' ) ).toBeNull();
	} );
} );
