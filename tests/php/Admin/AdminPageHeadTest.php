<?php
/**
 * The Jobs screen's head holds only what this screen uses and goes out as soon as it is complete: core's
 * theme font faces (block editor fonts, about 44 KB with a block theme's style variations) are left out of
 * this screen only, and the head is flushed at its end.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Admin;

use DMJobs\Admin\AdminPage;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class AdminPageHeadTest extends TestCase {

	private const FONT_FACE_PRINTERS = array( 'wp_print_font_faces', 'wp_print_font_faces_from_style_variations' );

	private AdminPage $page;

	private string $hook_suffix;

	protected function setUp(): void {
		parent::setUp();
		self::reset_admin_menus();
		$this->act_as( 'administrator' );
		// As wp-admin/includes/admin-filters.php hooks them on every admin screen.
		foreach ( self::FONT_FACE_PRINTERS as $printer ) {
			add_action( 'admin_print_styles', $printer, 50 );
		}
		$this->page = new AdminPage();
		$this->page->add_menu();
		$this->hook_suffix = (string) get_plugin_page_hookname( AdminPage::SLUG, AdminPage::SLUG );
		if ( ! is_readable( DM_JOBS_DIR . '/build/index.asset.php' ) ) {
			$this->markTestSkipped( 'needs the JS build (npm run build)' );
		}
	}

	protected function tearDown(): void {
		foreach ( self::FONT_FACE_PRINTERS as $printer ) {
			remove_action( 'admin_print_styles', $printer, 50 );
		}
		foreach ( array( 'admin_print_styles', 'admin_print_scripts', 'admin_head', 'admin_footer', 'admin_print_footer_scripts' ) as $hook ) {
			remove_all_actions( $hook );
		}
		wp_dequeue_script( AdminPage::SCRIPT_HANDLE );
		parent::tearDown();
	}

	public function test_the_jobs_screen_leaves_out_the_theme_font_faces_and_flushes_its_head(): void {
		$this->page->enqueue( $this->hook_suffix );

		foreach ( self::FONT_FACE_PRINTERS as $printer ) {
			$this->assertFalse( has_action( 'admin_print_styles', $printer ), "$printer is not run on the Jobs screen" );
		}
		$this->assertSame( PHP_INT_MAX, has_action( 'admin_head', array( $this->page, 'flush_head' ) ), 'the head is flushed when it is complete' );
		$this->assertTrue( wp_script_is( AdminPage::SCRIPT_HANDLE, 'enqueued' ) );
	}

	public function test_other_screens_keep_them(): void {
		$this->page->enqueue( 'edit.php' );

		foreach ( self::FONT_FACE_PRINTERS as $printer ) {
			$this->assertSame( 50, has_action( 'admin_print_styles', $printer ), "$printer still runs on other screens" );
		}
		$this->assertFalse( has_action( 'admin_head', array( $this->page, 'flush_head' ) ) );
		$this->assertFalse( wp_script_is( AdminPage::SCRIPT_HANDLE, 'enqueued' ) );
	}
}
