/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { matchesSchema } from '../../../../src/shared/contract/schema-guard';
import {
	isPostRetentionRunResponse,
	OPERATION_SCHEMA,
} from '../../../../src/generated/rest-contract';

const preview = {
	type: 'object',
	properties: { dry_run: { type: 'boolean', enum: [ true ] } },
	required: [ 'dry_run' ],
} as const;
const report = {
	type: 'object',
	properties: { state: { type: 'string' } },
	required: [ 'state' ],
} as const;

describe( 'matchesSchema', () => {
	it( 'accepts a value that matches one of anyOf', () => {
		const schema = { anyOf: [ preview, report ] };
		expect( matchesSchema( schema, { dry_run: true } ) ).toBe( true );
		expect( matchesSchema( schema, { state: 'completed' } ) ).toBe( true );
		expect( matchesSchema( schema, { dry_run: false } ) ).toBe( false );
		expect( matchesSchema( schema, {} ) ).toBe( false );
	} );

	it( 'accepts a value that matches exactly one of oneOf', () => {
		const schema = { oneOf: [ preview, report ] };
		expect( matchesSchema( schema, { dry_run: true } ) ).toBe( true );
		expect( matchesSchema( schema, { state: 'running' } ) ).toBe( true );
		expect(
			matchesSchema( schema, { dry_run: true, state: 'running' } )
		).toBe( false );
		expect( matchesSchema( schema, [] ) ).toBe( false );
	} );

	it( 'checks a schema that refers to another generated one', () => {
		const list = { type: 'array', items: OPERATION_SCHEMA } as const;
		expect( matchesSchema( list, [] ) ).toBe( true );
		expect( matchesSchema( list, [ { id: 1 } ] ) ).toBe( false );
	} );

	it( 'tells the two answers of POST /retention/run from anything else', () => {
		expect( isPostRetentionRunResponse( { dry_run: true } ) ).toBe( false );
		expect( isPostRetentionRunResponse( null ) ).toBe( false );
	} );
} );
