<?php
/**
 * WordPress packages the Jobs screen does not need for its first paint (wp-components alone is 229 KB):
 * instead of enqueueing them, the page carries their tags (scripts with their translations and inline
 * parts, and their stylesheets) in an inert <template>, and the app's loader (src/…/deferred-scripts.ts)
 * runs them, in order, the first time a part that uses them renders. Handles the page already printed
 * are left out, so nothing runs twice.
 *
 * Scripts core enqueues on every admin screen that the first rows do not need (its command palette, about
 * 40 scripts with block-editor and wp-components) can be withheld the same way into a second template,
 * which the app runs once it has taken over: they otherwise download and compile while the first frame
 * waits for the CPU. Their stylesheets leave the head too (the palette's pulls in wp-components', 109 KB
 * of CSS the browser would parse and match before the first frame).
 *
 * @package DMJobs
 */

namespace DMJobs\Admin;

defined( 'ABSPATH' ) || exit;

final class DeferredScripts {

	public const TEMPLATE_ID = 'dm-jobs-deferred-scripts';

	/**
	 * Template of the scripts withheld until the app has taken over (AfterTakeover, src/…/deferred-scripts.ts).
	 */
	public const AFTER_TAKEOVER_TEMPLATE_ID = 'dm-jobs-after-takeover-scripts';

	/**
	 * @var string[]|null The stylesheets taken out of the head (withhold_styles), or null when none were.
	 */
	private ?array $withheld_styles = null;

	/**
	 * @param string[] $handles     Script handles (their styles of the same name come along).
	 * @param string   $template_id The template's element ID.
	 * @param bool     $withhold    Whether the handles are enqueued by others (core) and taken out of the
	 *                              footer into the template; only those enqueued are.
	 */
	public function __construct(
		private array $handles,
		private readonly string $template_id = self::TEMPLATE_ID,
		private readonly bool $withhold = false,
	) {
	}

	public function register(): void {
		if ( $this->withhold ) {
			// Before the head's stylesheets are printed (priority 20), and before the footer scripts (10).
			add_action( 'admin_print_styles', array( $this, 'withhold_styles' ), 1 );
			add_action( 'admin_print_footer_scripts', array( $this, 'withhold' ), 9 );
		}
		// After the footer scripts (priority 10), so what they printed is known.
		add_action( 'admin_print_footer_scripts', array( $this, 'print_template' ), 20 );
	}

	/**
	 * Takes the handles that are enqueued out of the footer (they go into the template instead).
	 */
	public function withhold(): void {
		$this->handles = array_values( array_filter( $this->handles, static fn ( string $handle ): bool => wp_script_is( $handle, 'enqueued' ) ) );
		foreach ( $this->handles as $handle ) {
			wp_dequeue_script( $handle );
		}
	}

	/**
	 * Takes the stylesheets of the handles that are enqueued out of the head (they go into the template).
	 */
	public function withhold_styles(): void {
		$this->withheld_styles = array_values( array_filter( $this->handles, static fn ( string $handle ): bool => wp_style_is( $handle, 'enqueued' ) ) );
		foreach ( $this->withheld_styles as $handle ) {
			wp_dequeue_style( $handle );
		}
	}

	public function print_template(): void {
		echo '<template id="' . esc_attr( $this->template_id ) . '">' . $this->tags() . '</template>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- tags printed by WP_Scripts / WP_Styles.
	}

	/**
	 * The style and script tags of the handles and of their dependencies not yet on the page (nor in an
	 * earlier template: they count as printed once here).
	 */
	public function tags(): string {
		if ( array() === $this->handles ) {
			return '';
		}
		$scripts = wp_scripts();
		$styles  = wp_styles();

		$style_handles = $this->withheld_styles ?? array_values( array_filter( $this->handles, static fn ( string $handle ): bool => isset( $styles->registered[ $handle ] ) ) );
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
		$styles->done  = array_merge( $styles->done, $style_queue );
		$scripts->done = array_merge( $scripts->done, $script_queue );
		return (string) ob_get_clean();
	}
}
