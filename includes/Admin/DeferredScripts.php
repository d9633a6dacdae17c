<?php
/**
 * WordPress packages the Jobs screen does not need for its first paint (wp-components alone is 229 KB):
 * instead of enqueueing them, the page carries their tags (scripts with their translations and inline
 * parts, and their stylesheets) in an inert <template>, and the app's loader (src/…/deferred-scripts.ts)
 * runs them, in order, the first time a part that uses them renders. Handles the page already printed
 * are left out, so nothing runs twice.
 *
 * @package DMJobs
 */

namespace DMJobs\Admin;

defined( 'ABSPATH' ) || exit;

final class DeferredScripts {

	public const TEMPLATE_ID = 'dm-jobs-deferred-scripts';

	/**
	 * @param string[] $handles Script handles (their styles of the same name come along).
	 */
	public function __construct( private readonly array $handles ) {
	}

	public function register(): void {
		// After the footer scripts (priority 10), so what they printed is known.
		add_action( 'admin_print_footer_scripts', array( $this, 'print_template' ), 20 );
	}

	public function print_template(): void {
		echo '<template id="' . esc_attr( self::TEMPLATE_ID ) . '">' . $this->tags() . '</template>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- tags printed by WP_Scripts / WP_Styles.
	}

	/**
	 * The style and script tags of the handles and of their dependencies not yet on the page.
	 */
	public function tags(): string {
		$scripts = wp_scripts();
		$styles  = wp_styles();

		$style_handles = array_values( array_filter( $this->handles, static fn ( string $handle ): bool => isset( $styles->registered[ $handle ] ) ) );
		$styles->all_deps( $style_handles );
		$style_queue    = array_values( array_diff( $styles->to_do, $styles->done ) );
		$styles->to_do  = array();
		$scripts->all_deps( $this->handles );
		$script_queue   = array_values( array_diff( $scripts->to_do, $scripts->done ) );
		$scripts->to_do = array();

		ob_start();
		foreach ( $style_queue as $handle ) {
			$styles->do_item( $handle );
		}
		foreach ( $script_queue as $handle ) {
			$scripts->do_item( $handle, 1 );
		}
		return (string) ob_get_clean();
	}
}
