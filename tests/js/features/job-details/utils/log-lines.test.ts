/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { LOG_LEVELS } from '../../../../../src/features/job-details/types';
import {
	matchesLogFilters,
	sameFilters,
	toggleLevel,
} from '../../../../../src/features/job-details/utils/log-filters';
import {
	capLogLines,
	mergeLogLines,
} from '../../../../../src/features/job-details/utils/merge-log-lines';
import { makeLines } from '../helpers/make-detail';

describe( 'mergeLogLines', () => {
	it( 'appends new lines and drops ones already shown', () => {
		const shown = makeLines( 3, 1 );
		const merged = mergeLogLines( shown, makeLines( 4, 2 ) );
		expect( merged.map( ( line ) => line.id ) ).toEqual( [
			1, 2, 3, 4, 5,
		] );
	} );

	it( 'puts a late-committed line in its place', () => {
		const shown = [ ...makeLines( 2, 1 ), ...makeLines( 2, 5 ) ];
		const merged = mergeLogLines( shown, makeLines( 1, 3 ) );
		expect( merged.map( ( line ) => line.id ) ).toEqual( [
			1, 2, 3, 5, 6,
		] );
	} );

	it( 'returns the same array when nothing is new', () => {
		const shown = makeLines( 3 );
		expect( mergeLogLines( shown, [] ) ).toBe( shown );
		expect( mergeLogLines( shown, makeLines( 2, 2 ) ) ).toBe( shown );
	} );

	it( 'caps the number of lines kept, dropping the oldest', () => {
		const { lines, dropped } = capLogLines( makeLines( 10 ), 4 );
		expect( lines.map( ( line ) => line.id ) ).toEqual( [ 7, 8, 9, 10 ] );
		expect( dropped ).toBe( 6 );
	} );
} );

describe( 'log viewer filtering', () => {
	const [ info, warning, error ] = makeLines( 3 );

	it( 'keeps every line without filters', () => {
		expect(
			[ info, warning, error ].filter( ( line ) =>
				matchesLogFilters( line, { levels: [], search: '' } )
			)
		).toHaveLength( 3 );
	} );

	it( 'filters by level and by text in the message or step', () => {
		const levels = { levels: [ 'warning', 'error' ] as const, search: '' };
		expect(
			[ info, warning, error ]
				.filter( ( line ) =>
					matchesLogFilters( line, {
						...levels,
						levels: [ ...levels.levels ],
					} )
				)
				.map( ( line ) => line.level )
		).toEqual( [ 'warning', 'error' ] );
		expect(
			matchesLogFilters( info, { levels: [], search: 'LINE 1' } )
		).toBe( true );
		expect(
			matchesLogFilters( info, { levels: [], search: 'FETCH' } )
		).toBe( true );
		expect(
			matchesLogFilters( warning, { levels: [], search: 'fetch' } )
		).toBe( false );
	} );

	it( 'toggles levels in severity order', () => {
		let levels = toggleLevel( [], 'error', LOG_LEVELS );
		levels = toggleLevel( levels, 'debug', LOG_LEVELS );
		expect( levels ).toEqual( [ 'debug', 'error' ] );
		expect( toggleLevel( levels, 'debug', LOG_LEVELS ) ).toEqual( [
			'error',
		] );
		expect(
			sameFilters(
				{ levels: [ 'error' ], search: ' x ' },
				{ levels: [ 'error' ], search: 'x' }
			)
		).toBe( true );
	} );
} );
