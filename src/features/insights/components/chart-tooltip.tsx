/**
 * Tooltip content shared by the charts: the bucket's full title, then one
 * line per series with its colour and formatted value.
 */

/**
 * External dependencies
 */
import type { TooltipPayloadEntry } from 'recharts';

export interface ChartTooltipProps {
	active?: boolean;
	payload?: ReadonlyArray< TooltipPayloadEntry >;
	label?: unknown;
	format: (
		value: number,
		name: string,
		row: Record< string, unknown >,
		dataKey: string
	) => string;
	/** Row field holding the full title of the point. */
	titleKey?: string;
}

function rowTitle( row: unknown, key: string, fallback: unknown ): string {
	if ( typeof row === 'object' && row !== null && key in row ) {
		const value = ( row as Record< string, unknown > )[ key ];
		if ( typeof value === 'string' ) {
			return value;
		}
	}
	return typeof fallback === 'string' || typeof fallback === 'number'
		? String( fallback )
		: '';
}

export function ChartTooltip( {
	active,
	payload,
	label,
	format,
	titleKey = 'title',
}: ChartTooltipProps ) {
	if ( ! active || ! payload || payload.length === 0 ) {
		return null;
	}
	const row: unknown = payload[ 0 ]?.payload;
	return (
		<div className="dm-jobs-insights-tooltip">
			<p className="dm-jobs-insights-tooltip__title">
				{ rowTitle( row, titleKey, label ) }
			</p>
			<ul>
				{ payload.map( ( entry ) => {
					const name = String( entry.name ?? entry.dataKey ?? '' );
					const value =
						typeof entry.value === 'number' ? entry.value : null;
					return (
						<li key={ name }>
							<span
								className="dm-jobs-insights-tooltip__swatch"
								style={ { backgroundColor: entry.color } }
								aria-hidden="true"
							/>
							{ name }:{ ' ' }
							<strong>
								{ value === null
									? '—'
									: format(
											value,
											name,
											typeof row === 'object' &&
												row !== null
												? ( row as Record<
														string,
														unknown
													> )
												: {},
											String( entry.dataKey ?? '' )
										) }
							</strong>
						</li>
					);
				} ) }
			</ul>
		</div>
	);
}

/**
 * The `content` of a recharts Tooltip: a ChartTooltip with this formatting.
 *
 * @param format   Formats one series' value.
 * @param titleKey Row field holding the full title of the point.
 */
export function chartTooltipContent(
	format: ChartTooltipProps[ 'format' ],
	titleKey?: string
) {
	return function ChartTooltipContent( {
		active,
		payload,
		label,
	}: Pick< ChartTooltipProps, 'active' | 'payload' | 'label' > ) {
		return (
			<ChartTooltip
				active={ active }
				payload={ payload }
				label={ label }
				format={ format }
				titleKey={ titleKey }
			/>
		);
	};
}
