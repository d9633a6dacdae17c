<?php
/**
 * Uninstall while Data Machine (v0.1, dm_* tables) is active, in a separate PHP process: DM Jobs' own
 * tables go, Data Machine's tables stay with their rows, and their schema is exactly what Data
 * Machine created (SHOW CREATE TABLE, and on SQLite also the native schema) before DM Jobs came.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Schema;

use DMJobs\DataMachine\Adapters;
use DMJobs\Jobs\Repository\JobColumns;
use DMJobs\Plugin;
use DMJobs\Schema\Repository\SchemaRepository;
use DMJobs\Tests\DataMachine\CurrentTables;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/../DataMachine/CurrentTables.php';
require_once __DIR__ . '/RunsUninstall.php';

final class UninstallFootprintTest extends TestCase {

	use RunsUninstall;

	private const DM_TABLES = array( 'dm_jobs', 'dm_pipelines', 'dm_flows', 'dm_processed_items' );

	/**
	 * Today's tables this test created.
	 *
	 * @var string[]
	 */
	private array $today_created = array();

	/**
	 * Data Machine's tables whose schema is compared (prefixed).
	 *
	 * @var string[]
	 */
	private array $compared = array();

	protected function setUp(): void {
		global $wpdb;
		parent::setUp();
		// DDL commits implicitly: this test manages its own tables.
		$wpdb->query( 'COMMIT' );
		$this->drop_tables();
		$this->run_uninstall();
		$this->create_tables_as_data_machine_does();
		Adapters::forget();
	}

	protected function tearDown(): void {
		parent::tearDown();
		$this->drop_tables();
		delete_option( SchemaRepository::VERSION_OPTION );
		delete_option( SchemaRepository::APPLIED_OPTION );
		delete_option( SchemaRepository::OWNED_OPTION );
		delete_option( SchemaRepository::ADDED_OPTION );
		JobColumns::forget();
		Adapters::forget();
		Plugin::activate();
	}

	private function drop_tables(): void {
		global $wpdb;
		foreach ( self::DM_TABLES as $table ) {
			$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}{$table}" );
		}
		foreach ( $this->today_created as $table ) {
			$wpdb->query( "DROP TABLE IF EXISTS `{$table}`" );
		}
		$this->today_created = array();
	}

	/**
	 * Data Machine 0.1.2's own CREATE TABLE statements, run through dbDelta as its activation does.
	 */
	private function create_tables_as_data_machine_does(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$collate = $wpdb->get_charset_collate();
		$p       = $wpdb->prefix;
		dbDelta(
			"CREATE TABLE {$p}dm_pipelines (
			pipeline_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
			pipeline_name varchar(255) NOT NULL,
			pipeline_config longtext NULL,
			created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
			updated_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
			PRIMARY KEY  (pipeline_id),
			KEY pipeline_name (pipeline_name),
			KEY created_at (created_at),
			KEY updated_at (updated_at)
		) $collate;"
		);
		dbDelta(
			"CREATE TABLE {$p}dm_flows (
            flow_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
            pipeline_id bigint(20) unsigned NOT NULL,
            flow_name varchar(255) NOT NULL,
            flow_config longtext NOT NULL,
            scheduling_config longtext NOT NULL,
            PRIMARY KEY (flow_id),
            KEY pipeline_id (pipeline_id)
        ) $collate;"
		);
		dbDelta(
			"CREATE TABLE {$p}dm_jobs (
            job_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
            pipeline_id bigint(20) unsigned NOT NULL,
            flow_id bigint(20) unsigned NOT NULL,
            status varchar(20) NOT NULL,
            engine_data longtext NULL,
            created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
            completed_at datetime NULL DEFAULT NULL,
            PRIMARY KEY  (job_id),
            KEY status (status),
            KEY pipeline_id (pipeline_id),
            KEY flow_id (flow_id)
        ) $collate;"
		);
		dbDelta(
			"CREATE TABLE {$p}dm_processed_items (
            id BIGINT(20) UNSIGNED NOT NULL AUTO_INCREMENT,
            flow_step_id VARCHAR(255) NOT NULL,
            source_type VARCHAR(50) NOT NULL,
            item_identifier VARCHAR(255) NOT NULL,
            job_id BIGINT(20) UNSIGNED NOT NULL,
            processed_timestamp DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
            PRIMARY KEY  (id),
            UNIQUE KEY `flow_source_item` (flow_step_id, source_type, item_identifier(191)),
            KEY `flow_step_id` (flow_step_id),
            KEY `source_type` (source_type),
            KEY `job_id` (job_id)
        ) $collate;"
		);
	}

	/**
	 * The schema of Data Machine's tables as the database reports it: SHOW CREATE TABLE (without the
	 * AUTO_INCREMENT counter) and, on SQLite, the native CREATE statements of the table and its indexes.
	 *
	 * @return array<string, string>
	 */
	private function schema(): array {
		global $wpdb;
		$schema = array();
		foreach ( $this->compared_tables() as $table ) {
			$row                             = $wpdb->get_row( "SHOW CREATE TABLE `{$wpdb->prefix}{$table}`", ARRAY_N );
			$schema[ "{$table} (SHOW CREATE)" ] = (string) preg_replace( '/ AUTO_INCREMENT=\d+/', '', (string) ( $row[1] ?? '' ) );
		}
		if ( JobColumns::uses_sqlite() ) {
			$pdo = $wpdb->get_driver()->get_connection()->get_pdo();
			foreach ( $this->compared_tables() as $table ) {
				$statement = $pdo->prepare( "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? ORDER BY type, name" );
				$statement->execute( array( $wpdb->prefix . $table ) );
				// A column drop rebuilds the table and SQLite's rename then writes its name in double quotes.
				$native                               = (string) wp_json_encode( $statement->fetchAll( \PDO::FETCH_ASSOC ) );
				$schema[ "{$table} (sqlite_master)" ] = str_replace( 'CREATE TABLE \\"' . $wpdb->prefix . $table . '\\"', 'CREATE TABLE `' . $wpdb->prefix . $table . '`', $native );
			}
		}
		return $schema;
	}

	/**
	 * @return string[] Unprefixed names.
	 */
	private function compared_tables(): array {
		global $wpdb;
		return array_merge( self::DM_TABLES, array_map( static fn ( string $table ): string => substr( $table, strlen( $wpdb->prefix ) ), $this->today_created ) );
	}

	public function test_uninstall_with_data_machine_active_leaves_its_tables_as_it_made_them(): void {
		global $wpdb;
		$before = $this->schema();

		JobColumns::forget();
		Plugin::activate();
		$owned = array_values( (array) get_option( SchemaRepository::OWNED_OPTION ) );
		$this->assertNotSame( $before, $this->schema(), 'activation adds columns and indexes to dm_jobs' );
		$this->assertContains( 'status_reason', $wpdb->get_col( "SHOW COLUMNS FROM {$wpdb->prefix}dm_jobs" ) );
		$this->assertGreaterThanOrEqual( 10, count( $owned ), 'DM Jobs created its own tables' );
		$wpdb->insert(
			"{$wpdb->prefix}dm_jobs",
			array(
				'pipeline_id' => 1,
				'flow_id'     => 1,
				'status'      => 'failed',
				'engine_data' => '{"error_message":"kept"}',
				'created_at'  => '2025-10-01 10:00:00',
			)
		);

		$this->run_uninstall( 'DATA_MACHINE_VERSION' );

		$this->assertSame( $before, $this->schema() );
		$left = $this->dm_tables();
		sort( $left );
		$expected = array_map( static fn ( string $table ): string => $wpdb->prefix . $table, self::DM_TABLES );
		sort( $expected );
		$this->assertSame( $expected, $left, 'only Data Machine\'s tables are left' );
		$this->assertSame( '{"error_message":"kept"}', $wpdb->get_var( "SELECT engine_data FROM {$wpdb->prefix}dm_jobs" ) );
		$this->assertFalse( get_option( SchemaRepository::ADDED_OPTION ) );
		$this->assertFalse( get_option( SchemaRepository::OWNED_OPTION ) );
	}

	public function test_uninstall_removes_additions_made_before_they_were_recorded(): void {
		$before = $this->schema();
		JobColumns::forget();
		Plugin::activate();
		// A site upgraded from a version that did not record its additions.
		delete_option( SchemaRepository::ADDED_OPTION );

		$this->run_uninstall( 'DATA_MACHINE_VERSION' );

		$this->assertSame( $before, $this->schema() );
	}

	public function test_uninstall_on_a_site_with_both_generations_leaves_todays_tables_as_data_machine_made_them(): void {
		global $wpdb;
		$this->today_created = CurrentTables::create();
		Adapters::forget();
		$before = $this->schema();

		JobColumns::forget();
		Plugin::activate();
		$this->assertSame( array( 'datamachine', 'dm' ), Adapters::available_keys() );
		$this->assertNotSame( $before, $this->schema(), 'activation adds indexes (and virtual columns) to both jobs tables' );
		if ( ! JobColumns::uses_sqlite() ) {
			$indexes = array_column( (array) $wpdb->get_results( "SHOW INDEX FROM {$wpdb->prefix}datamachine_jobs", ARRAY_A ), 'Key_name' );
			$this->assertContains( \DMJobs\DataMachine\AddedSchema::LABEL_INDEX, $indexes, 'search reads labels through an index of its own' );
			$this->assertSame( "{$wpdb->prefix}dm_jobs_labels", $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', "{$wpdb->prefix}dm_jobs_labels" ) ) );
			$this->assertSame( "{$wpdb->prefix}dm_jobs_label_grams", $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', "{$wpdb->prefix}dm_jobs_label_grams" ) ), 'the labels\' trigrams' );
		}

		$this->run_uninstall( 'DATAMACHINE_VERSION' );

		$this->assertSame( $before, $this->schema() );
		$left = $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $wpdb->prefix . 'dm_jobs_' ) . '%' ) );
		$this->assertSame( array(), $left, 'DM Jobs\' own tables are gone' );
	}
}
