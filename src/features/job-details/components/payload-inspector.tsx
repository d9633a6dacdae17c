/**
 * WordPress dependencies
 */
import { SearchControl } from '@wordpress/components';
import { useDeferredValue, useMemo, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatNumber } from '../../../shared/format/format-number';
import type { JsonValue } from '../types';
import { formatBytes } from '../../../shared/format/format-bytes';
import { jsonSize } from '../utils/json-size';
import { searchJson } from '../utils/json-tree';
import { CopyButton } from './copy-button';
import { JsonTree } from './json-tree';

export interface PayloadInspectorProps {
	value: JsonValue;
	/** Accessible name, e.g. "Engine data". */
	label: string;
}

/**
 * The payload inspector: size, copy, search (a list of matching paths) and
 * the lazily rendered tree.
 *
 * @param props       Component props.
 * @param props.value
 * @param props.label
 */
export function PayloadInspector( { value, label }: PayloadInspectorProps ) {
	const [ query, setQuery ] = useState( '' );
	// Typing stays responsive while a big payload is searched.
	const deferredQuery = useDeferredValue( query );
	const size = useMemo( () => jsonSize( value ), [ value ] );
	const result = useMemo(
		() => searchJson( value, deferredQuery ),
		[ value, deferredQuery ]
	);
	const searching = deferredQuery.trim() !== '';

	return (
		<div className="dm-jobs-payload">
			<div className="dm-jobs-payload-toolbar">
				<SearchControl
					__nextHasNoMarginBottom
					label={ sprintf(
						/* translators: %s: what is searched, e.g. "Engine data". */
						__( 'Search %s', 'dm-jobs' ),
						label
					) }
					placeholder={ __( 'Search keys and values', 'dm-jobs' ) }
					value={ query }
					onChange={ ( next ) => setQuery( next ?? '' ) }
				/>
				<span className="dm-jobs-payload-size">
					{ formatBytes( size ) }
				</span>
				<CopyButton
					text={ () => JSON.stringify( value, null, 2 ) }
					label={ __( 'Copy JSON', 'dm-jobs' ) }
				/>
			</div>
			{ searching ? (
				<div className="dm-jobs-payload-results">
					<p role="status">
						{ result.total === 0
							? __( 'Nothing matches.', 'dm-jobs' )
							: sprintf(
									/* translators: %s: number of matches. */
									_n(
										'%s match',
										'%s matches',
										result.total,
										'dm-jobs'
									),
									result.capped
										? `${ formatNumber( result.total ) }+`
										: formatNumber( result.total )
								) }
						{ result.matches.length < result.total &&
							' ' +
								sprintf(
									/* translators: %d: number of matches shown. */
									__( '(first %d shown)', 'dm-jobs' ),
									result.matches.length
								) }
					</p>
					<ul className="dm-jobs-payload-matches">
						{ result.matches.map( ( match ) => (
							<li key={ match.path }>
								<code className="dm-jobs-json-path">
									{ match.path }
								</code>
								<span className="dm-jobs-json-colon">: </span>
								<span className="dm-jobs-json-value">
									{ match.preview }
								</span>
							</li>
						) ) }
					</ul>
				</div>
			) : (
				<JsonTree value={ value } label={ label } />
			) }
		</div>
	);
}
