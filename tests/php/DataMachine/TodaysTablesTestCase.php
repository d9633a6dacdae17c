<?php
/**
 * For tests that need today's Data Machine tables (datamachine_*) on a site whose suite runs over another
 * generation: DDL commits, so the tables are created (unless the site already has them) outside the test's
 * transaction and dropped afterwards, and the site reads today's generation meanwhile.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\DataMachine;

use DMJobs\DataMachine\Adapters;
use DMJobs\DataMachine\CurrentGeneration;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/CurrentTables.php';

abstract class TodaysTablesTestCase extends TestCase {

	/**
	 * @var string[] Tables this test created (and drops).
	 */
	private array $created = array();

	protected function setUp(): void {
		global $wpdb;
		parent::setUp();
		$wpdb->query( 'COMMIT' );
		add_filter( 'dm_jobs_data_machine_generation', array( self::class, 'today' ) );
		Adapters::forget();
		$this->created = CurrentTables::create();
		$this->set_up_outside_the_transaction();
		$wpdb->query( 'START TRANSACTION' );
	}

	protected function tearDown(): void {
		global $wpdb;
		parent::tearDown();
		$this->tear_down_after_the_transaction();
		foreach ( $this->created as $table ) {
			$wpdb->query( "DROP TABLE IF EXISTS `{$table}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		remove_filter( 'dm_jobs_data_machine_generation', array( self::class, 'today' ) );
		Adapters::forget();
	}

	/**
	 * More committed set-up (more tables, folders), after today's tables exist.
	 */
	protected function set_up_outside_the_transaction(): void {
	}

	/**
	 * More clean-up, after the test's transaction was rolled back.
	 */
	protected function tear_down_after_the_transaction(): void {
	}

	public static function today(): string {
		return CurrentGeneration::KEY;
	}
}
