<?php
/**
 * Scripts kept out of the Jobs screen's first paint: the deferred packages go into one template, and
 * what core enqueues that the first rows do not need (its command palette) is withheld from the footer
 * into a second one; nothing is printed twice, and what nobody enqueued is not added.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Admin;

use DMJobs\Admin\DeferredScripts;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class DeferredScriptsTest extends TestCase {

	private ?\WP_Scripts $saved_scripts = null;

	private ?\WP_Styles $saved_styles = null;

	protected function setUp(): void {
		parent::setUp();
		$this->saved_scripts    = $GLOBALS['wp_scripts'] ?? null;
		$GLOBALS['wp_scripts'] = new \WP_Scripts();
		$this->saved_styles     = $GLOBALS['wp_styles'] ?? null;
		$GLOBALS['wp_styles']  = new \WP_Styles();
		wp_register_script( 'dm-test-base', 'https://example.test/base.js', array(), '1', true );
		wp_register_script( 'dm-test-components', 'https://example.test/components.js', array( 'dm-test-base' ), '1', true );
		wp_register_script( 'dm-test-palette', 'https://example.test/palette.js', array( 'dm-test-components' ), '1', true );
		wp_add_inline_script( 'dm-test-palette', 'initializePalette();' );
		wp_register_script( 'dm-test-unused', 'https://example.test/unused.js', array(), '1', true );
		wp_register_script( 'dm-test-app', 'https://example.test/app.js', array( 'dm-test-base' ), '1', true );
		// As core enqueues its palette on every admin screen, and the Jobs screen its app.
		wp_enqueue_script( 'dm-test-palette' );
		wp_enqueue_script( 'dm-test-app' );
	}

	protected function tearDown(): void {
		$GLOBALS['wp_scripts'] = $this->saved_scripts;
		$GLOBALS['wp_styles']  = $this->saved_styles;
		parent::tearDown();
	}

	public function test_withheld_scripts_leave_the_footer_for_their_own_template_after_the_deferred_ones(): void {
		$deferred = new DeferredScripts( array( 'dm-test-components' ) );
		$withheld = new DeferredScripts( array( 'dm-test-palette', 'dm-test-unused' ), DeferredScripts::AFTER_TAKEOVER_TEMPLATE_ID, true );

		$withheld->withhold();
		$this->assertFalse( wp_script_is( 'dm-test-palette', 'enqueued' ), 'the palette is no longer enqueued' );

		ob_start();
		wp_scripts()->do_items();
		$footer = (string) ob_get_clean();
		ob_start();
		$deferred->print_template();
		$withheld->print_template();
		$templates = (string) ob_get_clean();

		$this->assertStringContainsString( 'app.js', $footer );
		$this->assertStringContainsString( 'base.js', $footer );
		$this->assertStringNotContainsString( 'palette.js', $footer );
		$this->assertStringNotContainsString( 'components.js', $footer, 'the palette no longer pulls its dependencies into the footer' );

		$this->assertMatchesRegularExpression( '#^<template id="dm-jobs-deferred-scripts">(.*)</template><template id="dm-jobs-after-takeover-scripts">(.*)</template>$#s', $templates );
		preg_match( '#<template id="dm-jobs-deferred-scripts">(.*?)</template><template id="dm-jobs-after-takeover-scripts">(.*)</template>#s', $templates, $parts );
		$this->assertStringContainsString( 'components.js', $parts[1] );
		$this->assertStringNotContainsString( 'base.js', $parts[1], 'what the footer printed is not printed again' );
		$this->assertStringContainsString( 'palette.js', $parts[2] );
		$this->assertStringContainsString( 'initializePalette();', $parts[2], 'with its inline script' );
		$this->assertStringNotContainsString( 'components.js', $parts[2], 'what the first template holds is not printed again' );
		$this->assertStringNotContainsString( 'unused.js', $templates, 'a script nobody enqueued is not added' );
	}

	public function test_nothing_is_withheld_where_core_does_not_enqueue_it(): void {
		wp_dequeue_script( 'dm-test-palette' );
		$withheld = new DeferredScripts( array( 'dm-test-palette' ), DeferredScripts::AFTER_TAKEOVER_TEMPLATE_ID, true );

		$withheld->withhold();

		$this->assertSame( '', $withheld->tags() );
	}

	public function test_withheld_stylesheets_leave_the_head_for_the_templates(): void {
		// As core's palette stylesheet (wp-commands) pulls in wp-components' on every admin screen.
		wp_register_style( 'dm-test-base', 'https://example.test/base.css', array(), '1' );
		wp_register_style( 'dm-test-components', 'https://example.test/components.css', array( 'dm-test-base' ), '1' );
		wp_register_style( 'dm-test-palette', 'https://example.test/palette.css', array( 'dm-test-components' ), '1' );
		wp_register_style( 'dm-test-unused', 'https://example.test/unused.css', array(), '1' );
		wp_register_style( 'dm-test-admin', 'https://example.test/admin.css', array( 'dm-test-base' ), '1' );
		wp_enqueue_style( 'dm-test-palette' );
		wp_enqueue_style( 'dm-test-admin' );
		$deferred = new DeferredScripts( array( 'dm-test-components' ) );
		$withheld = new DeferredScripts( array( 'dm-test-palette', 'dm-test-unused' ), DeferredScripts::AFTER_TAKEOVER_TEMPLATE_ID, true );

		$withheld->withhold_styles();
		ob_start();
		wp_styles()->do_items();
		$head = (string) ob_get_clean();
		$withheld->withhold();
		ob_start();
		$deferred->print_template();
		$withheld->print_template();
		$templates = (string) ob_get_clean();

		$this->assertStringContainsString( 'admin.css', $head );
		$this->assertStringContainsString( 'base.css', $head );
		$this->assertStringNotContainsString( 'palette.css', $head, 'the palette’s stylesheet leaves the head' );
		$this->assertStringNotContainsString( 'components.css', $head, 'and no longer pulls in its dependency' );
		preg_match( '#<template id="dm-jobs-deferred-scripts">(.*?)</template><template id="dm-jobs-after-takeover-scripts">(.*)</template>#s', $templates, $parts );
		$this->assertStringContainsString( 'components.css', $parts[1], 'with the deferred packages' );
		$this->assertStringContainsString( 'palette.css', $parts[2], 'with the palette' );
		$this->assertStringNotContainsString( 'base.css', $templates, 'what the head printed is not printed again' );
		$this->assertStringNotContainsString( 'unused.css', $templates, 'a stylesheet nobody enqueued is not added' );
	}
}
