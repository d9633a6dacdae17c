/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	formatJobsTotal,
	formatNumber,
} from '../../../shared/format/format-count';

export interface JobsPaginationProps {
	/** 1-based page shown. */
	page: number;
	totalPages: number;
	total: number;
	/** `false` when the total is an estimate: shown as "about 1.2M jobs". */
	totalExact?: boolean;
	canPreviousPage: boolean;
	canNextPage: boolean;
	onPreviousPage: () => void;
	onNextPage: () => void;
}

/**
 * Total count, "Page X of Y" and previous/next buttons.
 *
 * Buttons stay focusable when disabled so keyboard focus is not lost on the
 * first or last page.
 *
 * @param props Component props.
 */
export function JobsPagination( props: JobsPaginationProps ) {
	const {
		page,
		totalPages,
		total,
		totalExact = true,
		canPreviousPage,
		canNextPage,
		onPreviousPage,
		onNextPage,
	} = props;
	return (
		<nav
			className="dm-jobs-pagination"
			aria-label={ __( 'Jobs pagination', 'dm-jobs' ) }
		>
			<span className="dm-jobs-total">
				{ formatJobsTotal( total, totalExact ) }
			</span>
			<div className="dm-jobs-pagination__controls">
				<Button
					variant="secondary"
					size="compact"
					onClick={ onPreviousPage }
					disabled={ ! canPreviousPage }
					accessibleWhenDisabled
				>
					{ __( 'Previous page', 'dm-jobs' ) }
				</Button>
				<span
					className="dm-jobs-pagination__current"
					aria-live="polite"
				>
					{ totalExact
						? sprintf(
								/* translators: 1: current page number, 2: number of pages. */
								__( 'Page %1$s of %2$s', 'dm-jobs' ),
								formatNumber( page ),
								formatNumber( Math.max( 1, totalPages ) )
							)
						: sprintf(
								/* translators: 1: current page number, 2: estimated number of pages. */
								__( 'Page %1$s of about %2$s', 'dm-jobs' ),
								formatNumber( page ),
								formatNumber( Math.max( 1, totalPages ) )
							) }
				</span>
				<Button
					variant="secondary"
					size="compact"
					onClick={ onNextPage }
					disabled={ ! canNextPage }
					accessibleWhenDisabled
				>
					{ __( 'Next page', 'dm-jobs' ) }
				</Button>
			</div>
		</nav>
	);
}
