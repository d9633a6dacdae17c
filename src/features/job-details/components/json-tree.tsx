/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { memo, useEffect, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatNumber } from '../../../shared/format/format-number';
import type { JsonObject, JsonValue } from '../types';
import {
	childCount,
	childPath,
	childSlice,
	escapeJsonString,
	isContainer,
	jsonKind,
	phpClassOf,
	PHP_CLASS_KEY,
} from '../utils/json-tree';
import { CopyButton } from './copy-button';
import { TruncatedText } from './truncated-text';

/** Children shown at first, and added by each "Show more". */
export const CHILDREN_PAGE = 100;

/** String values longer than this are cut, with "Show all". */
export const STRING_LIMIT = 300;

/** "Show all" renders this many more children per frame, so the page never freezes. */
const CHILDREN_PER_FRAME = 250;

function sizeLabel( value: JsonValue[] | JsonObject ): string {
	const count = childCount( value );
	return Array.isArray( value )
		? sprintf(
				/* translators: %s: number of items. */
				_n( '%s item', '%s items', count, 'dm-jobs' ),
				formatNumber( count )
			)
		: sprintf(
				/* translators: %s: number of keys. */
				_n( '%s key', '%s keys', count, 'dm-jobs' ),
				formatNumber( count )
			);
}

function PrimitiveValue( { value }: { value: JsonValue } ) {
	const kind = jsonKind( value );
	if ( typeof value === 'string' ) {
		return (
			<span className="dm-jobs-json-value is-string">
				&quot;
				<TruncatedText
					text={ escapeJsonString( value ) }
					limit={ STRING_LIMIT }
				/>
				&quot;
			</span>
		);
	}
	return (
		<span className={ `dm-jobs-json-value is-${ kind }` }>
			{ String( value ) }
		</span>
	);
}

interface NodeProps {
	name: string | null;
	value: JsonValue;
	path: string;
	depth: number;
	expandDepth: number;
}

function JsonNodeView( { name, value, path, depth, expandDepth }: NodeProps ) {
	const [ open, setOpen ] = useState( depth < expandDepth );
	// How many children to show, and how many are rendered so far: a big
	// "Show all" is rendered a slice per animation frame.
	const [ shown, setShown ] = useState( CHILDREN_PAGE );
	const [ rendered, setRendered ] = useState( CHILDREN_PAGE );

	useEffect( () => {
		const limit = isContainer( value )
			? Math.min( shown, childCount( value ) )
			: 0;
		if ( ! open || rendered >= limit ) {
			return;
		}
		const frame = window.requestAnimationFrame( () =>
			setRendered( Math.min( limit, rendered + CHILDREN_PER_FRAME ) )
		);
		return () => window.cancelAnimationFrame( frame );
	}, [ open, rendered, shown, value ] );

	const key =
		name === null ? null : (
			<span className="dm-jobs-json-key">{ name }</span>
		);

	if ( ! isContainer( value ) ) {
		return (
			<li className="dm-jobs-json-node is-leaf">
				{ key }
				{ key && <span className="dm-jobs-json-colon">: </span> }
				<PrimitiveValue value={ value } />
			</li>
		);
	}

	const count = childCount( value );
	const phpClass = phpClassOf( value );
	const inArray = Array.isArray( value );
	const target = Math.min( shown, count );
	const visibleCount = Math.min( target, rendered );
	const children = open ? childSlice( value, 0, visibleCount ) : [];

	return (
		<li className="dm-jobs-json-node">
			{ /* A plain button: thousands of nodes must stay cheap to render. */ }
			<button
				type="button"
				className="dm-jobs-json-toggle"
				aria-expanded={ open }
				onClick={ () => setOpen( ! open ) }
			>
				<span className="dm-jobs-json-arrow" aria-hidden="true">
					{ open ? '▾' : '▸' }
				</span>
				{ key ?? (
					<span className="dm-jobs-json-key">
						{ __( '(root)', 'dm-jobs' ) }
					</span>
				) }
				<span className="dm-jobs-json-size">
					{ inArray ? '[ ' : '{ ' }
					{ sizeLabel( value ) }
					{ inArray ? ' ]' : ' }' }
				</span>
			</button>
			{ phpClass !== null && (
				<span
					className="dm-jobs-php-class"
					title={ __(
						'A PHP object from an old serialized payload, shown as data: it was never instantiated.',
						'dm-jobs'
					) }
				>
					{ sprintf(
						/* translators: %s: PHP class name. */
						__( 'PHP object %s (not instantiated)', 'dm-jobs' ),
						phpClass
					) }
				</span>
			) }
			{ open && (
				<span className="dm-jobs-json-copy">
					<CopyButton
						text={ () => JSON.stringify( value, null, 2 ) }
						describedAs={ sprintf(
							/* translators: %s: path in the payload. */
							__( 'Copy %s as JSON', 'dm-jobs' ),
							path === '' ? __( 'the payload', 'dm-jobs' ) : path
						) }
					/>
				</span>
			) }
			{ open && count === 0 && (
				<p className="dm-jobs-json-empty">
					{ __( '(empty)', 'dm-jobs' ) }
				</p>
			) }
			{ open && count > 0 && (
				<ul className="dm-jobs-json-children">
					{ children
						.filter(
							( [ childKey ] ) =>
								phpClass === null || childKey !== PHP_CLASS_KEY
						)
						.map( ( [ childKey, childValue ] ) => (
							<JsonNode
								key={ childKey }
								name={ childKey }
								value={ childValue }
								path={ childPath( path, childKey, inArray ) }
								depth={ depth + 1 }
								expandDepth={ expandDepth }
							/>
						) ) }
				</ul>
			) }
			{ open && visibleCount < target && (
				<p className="dm-jobs-json-rendering" role="status">
					{ sprintf(
						/* translators: 1: entries shown so far, 2: all entries. */
						__( 'Showing %1$s of %2$s…', 'dm-jobs' ),
						formatNumber( visibleCount ),
						formatNumber( target )
					) }
				</p>
			) }
			{ open && shown < count && (
				<div className="dm-jobs-json-more">
					<Button
						variant="link"
						onClick={ () => {
							// A page more is cheap: rendered at once.
							setShown( shown + CHILDREN_PAGE );
							setRendered( shown + CHILDREN_PAGE );
						} }
					>
						{ sprintf(
							/* translators: %s: number of entries. */
							__( 'Show %s more', 'dm-jobs' ),
							formatNumber(
								Math.min( CHILDREN_PAGE, count - shown )
							)
						) }
					</Button>
					<Button variant="link" onClick={ () => setShown( count ) }>
						{ sprintf(
							/* translators: %s: number of entries. */
							__( 'Show all %s', 'dm-jobs' ),
							formatNumber( count )
						) }
					</Button>
				</div>
			) }
		</li>
	);
}

/**
 * Memoised: when "Show all" adds children frame by frame, the ones already
 * shown are not rendered again.
 */
const JsonNode = memo( JsonNodeView );

export interface JsonTreeProps {
	value: JsonValue;
	/** Accessible name of the tree. */
	label: string;
	/** Levels open at first (1: only the root). */
	expandDepth?: number;
}

/**
 * A collapsible JSON tree that only renders what is open: children are
 * created on expand, 100 at a time, and long strings are cut. Every key and
 * value is rendered as text.
 *
 * @param props             Component props.
 * @param props.value
 * @param props.label
 * @param props.expandDepth
 */
export function JsonTree( { value, label, expandDepth = 1 }: JsonTreeProps ) {
	return (
		<ul className="dm-jobs-json-tree" aria-label={ label }>
			<JsonNode
				name={ null }
				value={ value }
				path=""
				depth={ 0 }
				expandDepth={ expandDepth }
			/>
		</ul>
	);
}
