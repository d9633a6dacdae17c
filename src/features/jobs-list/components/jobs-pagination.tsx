/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatJobsTotal } from '../../../shared/format/format-count';
import { formatNumber } from '../../../shared/format/format-number';
import { store } from '../store';

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
 * Total count, "Page X of Y" and previous/next buttons. Reads the page asked
 * for and the shown page's totals from the jobs store, and changes the page
 * there itself.
 *
 * wp-admin's own buttons (the server-printed first page has the same ones, as links), so the first
 * rows need no wp-components. They stay focusable when disabled so keyboard focus is not lost on the
 * first or last page.
 */
export function JobsPagination() {
	const { page, perPage, total, totalExact, totalPages, shownRows } =
		useSelect( ( select ) => {
			const jobs = select( store );
			const query = jobs.getQuery();
			return {
				page: query.page,
				perPage: query.perPage,
				total: jobs.getTotal(),
				totalExact: jobs.isTotalExact(),
				totalPages: jobs.getTotalPages(),
				shownRows: jobs.getJobs().length,
			};
		}, [] );
	const { goToPage } = useDispatch( store );
	const pageCount = Math.max( 1, totalPages );
	// An estimated page count may be low: a full page may have a next one.
	const canNextPage = totalExact ? page < pageCount : shownRows >= perPage;
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
					enabled={ page > 1 }
					onClick={ () => void goToPage( page - 1 ) }
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
								formatNumber( pageCount )
							)
						: sprintf(
								/* translators: 1: current page number, 2: estimated number of pages. */
								__( 'Page %1$s of about %2$s', 'dm-jobs' ),
								formatNumber( page ),
								formatNumber( pageCount )
							) }
				</span>
				<PageButton
					label={ __( 'Next page', 'dm-jobs' ) }
					enabled={ canNextPage }
					onClick={ () => void goToPage( page + 1 ) }
				/>
			</div>
		</nav>
	);
}
