/**
 * The wp-admin spinner (core's `.spinner`, always on the page), for states shown before or without
 * the deferred wp-components package.
 */
export function Spinner() {
	return (
		<span
			className="spinner is-active dm-jobs-spinner"
			aria-hidden="true"
		/>
	);
}
