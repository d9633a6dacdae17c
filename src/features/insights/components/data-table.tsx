/**
 * A chart's data as a table: always in the page for screen readers, shown on
 * screen when the user asks for it.
 */

/**
 * Internal dependencies
 */
import type { ChartTable } from '../types';

export interface DataTableProps {
	id: string;
	table: ChartTable;
	/** Visually hidden (still read by screen readers). */
	hidden: boolean;
}

export function DataTable( { id, table, hidden }: DataTableProps ) {
	const [ first, ...rest ] = table.columns;
	return (
		<div
			id={ id }
			className={ `dm-jobs-insights-table${
				hidden ? ' screen-reader-text' : ''
			}` }
			// Scrollable on narrow screens: focusable so keyboards can scroll it.
			tabIndex={ hidden ? undefined : 0 }
			role={ hidden ? undefined : 'region' }
			aria-label={ hidden ? undefined : table.caption }
		>
			<table className="widefat striped">
				<caption>{ table.caption }</caption>
				<thead>
					<tr>
						{ first && <th scope="col">{ first.label }</th> }
						{ rest.map( ( column ) => (
							<th
								key={ column.key }
								scope="col"
								className={
									column.numeric ? 'is-numeric' : undefined
								}
							>
								{ column.label }
							</th>
						) ) }
					</tr>
				</thead>
				<tbody>
					{ table.rows.map( ( row ) => {
						const [ head, ...cells ] = row.cells;
						return (
							<tr key={ row.key }>
								<th scope="row">{ head }</th>
								{ cells.map( ( cell, index ) => (
									<td
										key={ rest[ index ]?.key ?? index }
										className={
											rest[ index ]?.numeric
												? 'is-numeric'
												: undefined
										}
									>
										{ cell }
									</td>
								) ) }
							</tr>
						);
					} ) }
				</tbody>
			</table>
		</div>
	);
}
