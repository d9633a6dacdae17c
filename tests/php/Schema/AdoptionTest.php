<?php
/**
 * Activation on a site where Data Machine already created its tables: nothing renamed, retyped or lost.
 *
 * DDL commits implicitly on MySQL, so this test manages its own tables instead of using a transaction.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Schema;

use DMJobs\Plugin;
use DMJobs\Schema\Repository\SchemaRepository;
use DMJobs\Tests\TestCase;

/**
 * Instantiating this from a payload would be visible.
 */
PHP_SAPI === 'cli' || exit;

final class DmJobsAdoptionTripwire {
	public static int $woken = 0;
	public string $command   = 'rm -rf /';

	public function __wakeup(): void {
		++self::$woken;
	}
}

final class AdoptionTest extends TestCase {

	private const DM_TABLES = array( 'dm_jobs', 'dm_pipelines', 'dm_flows', 'dm_processed_items' );

	protected function setUp(): void {
		global $wpdb;
		$this->drop_tables();
		delete_option( SchemaRepository::VERSION_OPTION );
		delete_option( SchemaRepository::APPLIED_OPTION );
		delete_option( SchemaRepository::OWNED_OPTION );
		$this->create_tables_as_data_machine_did();
		parent::setUp();
		// No transaction for this test: the ALTERs of activation would commit it anyway.
		$wpdb->query( 'COMMIT' );
	}

	protected function tearDown(): void {
		parent::tearDown();
		$this->drop_tables();
		delete_option( SchemaRepository::VERSION_OPTION );
		delete_option( SchemaRepository::APPLIED_OPTION );
		Plugin::activate();
	}

	private function drop_tables(): void {
		global $wpdb;
		foreach ( self::DM_TABLES as $table ) {
			$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}{$table}" );
		}
	}

	private function create_tables_as_data_machine_did(): void {
		global $wpdb;
		$collate = $wpdb->get_charset_collate();
		$p       = $wpdb->prefix;
		$wpdb->query( "CREATE TABLE {$p}dm_pipelines ( pipeline_id bigint(20) unsigned NOT NULL AUTO_INCREMENT, pipeline_name varchar(255) NOT NULL, pipeline_config longtext NULL, created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, PRIMARY KEY (pipeline_id), KEY pipeline_name (pipeline_name), KEY created_at (created_at), KEY updated_at (updated_at) ) {$collate}" );
		$wpdb->query( "CREATE TABLE {$p}dm_flows ( flow_id bigint(20) unsigned NOT NULL AUTO_INCREMENT, pipeline_id bigint(20) unsigned NOT NULL, flow_name varchar(255) NOT NULL, flow_config longtext NOT NULL, scheduling_config longtext NOT NULL, PRIMARY KEY (flow_id), KEY pipeline_id (pipeline_id) ) {$collate}" );
		$wpdb->query( "CREATE TABLE {$p}dm_jobs ( job_id bigint(20) unsigned NOT NULL AUTO_INCREMENT, pipeline_id bigint(20) unsigned NOT NULL, flow_id bigint(20) unsigned NOT NULL, status varchar(20) NOT NULL, engine_data longtext NULL, created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP, completed_at datetime NULL, PRIMARY KEY (job_id), KEY status (status), KEY pipeline_id (pipeline_id), KEY flow_id (flow_id) ) {$collate}" );
		$wpdb->query( "CREATE TABLE {$p}dm_processed_items ( id bigint(20) unsigned NOT NULL AUTO_INCREMENT, flow_step_id varchar(255) NOT NULL, source_type varchar(50) NOT NULL, item_identifier varchar(255) NOT NULL, job_id bigint(20) unsigned NOT NULL, processed_timestamp datetime NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (id), UNIQUE KEY flow_source_item (flow_step_id, source_type, item_identifier(191)), KEY flow_step_id (flow_step_id), KEY source_type (source_type), KEY job_id (job_id) ) {$collate}" );
	}

	/**
	 * @return array<string, string> column => type, as the database reports them
	 */
	private function column_types( string $table ): array {
		global $wpdb;
		$types = array();
		foreach ( $wpdb->get_results( "SHOW COLUMNS FROM {$wpdb->prefix}{$table}", ARRAY_A ) as $column ) {
			$types[ $column['Field'] ] = strtolower( $column['Type'] );
		}
		return $types;
	}

	public function test_activation_adopts_data_machine_tables_without_losing_anything(): void {
		global $wpdb;
		$p = $wpdb->prefix;
		$wpdb->insert( "{$p}dm_pipelines", array( 'pipeline_name' => 'Legacy RSS', 'pipeline_config' => '{}' ) );
		$pipeline_id = (int) $wpdb->insert_id;
		$wpdb->insert( "{$p}dm_flows", array( 'pipeline_id' => $pipeline_id, 'flow_name' => 'Nightly', 'flow_config' => '{}', 'scheduling_config' => '{"interval":"daily"}' ) );
		$flow_id = (int) $wpdb->insert_id;

		DmJobsAdoptionTripwire::$woken = 0;
		$object_payload                = serialize( array( 'handler' => new DmJobsAdoptionTripwire(), 'error_message' => 'old failure' ) );
		$rows                          = array(
			array( 'failed - timeout', serialize( array( 'error_message' => 'Timed out', 'error_step_id' => 'fetch' ) ), '2025-01-01 00:00:00', '2025-01-01 00:01:00' ),
			array( 'failed: http_500', '{"error_message":"HTTP 500"}', '2025-01-02 00:00:00', '2025-01-02 00:00:30' ),
			array( 'failed', $object_payload, '2025-01-03 00:00:00', '2025-01-03 00:00:05' ),
			array( 'completed_with_error', '{"items":3}', '2025-01-04 00:00:00', '2025-01-04 00:02:00' ),
			array( 'running', null, '2025-01-05 00:00:00', null ),
			array( 'complete', 'a:1:{s:5:"items";i:2;}', '2025-01-06 00:00:00', '2025-01-06 00:00:10' ),
			array( 'completed_no_items', '{}', '2025-01-07 00:00:00', '2025-01-07 00:00:01' ),
		);
		$ids = array();
		foreach ( $rows as $row ) {
			$wpdb->insert(
				"{$p}dm_jobs",
				array( 'pipeline_id' => $pipeline_id, 'flow_id' => $flow_id, 'status' => $row[0], 'engine_data' => $row[1], 'created_at' => $row[2], 'completed_at' => $row[3] )
			);
			$ids[] = (int) $wpdb->insert_id;
		}
		$wpdb->insert( "{$p}dm_processed_items", array( 'flow_step_id' => 'abc_' . $flow_id, 'source_type' => 'rss', 'item_identifier' => 'https://example.com/1', 'job_id' => $ids[0] ) );

		$types_before = array();
		foreach ( self::DM_TABLES as $table ) {
			$types_before[ $table ] = $this->column_types( $table );
		}
		$raw_before = $wpdb->get_results( "SELECT job_id, pipeline_id, flow_id, status, engine_data, created_at, completed_at FROM {$p}dm_jobs ORDER BY job_id", ARRAY_A );

		Plugin::activate();
		DmJobsAdoptionTripwire::$woken = 0;

		foreach ( self::DM_TABLES as $table ) {
			$after = $this->column_types( $table );
			foreach ( $types_before[ $table ] as $column => $type ) {
				$this->assertArrayHasKey( $column, $after, "{$table}.{$column} was dropped or renamed" );
				$this->assertSame( $type, $after[ $column ], "{$table}.{$column} was retyped" );
			}
		}
		$this->assertSame( $raw_before, $wpdb->get_results( "SELECT job_id, pipeline_id, flow_id, status, engine_data, created_at, completed_at FROM {$p}dm_jobs ORDER BY job_id", ARRAY_A ) );
		$this->assertSame( '1', (string) $wpdb->get_var( "SELECT COUNT(*) FROM {$p}dm_processed_items" ) );
		$this->assertSame( array(), array_intersect( self::DM_TABLES, (array) get_option( SchemaRepository::OWNED_OPTION, array() ) ), 'adopted tables must not be recorded as ours (uninstall would drop them)' );

		$this->act_as( 'administrator' );
		$listed = $this->request( 'GET', '/jobs', array( 'orderby' => 'job_id', 'order' => 'asc' ) );
		$this->assertSame( $ids, $this->ids( $listed ) );
		$this->assertSame(
			array( 'failed', 'failed', 'failed', 'completed', 'processing', 'completed', 'completed_no_items' ),
			array_column( $listed->get_data(), 'status' )
		);
		$this->assertSame(
			array( 'timeout', 'http_500', null, 'completed with errors', null, null, null ),
			array_column( $listed->get_data(), 'status_reason' )
		);
		$this->assertSame( 'Legacy RSS', $listed->get_data()[0]['pipeline_name'] );
		$this->assertSame( 'Nightly', $listed->get_data()[0]['flow_name'] );

		$failed = $this->request( 'GET', '/jobs', array( 'status' => 'failed', 'orderby' => 'job_id', 'order' => 'asc' ) );
		$this->assertSame( array_slice( $ids, 0, 3 ), $this->ids( $failed ) );

		$first = $this->request( 'GET', '/jobs/' . $ids[0] )->get_data();
		$this->assertSame( 'Timed out', $first['failure']['message'] );
		$this->assertSame( 'fetch', $first['failure']['step_id'] );
		$this->assertSame( 'HTTP 500', $this->request( 'GET', '/jobs/' . $ids[1] )->get_data()['failure']['message'] );
		$this->assertSame( array( 'items' => 2 ), $this->request( 'GET', '/jobs/' . $ids[5] )->get_data()['engine_data'] );

		$with_object = $this->request( 'GET', '/jobs/' . $ids[2] )->get_data();
		$this->assertSame( 0, DmJobsAdoptionTripwire::$woken, 'a serialized object in engine_data was instantiated' );
		$this->assertSame( DmJobsAdoptionTripwire::class, $with_object['engine_data']['handler']['__php_class'] );
		$this->assertSame( 'old failure', $with_object['failure']['message'] );

		// Activating again (or upgrading) is harmless.
		delete_option( SchemaRepository::VERSION_OPTION );
		delete_option( SchemaRepository::APPLIED_OPTION );
		Plugin::activate();
		$this->assertSame( $raw_before, $wpdb->get_results( "SELECT job_id, pipeline_id, flow_id, status, engine_data, created_at, completed_at FROM {$p}dm_jobs ORDER BY job_id", ARRAY_A ) );
	}

	public function test_fresh_activation_creates_tables_with_data_machine_columns_and_our_additions(): void {
		$this->drop_tables();
		delete_option( SchemaRepository::VERSION_OPTION );
		delete_option( SchemaRepository::APPLIED_OPTION );
		Plugin::activate();

		$schema = new SchemaRepository();
		$this->assertSame( \DMJobs\Schema\Migrations\Migrations::latest_version(), $schema->installed_version() );
		$this->assertEmpty( array_diff( self::DM_TABLES, get_option( SchemaRepository::OWNED_OPTION ) ) );
		$jobs = $this->column_types( 'dm_jobs' );
		foreach ( array( 'job_id', 'pipeline_id', 'flow_id', 'status', 'engine_data', 'created_at', 'completed_at', 'status_reason' ) as $column ) {
			$this->assertArrayHasKey( $column, $jobs );
		}
		global $wpdb;
		$this->assertTrue( $schema->index_exists( $wpdb->prefix . 'dm_jobs', 'dm_jobs_created_at' ) );
		$this->assertTrue( $schema->index_exists( $wpdb->prefix . 'dm_jobs', 'status' ) );
	}
}
