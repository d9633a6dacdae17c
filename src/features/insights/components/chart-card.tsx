/**
 * One chart with its title, its loading / error / empty states, and a table
 * alternative (always available to screen readers; shown on request).
 */

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Button, Spinner } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { RetryNotice } from '../../../shared/components/retry-notice';
import type { ApiError } from '../../../shared/types';
import type { ChartTable } from '../types';
import { DataTable } from './data-table';

export type ChartState = 'loading' | 'error' | 'empty' | 'ready';

/**
 * The load state a chart card shows (from its request).
 */
export interface CardStatus {
	state: ChartState;
	busy: boolean;
	error: ApiError | null;
	onRetry: () => void;
}

export interface ChartCardProps {
	/** Short identifier, e.g. `volume` (ids and `data-chart`). */
	id: string;
	title: string;
	description?: ReactNode;
	state: ChartState;
	/** A newer answer is on its way while the chart shows the last one. */
	busy?: boolean;
	error?: ApiError | null;
	onRetry?: () => void;
	emptyMessage?: string;
	table: ChartTable | null;
	/** What the chart shows, for the chart image's accessible name. */
	summary?: string;
	children?: ReactNode;
	wide?: boolean;
	/** Controls and text shown above the chart (outside its image role). */
	controls?: ReactNode;
	/** Too little data for a chart: the card says so in words and stays compact. */
	thin?: boolean;
}

export function ChartCard( {
	id,
	title,
	description,
	state,
	busy = false,
	error = null,
	onRetry,
	emptyMessage = __( 'No finished jobs in this range.', 'dm-jobs' ),
	table,
	summary,
	children,
	wide = false,
	thin = false,
	controls,
}: ChartCardProps ) {
	const [ showTable, setShowTable ] = useState( false );
	const titleId = `dm-jobs-insights-${ id }-title`;
	const tableId = `dm-jobs-insights-${ id }-table`;
	const ready = state === 'ready' && table !== null;

	return (
		<section
			className={ `dm-jobs-insights-card${ wide ? ' is-wide' : '' }${
				thin ? ' is-thin' : ''
			}` }
			data-chart={ id }
			data-state={ state }
			aria-labelledby={ titleId }
			aria-busy={ busy || state === 'loading' }
		>
			<div className="dm-jobs-insights-card__header">
				<h3 id={ titleId }>{ title }</h3>
				{ ready && (
					<Button
						variant="tertiary"
						size="compact"
						aria-expanded={ showTable }
						aria-controls={ tableId }
						onClick={ () => setShowTable( ( value ) => ! value ) }
					>
						{ showTable
							? __( 'Hide table', 'dm-jobs' )
							: __( 'Show table', 'dm-jobs' ) }
					</Button>
				) }
			</div>
			{ description && (
				<p className="dm-jobs-insights-card__description">
					{ description }
				</p>
			) }
			{ state === 'loading' && (
				<div className="dm-jobs-loading" role="status">
					<Spinner />
					<span>{ __( 'Loading chart…', 'dm-jobs' ) }</span>
				</div>
			) }
			{ state === 'error' && error && (
				<RetryNotice onRetry={ onRetry }>
					{ sprintf(
						/* translators: %s: error message from the server. */
						__( 'This chart could not be loaded: %s', 'dm-jobs' ),
						error.message
					) }
				</RetryNotice>
			) }
			{ state === 'empty' && (
				<p className="dm-jobs-insights-card__empty">{ emptyMessage }</p>
			) }
			{ ready && (
				<>
					{ controls }
					<div
						className="dm-jobs-insights-card__chart"
						role="img"
						aria-label={ summary ?? title }
					>
						{ children }
					</div>
					<DataTable
						id={ tableId }
						table={ table }
						hidden={ ! showTable }
					/>
				</>
			) }
		</section>
	);
}
