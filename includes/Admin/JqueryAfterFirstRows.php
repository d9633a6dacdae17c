<?php
/**
 * Core prints jQuery (with jQuery Migrate) and `utils` in the head of every admin screen, where they stop
 * the parser until they are downloaded and run (jQuery alone takes 20–45 ms to compile on a 2-core
 * machine), so no row can paint before them. Nothing the Jobs screen prints before its rows uses them:
 * on this screen they are printed right after the first rows instead, before anything that comes later
 * (the footer's scripts and what plugins print in `admin_footer`).
 *
 * Whatever else needs them earlier still gets them first:
 * - a script in the head that depends on one of them keeps them in the head (WordPress prints a
 *   dependency in the earliest group that needs it);
 * - what is printed between the head scripts and the rows (the rest of the head, the admin bar, notices)
 *   is held back and looked at: when it has a script that may use jQuery (an inline script naming
 *   `jQuery` or `$`, or an external script), they are printed before it, where core would have them.
 *
 * @package DMJobs
 */

namespace DMJobs\Admin;

defined( 'ABSPATH' ) || exit;

final class JqueryAfterFirstRows {

	/**
	 * The head scripts core enqueues on every admin screen (`jquery` stands for jquery-core and
	 * jquery-migrate).
	 */
	public const HANDLES = array( 'jquery', 'jquery-core', 'jquery-migrate', 'utils' );

	/**
	 * Script types browsers do not run as JavaScript (templates, data): they cannot call jQuery.
	 */
	private const INERT_TYPES = '#^(text/(html|template|x-template|x-handlebars-template|x-tmpl)|application/(ld\+)?json|importmap|speculationrules)$#i';

	/**
	 * @var int|null The output buffer level of the part being held back, or null when none is.
	 */
	private ?int $holding = null;

	public function register(): void {
		// Before core prints the head scripts (priority 20), then right after them.
		add_action( 'admin_print_scripts', array( $this, 'leave_the_head' ), 1 );
		add_action( 'admin_print_scripts', array( $this, 'hold' ), 20 );
	}

	public function leave_the_head(): void {
		$scripts = wp_scripts();
		foreach ( self::HANDLES as $handle ) {
			$scripts->add_data( $handle, 'group', 1 );
		}
	}

	/**
	 * Holds back what is printed from now on, until release().
	 */
	public function hold(): void {
		if ( null !== $this->holding || $this->printed() ) {
			return;
		}
		ob_start();
		$this->holding = ob_get_level();
	}

	/**
	 * Prints what was held back, after jQuery when it may use it.
	 */
	public function release(): void {
		$level         = $this->holding;
		$this->holding = null;
		if ( null === $level ) {
			return;
		}
		if ( ob_get_level() !== $level ) {
			// Someone else's buffer is open inside ours (or closed ours): what is in it cannot be looked
			// at in order, so jQuery goes out now, as early as can still be had.
			$this->print_now();
			return;
		}
		$held = (string) ob_get_clean();
		if ( self::may_use_jquery( $held ) ) {
			$this->print_now();
		}
		echo $held; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- the page's own output, held back and printed unchanged.
	}

	/**
	 * Prints jQuery and `utils` (with their data), unless they were printed already; concatenated
	 * where core concatenates its head scripts.
	 */
	public function print_now(): void {
		global $concatenate_scripts;
		if ( $this->printed() ) {
			return;
		}
		$scripts = wp_scripts();
		script_concat_settings();
		$scripts->do_concat = $concatenate_scripts;
		$scripts->do_items( array( 'jquery', 'utils' ) );
		_print_scripts();
		$scripts->reset();
	}

	private function printed(): bool {
		return wp_script_is( 'jquery', 'done' ) && wp_script_is( 'utils', 'done' );
	}

	/**
	 * Whether some of this HTML may run code that uses jQuery before the footer.
	 *
	 * @param string $html Printed HTML.
	 */
	public static function may_use_jquery( string $html ): bool {
		if ( ! preg_match_all( '#<script\b([^>]*)>(.*?)</script\s*>#is', $html, $scripts, PREG_SET_ORDER ) ) {
			return false;
		}
		foreach ( $scripts as $script ) {
			list( , $attributes, $code ) = $script;
			if ( preg_match( '#\btype\s*=\s*["\']?([^"\'\s>]+)#i', $attributes, $type ) && preg_match( self::INERT_TYPES, $type[1] ) ) {
				continue;
			}
			if ( preg_match( '#\bsrc\s*=#i', $attributes ) || preg_match( '#\bjQuery\b|(?<![\w$.])\$\s*[(.]#', $code ) ) {
				return true;
			}
		}
		return false;
	}
}
