/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import type { JsonValue } from '../../../../../src/features/job-details/types';
import {
	childPath,
	childSlice,
	jsonKind,
	phpClassOf,
	previewValue,
	searchJson,
} from '../../../../../src/features/job-details/utils/json-tree';

describe( 'json-tree utils', () => {
	it( 'names kinds and paths', () => {
		expect( [ null, [], {}, 'a', 1, true ].map( jsonKind ) ).toEqual( [
			'null',
			'array',
			'object',
			'string',
			'number',
			'boolean',
		] );
		expect( childPath( '', 'a', false ) ).toBe( 'a' );
		expect( childPath( 'a', 'b', false ) ).toBe( 'a.b' );
		expect( childPath( 'a', '3', true ) ).toBe( 'a[3]' );
		expect( childPath( 'a', 'odd key', false ) ).toBe( 'a["odd key"]' );
		expect( childPath( '', '<img src=x>', false ) ).toBe(
			'["<img src=x>"]'
		);
	} );

	it( 'materialises only the requested slice of children', () => {
		const big = Array.from( { length: 10_000 }, ( _, index ) => index );
		expect( childSlice( big, 100, 103 ) ).toEqual( [
			[ '100', 100 ],
			[ '101', 101 ],
			[ '102', 102 ],
		] );
		expect( childSlice( { a: 1, b: 2, c: 3 }, 1, 5 ) ).toEqual( [
			[ 'b', 2 ],
			[ 'c', 3 ],
		] );
	} );

	it( 'recognises decoded PHP objects', () => {
		expect( phpClassOf( { __php_class: 'WP_Post', ID: 1 } ) ).toBe(
			'WP_Post'
		);
		expect( phpClassOf( { __php_class: 3 } ) ).toBeNull();
		expect( phpClassOf( [ 'WP_Post' ] ) ).toBeNull();
	} );

	it( 'previews values in one bounded line', () => {
		expect( previewValue( 'x'.repeat( 500 ), 20 ) ).toHaveLength( 20 );
		expect( previewValue( [ 1, 2, 3 ] ) ).toBe( '[3]' );
		expect( previewValue( { a: 1 } ) ).toBe( '{1}' );
		expect( previewValue( null ) ).toBe( 'null' );
	} );

	it( 'searches keys and values in document order, case-insensitively', () => {
		const data: JsonValue = {
			title: 'Hello World',
			items: [ { name: 'world cup' }, { name: 'other' } ],
			WorldWide: 1,
		};
		const result = searchJson( data, 'WORLD' );
		expect( result.matches.map( ( match ) => match.path ) ).toEqual( [
			'title',
			'items[0].name',
			'WorldWide',
		] );
		expect( result.total ).toBe( 3 );
		expect( searchJson( data, '  ' ).matches ).toEqual( [] );
	} );

	it( 'caps results and counting on huge payloads', () => {
		const data = Array.from( { length: 20_000 }, ( _, index ) => ( {
			id: index,
			label: `item ${ index }`,
		} ) );
		const result = searchJson( data, 'item', 50, 1000 );
		expect( result.matches ).toHaveLength( 50 );
		expect( result.total ).toBe( 1000 );
		expect( result.capped ).toBe( true );
	} );

	it( 'walks very deep payloads without recursion', () => {
		let deep: JsonValue = 'needle';
		for ( let depth = 0; depth < 20_000; depth++ ) {
			deep = { child: deep };
		}
		const result = searchJson( deep, 'needle' );
		expect( result.total ).toBe( 1 );
		expect( result.matches[ 0 ].path.startsWith( 'child.child' ) ).toBe(
			true
		);
	} );
} );
