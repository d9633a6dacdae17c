<?php
/**
 * uninstall.php in a separate PHP process against the same site: our tables, options and events go;
 * tables adopted from Data Machine, and their rows, stay.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Schema;

use DMJobs\Plugin;
use DMJobs\Schema\Repository\SchemaRepository;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/RunsUninstall.php';

final class UninstallTest extends TestCase {

	use RunsUninstall;

	protected function setUp(): void {
		global $wpdb;
		parent::setUp();
		// Uninstall drops tables (DDL): this test works outside the rolled-back transaction.
		$wpdb->query( 'COMMIT' );
	}

	protected function tearDown(): void {
		global $wpdb;
		parent::tearDown();
		wp_cache_flush();
		foreach ( array( 'dm_jobs', 'dm_pipelines', 'dm_flows', 'dm_processed_items' ) as $table ) {
			$wpdb->query( "DELETE FROM {$wpdb->prefix}{$table}" );
		}
		Plugin::activate();
	}

	public function test_uninstall_removes_what_dm_jobs_created(): void {
		$this->assertContains( $GLOBALS['wpdb']->prefix . 'dm_jobs', $this->dm_tables() );
		update_option( 'dm_jobs_test_marker', 1 );
		wp_schedule_single_event( time() + 3600, 'dm_jobs_test_event' );

		$this->run_uninstall();

		$this->assertSame( array(), $this->dm_tables() );
		$this->assertFalse( get_option( 'dm_jobs_test_marker' ) );
		$this->assertFalse( get_option( SchemaRepository::APPLIED_OPTION ) );
		$this->assertFalse( wp_next_scheduled( 'dm_jobs_test_event' ) );
	}

	public function test_uninstall_keeps_tables_adopted_from_data_machine(): void {
		global $wpdb;
		$owned = array_values( array_diff( (array) get_option( SchemaRepository::OWNED_OPTION ), array( 'dm_jobs', 'dm_pipelines', 'dm_flows', 'dm_processed_items' ) ) );
		update_option( SchemaRepository::OWNED_OPTION, $owned, false );
		$pipeline = Fixtures::pipeline( 'Kept' );
		Fixtures::job( $pipeline, Fixtures::flow( $pipeline, 'Kept' ), 'failed - timeout', '2025-01-01 00:00:00', '2025-01-01 00:00:01' );

		$this->run_uninstall();

		$left = $this->dm_tables();
		foreach ( array( 'dm_jobs', 'dm_pipelines', 'dm_flows', 'dm_processed_items' ) as $table ) {
			$this->assertContains( $wpdb->prefix . $table, $left );
		}
		foreach ( $owned as $table ) {
			$this->assertNotContains( $wpdb->prefix . $table, $left );
		}
		$this->assertSame( 'failed - timeout', $wpdb->get_var( "SELECT status FROM {$wpdb->prefix}dm_jobs" ) );
	}
}
