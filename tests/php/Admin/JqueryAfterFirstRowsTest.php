<?php
/**
 * On the Jobs screen jQuery (with Migrate) and `utils` are printed right after the first rows instead of
 * in the head, once, and before anything later that may use them; whatever earlier may use them (a head
 * script that depends on jQuery, an inline script in the head or in a notice) still gets them first. The
 * page is printed here in the order wp-admin/admin-header.php and admin-footer.php print it.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Admin;

use DMJobs\Admin\AdminPage;
use DMJobs\Admin\JqueryAfterFirstRows;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class JqueryAfterFirstRowsTest extends TestCase {

	private const JQUERY = '#<script[^>]*(jquery-core|load-scripts\.php[^>]*jquery-core)#';

	/**
	 * The hooks the page is printed with (admin-header.php, admin-footer.php).
	 */
	private const HOOKS = array( 'admin_print_styles', 'admin_print_scripts', 'admin_head', 'admin_notices', 'admin_footer', 'admin_print_footer_scripts' );

	private const FOOTER_SCRIPT = '<script>jQuery( ".plugin-footer" ).hide();</script>';

	private ?\WP_Scripts $saved_scripts = null;

	private ?\WP_Styles $saved_styles = null;

	protected function setUp(): void {
		parent::setUp();
		if ( ! is_readable( DM_JOBS_DIR . '/build/index.asset.php' ) ) {
			$this->markTestSkipped( 'needs the JS build (npm run build)' );
		}
		self::reset_admin_menus();
		$this->act_as( 'administrator' );
		$this->saved_scripts   = $GLOBALS['wp_scripts'] ?? null;
		$this->saved_styles    = $GLOBALS['wp_styles'] ?? null;
		$GLOBALS['wp_scripts'] = new \WP_Scripts();
		$GLOBALS['wp_styles']  = new \WP_Styles();
		$pipeline              = Fixtures::pipeline( 'Newsletter' );
		Fixtures::job( $pipeline, Fixtures::flow( $pipeline, 'Weekly digest' ), 'completed', gmdate( 'Y-m-d H:i:s', time() - 600 ), gmdate( 'Y-m-d H:i:s', time() - 540 ) );
		foreach ( self::HOOKS as $hook ) {
			remove_all_actions( $hook );
		}
		// As wp-admin/includes/admin-filters.php hooks them, before any plugin.
		add_action( 'admin_print_scripts', 'print_head_scripts', 20 );
		add_action( 'admin_print_footer_scripts', '_wp_footer_scripts' );
		// As wp-admin/admin.php and admin-header.php enqueue them on every screen.
		wp_enqueue_script( 'common' );
		wp_enqueue_script( 'utils' );
	}

	protected function tearDown(): void {
		foreach ( self::HOOKS as $hook ) {
			remove_all_actions( $hook );
		}
		$GLOBALS['wp_scripts'] = $this->saved_scripts;
		$GLOBALS['wp_styles']  = $this->saved_styles;
		parent::tearDown();
	}

	public function test_jquery_is_printed_once_after_the_rows_and_before_the_footer(): void {
		$html = $this->print_screen();

		$this->assertDoesNotMatchRegularExpression( self::JQUERY, $this->head( $html ), 'the head has no jQuery' );
		$this->assertSame( 1, preg_match_all( self::JQUERY, $html ), 'jQuery is printed once' );
		$jquery = $this->position( $html, self::JQUERY );
		$this->assertGreaterThan( strpos( $html, 'class="dm-jobs-table' ), $jquery, 'after the first rows' );
		$this->assertLessThan( strpos( $html, self::FOOTER_SCRIPT ), $jquery, 'before what plugins print in the footer' );
		$this->assertLessThan( $this->position( $html, '#<script[^>]*(common\.|load-scripts\.php[^>]*common)#' ), $jquery, 'before core’s footer scripts that use it' );
		$this->assertMatchesRegularExpression( '#<script[^>]*(utils\.|load-scripts\.php[^>]*utils)#', substr( $html, $jquery ), 'utils comes along' );
		$this->assertStringContainsString( 'var userSettings', substr( $html, $jquery ), 'with its data' );
		$this->assertStringContainsString( 'wp.apiFetch.use( wp.apiFetch.createPreloadingMiddleware(', substr( $html, strpos( $html, '</noscript>' ) ), 'the preloaded answers still follow the rows' );
	}

	public function test_a_notice_that_uses_jquery_gets_it_first(): void {
		$notice = '<div class="notice"><p>Old plugin</p></div><script>jQuery( function ( $ ) { $( ".notice" ).show(); } );</script>';
		add_action( 'admin_notices', static function () use ( $notice ) {
			echo $notice; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
		} );

		$html = $this->print_screen();

		$this->assertSame( 1, preg_match_all( self::JQUERY, $html ), 'jQuery is printed once' );
		$this->assertLessThan( strpos( $html, $notice ), $this->position( $html, self::JQUERY ), 'before the notice’s script' );
		$this->assertLessThan( strpos( $html, 'class="dm-jobs-table' ), strpos( $html, $notice ), 'the notice keeps its place' );
	}

	public function test_an_inline_script_in_the_head_that_uses_jquery_gets_it_first(): void {
		$script = '<script>$.ajaxSetup( { cache: false } );</script>';
		add_action( 'admin_head', static function () use ( $script ) {
			echo $script; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
		} );

		$html = $this->print_screen();

		$this->assertSame( 1, preg_match_all( self::JQUERY, $html ) );
		$this->assertLessThan( strpos( $html, $script ), $this->position( $html, self::JQUERY ) );
		$this->assertLessThan( strpos( $html, '</head>' ), strpos( $html, $script ), 'the head keeps its script' );
	}

	public function test_a_head_script_that_depends_on_jquery_keeps_it_in_the_head(): void {
		wp_enqueue_script( 'dm-test-head', 'https://example.test/head.js', array( 'jquery' ), '1' );

		$html = $this->print_screen();

		$head = $this->head( $html );
		$this->assertMatchesRegularExpression( self::JQUERY, $head );
		$this->assertLessThan( strpos( $head, 'head.js' ), $this->position( $head, self::JQUERY ) );
		$this->assertSame( 1, preg_match_all( self::JQUERY, $html ), 'and it is not printed again after the rows' );
	}

	public function test_scripts_that_cannot_use_jquery_leave_it_after_the_rows(): void {
		add_action( 'admin_notices', static function () {
			echo '<script>document.body.className += " js";</script>';
			echo '<script type="text/html" id="tmpl-row"><a href="{{ data.url }}">$( not run )</a></script>';
			echo '<script type="application/json">{"price":"$(5)"}</script>';
		} );

		$html = $this->print_screen();

		$this->assertDoesNotMatchRegularExpression( self::JQUERY, $this->head( $html ) );
		$this->assertGreaterThan( strpos( $html, 'class="dm-jobs-table' ), $this->position( $html, self::JQUERY ) );
	}

	public function test_tells_which_scripts_may_use_jquery(): void {
		$may = array(
			'<script>jQuery(document).ready(f)</script>',
			'<script>$( ".x" ).hide()</script>',
			'<script type="text/javascript">$.post( url )</script>',
			'<script src="https://example.test/old-plugin.js"></script>',
			"<script type='module'>jQuery.noop()</script>",
		);
		$may_not = array(
			'<p>jQuery is great</p>',
			'<script>var price = "$" + 5; var tpl = `${ a }`; var $x = $y;</script>',
			'<script type="text/template">$( a )</script>',
			'<script type="speculationrules">{"prerender":[{"where":{"href_matches":"/$.x"}}]}</script>',
		);
		foreach ( $may as $html ) {
			$this->assertTrue( JqueryAfterFirstRows::may_use_jquery( $html ), $html );
		}
		foreach ( $may_not as $html ) {
			$this->assertFalse( JqueryAfterFirstRows::may_use_jquery( $html ), $html );
		}
	}

	public function test_other_screens_keep_jquery_in_the_head(): void {
		$page = new AdminPage();
		$page->add_menu();
		$page->enqueue( 'edit.php' );

		ob_start();
		do_action( 'admin_print_scripts' );
		$head = (string) ob_get_clean();

		$this->assertMatchesRegularExpression( self::JQUERY, $head );
	}

	/**
	 * The Jobs screen, printed as wp-admin prints it (head hooks, notices, the page, footer hooks).
	 */
	private function print_screen(): string {
		add_action( 'admin_footer', static function () {
			echo self::FOOTER_SCRIPT; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
		} );
		$page = new AdminPage();
		$page->add_menu();
		$hook_suffix = (string) get_plugin_page_hookname( AdminPage::SLUG, AdminPage::SLUG );
		$this->assertStringStartsWith( 'toplevel_page_', $hook_suffix, 'the Jobs screen' );
		ob_start();
		echo '<html><head>';
		$page->enqueue( $hook_suffix );
		do_action( 'admin_print_scripts' );
		do_action( 'admin_head' );
		echo '</head><body><div id="adminmenu"></div>';
		do_action( 'admin_notices' );
		$page->render();
		do_action( 'admin_footer' );
		do_action( 'admin_print_footer_scripts' );
		echo '</body></html>';
		return (string) ob_get_clean();
	}

	private function head( string $html ): string {
		return substr( $html, 0, (int) strpos( $html, '</head>' ) );
	}

	private function position( string $html, string $pattern ): int {
		$this->assertSame( 1, preg_match( $pattern, $html, $match, PREG_OFFSET_CAPTURE ), "$pattern is printed" );
		return $match[0][1];
	}
}
