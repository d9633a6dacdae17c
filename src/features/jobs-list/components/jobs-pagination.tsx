/**
 * WordPress dependencies
 */
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatJobsTotal } from '../../../shared/format/format-count';
import { formatNumber } from '../../../shared/format/format-number';

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

function PageButton( props: {
	label: string;
	enabled: boolean;
	onClick: () => void;
} ) {
	const { label, enabled, onClick } = props;
	return (
		<button
			type="button"
			className={ `button${ enabled ? '' : ' disabled' }` }
			aria-disabled={ enabled ? undefined : true }
			onClick={ enabled ? onClick : undefined }
		>
			{ label }
		</button>
	);
}

/**
 * Total count, "Page X of Y" and previous/next buttons.
 *
 * wp-admin's own buttons (the server-printed first page has the same ones, as links), so the first
 * rows need no wp-components. They stay focusable when disabled so keyboard focus is not lost on the
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
				<PageButton
					label={ __( 'Previous page', 'dm-jobs' ) }
					enabled={ canPreviousPage }
					onClick={ onPreviousPage }
				/>
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
				<PageButton
					label={ __( 'Next page', 'dm-jobs' ) }
					enabled={ canNextPage }
					onClick={ onNextPage }
				/>
			</div>
		</nav>
	);
}
