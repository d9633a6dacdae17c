/**
 * Pure helpers of the payload inspector (JSON tree and its search).
 */

/**
 * Internal dependencies
 */
import type { JsonObject, JsonValue } from '../types';

/** Key the server adds to PHP objects it decoded without instantiating them. */
export const PHP_CLASS_KEY = '__php_class';

export type JsonKind =
	'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export function jsonKind( value: JsonValue ): JsonKind {
	if ( value === null ) {
		return 'null';
	}
	if ( Array.isArray( value ) ) {
		return 'array';
	}
	switch ( typeof value ) {
		case 'object':
			return 'object';
		case 'string':
			return 'string';
		case 'number':
			return 'number';
		default:
			return 'boolean';
	}
}

export function isContainer(
	value: JsonValue
): value is JsonValue[] | JsonObject {
	return typeof value === 'object' && value !== null;
}

/**
 * The class name of a decoded PHP object, or `null`.
 *
 * @param value A tree node's value.
 */
export function phpClassOf( value: JsonValue ): string | null {
	if ( ! isContainer( value ) || Array.isArray( value ) ) {
		return null;
	}
	const name = value[ PHP_CLASS_KEY ];
	return typeof name === 'string' ? name : null;
}

/**
 * How many children a container has.
 *
 * @param value An object or array.
 */
export function childCount( value: JsonValue[] | JsonObject ): number {
	return Array.isArray( value ) ? value.length : Object.keys( value ).length;
}

/**
 * Children `[key, value]` from `start` (inclusive) to `end` (exclusive); only
 * that slice is materialised for arrays.
 *
 * @param value An object or array.
 * @param start First child.
 * @param end   After the last child.
 */
export function childSlice(
	value: JsonValue[] | JsonObject,
	start: number,
	end: number
): Array< [ string, JsonValue ] > {
	if ( Array.isArray( value ) ) {
		const slice: Array< [ string, JsonValue ] > = [];
		for (
			let index = start;
			index < Math.min( end, value.length );
			index++
		) {
			slice.push( [ String( index ), value[ index ] ] );
		}
		return slice;
	}
	return Object.keys( value )
		.slice( start, end )
		.map( ( key ) => [ key, value[ key ] ] );
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The path of a child: `a.b`, `a[3]`, `a["odd key"]`.
 *
 * @param parent  The parent's path (`""` for the root).
 * @param key     The child's key.
 * @param inArray Whether the parent is an array.
 */
export function childPath(
	parent: string,
	key: string,
	inArray: boolean
): string {
	if ( inArray ) {
		return `${ parent }[${ key }]`;
	}
	if ( IDENTIFIER.test( key ) ) {
		return parent === '' ? key : `${ parent }.${ key }`;
	}
	return `${ parent }[${ JSON.stringify( key ) }]`;
}

/**
 * A one-line preview of a value, at most `max` characters.
 *
 * @param value Any JSON value.
 * @param max   Length limit.
 */
export function previewValue( value: JsonValue, max = 120 ): string {
	let text: string;
	if ( typeof value === 'string' ) {
		text = JSON.stringify( value );
	} else if ( isContainer( value ) ) {
		const count = childCount( value );
		text = Array.isArray( value ) ? `[${ count }]` : `{${ count }}`;
	} else {
		text = String( value );
	}
	return text.length > max ? `${ text.slice( 0, max - 1 ) }…` : text;
}

export interface JsonSearchMatch {
	path: string;
	preview: string;
}

export interface JsonSearchResult {
	matches: JsonSearchMatch[];
	/** Matches found (stops counting at `countLimit`). */
	total: number;
	/** Whether counting stopped early. */
	capped: boolean;
}

/**
 * Finds keys and primitive values containing the query (case-insensitive),
 * iteratively, so deep or huge payloads cannot overflow the stack.
 *
 * @param root       The payload.
 * @param query      Text to find.
 * @param limit      Matches to return.
 * @param countLimit Matches to count.
 */
export function searchJson(
	root: JsonValue,
	query: string,
	limit = 200,
	countLimit = 5000
): JsonSearchResult {
	const needle = query.trim().toLocaleLowerCase();
	const result: JsonSearchResult = { matches: [], total: 0, capped: false };
	if ( needle === '' ) {
		return result;
	}
	const stack: Array< [ string, string | null, JsonValue ] > = [
		[ '', null, root ],
	];
	while ( stack.length > 0 ) {
		const entry = stack.pop();
		if ( entry === undefined ) {
			break;
		}
		const [ path, key, value ] = entry;
		const keyHit =
			key !== null && key.toLocaleLowerCase().includes( needle );
		const valueHit =
			! isContainer( value ) &&
			String( value ).toLocaleLowerCase().includes( needle );
		if ( keyHit || valueHit ) {
			result.total++;
			if ( result.matches.length < limit ) {
				result.matches.push( {
					path: path === '' ? '(root)' : path,
					preview: previewValue( value ),
				} );
			}
			if ( result.total >= countLimit ) {
				result.capped = true;
				break;
			}
		}
		if ( isContainer( value ) ) {
			const inArray = Array.isArray( value );
			const children = childSlice( value, 0, childCount( value ) );
			// Reversed, so matches come out in document order.
			for ( let index = children.length - 1; index >= 0; index-- ) {
				const [ childKey, childValue ] = children[ index ];
				stack.push( [
					childPath( path, childKey, inArray ),
					inArray ? null : childKey,
					childValue,
				] );
			}
		}
	}
	return result;
}

/**
 * A string as it reads inside JSON quotes: inner quotes, backslashes and
 * control characters escaped.
 *
 * @param value The raw string.
 */
export function escapeJsonString( value: string ): string {
	return JSON.stringify( value ).slice( 1, -1 );
}
