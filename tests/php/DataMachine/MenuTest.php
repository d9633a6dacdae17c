<?php
/**
 * With Data Machine active, the Jobs screen sits in Data Machine's own menu in place of its Jobs screen:
 * one "Data Machine" menu, under today's datamachine-* slugs or v0.1's dm-* slugs.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\DataMachine;

use DMJobs\Admin\AdminPage;
use DMJobs\DataMachine\Adapters;
use DMJobs\DataMachine\CurrentGeneration;
use DMJobs\DataMachine\LegacyGeneration;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class MenuTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		self::reset_admin_menus();
		$this->act_as( 'administrator' );
	}

	protected function tearDown(): void {
		remove_all_filters( 'dm_jobs_data_machine_generation' );
		Adapters::forget();
		parent::tearDown();
	}

	/**
	 * Registers a Data Machine menu the way its datamachine_register_admin_menu() does: the first page
	 * (by position) is the top level, every page a submenu "{prefix}{slug}".
	 *
	 * @param string   $prefix "datamachine-" or "dm-".
	 * @param string[] $pages  Page slugs, first one on top.
	 */
	private function data_machine_menu( string $prefix, array $pages ): void {
		$top = $prefix . $pages[0];
		add_menu_page( 'Data Machine', 'Data Machine', 'manage_options', $top, '', 'dashicons-database-view', 30 );
		foreach ( $pages as $page ) {
			add_submenu_page( $top, ucfirst( $page ), ucfirst( $page ), 'manage_options', $prefix . $page, static function (): void {
				echo 'Data Machine page';
			} );
		}
	}

	/**
	 * @return string[] Top-level menu titles.
	 */
	private function top_level_titles(): array {
		global $menu;
		return array_values( array_map( static fn ( array $item ): string => (string) $item[0], (array) $menu ) );
	}

	public function test_todays_data_machine_menu_gets_our_jobs_screen_in_place_of_its_own(): void {
		add_filter( 'dm_jobs_data_machine_generation', static fn (): string => CurrentGeneration::KEY );
		Adapters::forget();
		$this->data_machine_menu( 'datamachine-', array( 'agent', 'pipelines', 'jobs', 'logs', 'settings' ) );

		( new AdminPage() )->add_menu();

		global $submenu;
		$this->assertSame( array( 'Data Machine' ), $this->top_level_titles(), 'one Data Machine menu' );
		$slugs = array_column( $submenu['datamachine-agent'], 2 );
		$this->assertSame( 1, count( array_keys( $slugs, 'datamachine-jobs', true ) ), 'one Jobs entry, ours' );
		$this->assertNotContains( AdminPage::SLUG, $slugs );
		ob_start();
		do_action( get_plugin_page_hookname( 'datamachine-jobs', 'datamachine-agent' ) );
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( 'id="dm-jobs-root"', $html, 'the Jobs entry renders our screen' );
		$this->assertStringNotContainsString( 'Data Machine page', $html, 'not Data Machine\'s own Jobs screen' );
		$this->assertNotEmpty( get_plugin_page_hookname( AdminPage::SLUG, '' ), 'admin.php?page=dm-jobs still opens the screen' );
	}

	public function test_v01_data_machine_menu_gets_our_jobs_screen(): void {
		add_filter( 'dm_jobs_data_machine_generation', static fn (): string => LegacyGeneration::KEY );
		Adapters::forget();
		$this->data_machine_menu( 'dm-', array( 'pipelines', 'jobs', 'logs' ) );

		( new AdminPage() )->add_menu();

		global $submenu;
		$this->assertSame( array( 'Data Machine' ), $this->top_level_titles() );
		$this->assertSame( 1, count( array_keys( array_column( $submenu['dm-pipelines'], 2 ), 'dm-jobs', true ) ) );
	}

	public function test_without_data_machine_we_add_the_menu_ourselves(): void {
		( new AdminPage() )->add_menu();
		$this->assertSame( array( 'Data Machine' ), $this->top_level_titles() );
	}
}
