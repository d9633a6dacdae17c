/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useId } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatNewJobs } from '../../../shared/format/format-count';

export interface JobsNewJobsBarProps {
	/** New jobs waiting (101 means more than 100). */
	count: number;
	onShow: () => void;
}

/**
 * "N new jobs — Show": new jobs wait here instead of pushing rows down under
 * the user's pointer. The live region is always rendered so the count is
 * announced when it appears.
 *
 * @param props Component props.
 */
export function JobsNewJobsBar( props: JobsNewJobsBarProps ) {
	const { count, onShow } = props;
	const textId = `dm-jobs-new-jobs-${ useId().replace( /:/g, '' ) }`;
	return (
		<div className="dm-jobs-new-jobs-region" aria-live="polite">
			{ count > 0 && (
				<div className="dm-jobs-new-jobs">
					<span id={ textId }>{ formatNewJobs( count ) }</span>
					<span aria-hidden="true">—</span>
					<Button
						variant="primary"
						size="compact"
						onClick={ onShow }
						aria-describedby={ textId }
					>
						{ __( 'Show', 'dm-jobs' ) }
					</Button>
				</div>
			) }
		</div>
	);
}
