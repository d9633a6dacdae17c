<?php
/**
 * Data Machine 0.1 (dm_* tables) stays consistent after DM Jobs deletes jobs and processed items: its
 * job caches (what its `dm_clear_jobs_cache` clears) and its never-expiring per-item processed cache are
 * cleared, its action fires, and job folders are found where its FilesRepository keeps them
 * ({uploads}/dm-files/job_{id}/job_{id}_data.json). Caches are set with its keys, values and lifetimes.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\DataMachine;

use DMJobs\Retention\RetentionScheduler;
use DMJobs\Tests\AdminTools\AdminToolsTestCase;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/../AdminTools/AdminToolsTestCase.php';

final class LegacyConsistencyTest extends AdminToolsTestCase {

	private string $dm_files = '';

	/**
	 * @var string[]
	 */
	private array $fired = array();

	protected function setUp(): void {
		parent::setUp();
		if ( \DMJobs\DataMachine\Adapters::current()->ids_are_text() ) {
			$this->markTestSkipped( 'Data Machine 0.1 (dm_* tables) only: this site runs today\'s generation.' );
		}
		// Data Machine's real folders, not the temporary root of the other admin tools tests.
		remove_filter( 'dm_jobs_job_files_dir', array( $this, 'files_root' ) );
		$this->dm_files = wp_upload_dir( null, false )['basedir'] . '/dm-files';
		add_action( 'dm_clear_jobs_cache', array( $this, 'record_clear' ), 10, 0 );
	}

	protected function tearDown(): void {
		remove_action( 'dm_clear_jobs_cache', array( $this, 'record_clear' ), 10 );
		self::remove_dir( $this->dm_files );
		parent::tearDown();
	}

	public function record_clear(): void {
		$this->fired[] = current_action();
	}

	/**
	 * FilesRepository::store_data_packet(): {uploads}/dm-files/job_{id}/job_{id}_data.json.
	 */
	private function store_data_packet( int $job_id ): string {
		$dir = $this->dm_files . '/job_' . $job_id;
		wp_mkdir_p( $dir );
		file_put_contents( $dir . "/job_{$job_id}_data.json", (string) wp_json_encode( array( array( 'type' => 'fetch', 'content' => array( 'title' => 'Item' ) ) ) ) );
		return $dir;
	}

	/**
	 * What JobsOperations caches: the count, each job, a flow's jobs, list pages (via dm_cache_set).
	 *
	 * @param int[] $job_ids
	 */
	private function cache_jobs_as_data_machine_does( array $job_ids ): void {
		global $wpdb;
		set_transient( 'dm_total_jobs_count', '151', 300 );
		foreach ( $job_ids as $job_id ) {
			set_transient( 'dm_job_' . $job_id, $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}dm_jobs WHERE job_id = %d", $job_id ), OBJECT ), 300 );
			set_transient( 'dm_job_status_' . $job_id, (string) $wpdb->get_var( $wpdb->prepare( "SELECT status FROM {$wpdb->prefix}dm_jobs WHERE job_id = %d", $job_id ) ), 300 );
		}
		set_transient( 'dm_flow_jobs_' . $this->flow_id, array( array( 'job_id' => $job_ids[0] ) ), 300 );
		set_transient( 'dm_recent_jobs_' . md5( 'j.job_idDESC200' ), array( array( 'job_id' => $job_ids[0] ) ), 60 );
		set_transient( 'dm_pipeline_config_' . $this->pipeline_id, array( 'kept' => true ), 300 );
	}

	/**
	 * ProcessedItems::has_item_been_processed(): the row count under a key that never expires.
	 */
	private function mark_processed( string $flow_step_id, string $item, int $job_id ): string {
		global $wpdb;
		$wpdb->insert(
			$wpdb->prefix . 'dm_processed_items',
			array(
				'flow_step_id'    => $flow_step_id,
				'source_type'     => 'rss',
				'item_identifier' => $item,
				'job_id'          => $job_id,
			),
			array( '%s', '%s', '%s', '%d' )
		);
		$key = 'dm_processed_' . $flow_step_id . '_rss_' . md5( $item );
		set_transient( $key, '1', 0 );
		return $key;
	}

	public function test_bulk_delete_clears_its_job_caches_and_removes_its_job_folders(): void {
		$gone = array( $this->job( 'failed' ), $this->job( 'completed' ) );
		$kept = $this->job( 'completed', $this->days_ago( 1 ) );
		$this->cache_jobs_as_data_machine_does( array_merge( $gone, array( $kept ) ) );
		foreach ( array_merge( $gone, array( $kept ) ) as $job_id ) {
			$this->store_data_packet( $job_id );
		}
		wp_mkdir_p( $this->dm_files . '/uuid-fetch_' . $this->flow_id );

		[ , $operation ] = $this->perform( 'delete_jobs', array( 'ids' => $gone ) );

		$this->assertSame( 2, $operation['affected'] );
		$this->assertSame( 2, ( (array) $operation['result'] )['folders_removed'] );
		$this->assertFalse( get_transient( 'dm_total_jobs_count' ), 'its job count is recounted, not 151' );
		foreach ( $gone as $job_id ) {
			$this->assertFalse( get_transient( 'dm_job_' . $job_id ) );
			$this->assertFalse( get_transient( 'dm_job_status_' . $job_id ) );
			$this->assertDirectoryDoesNotExist( $this->dm_files . '/job_' . $job_id );
		}
		$this->assertFalse( get_transient( 'dm_flow_jobs_' . $this->flow_id ) );
		$this->assertFalse( get_transient( 'dm_recent_jobs_' . md5( 'j.job_idDESC200' ) ) );
		$this->assertNotFalse( get_transient( 'dm_job_' . $kept ), 'a kept job\'s cache is still right' );
		$this->assertSame( array( 'kept' => true ), get_transient( 'dm_pipeline_config_' . $this->pipeline_id ) );
		$this->assertFileExists( $this->dm_files . "/job_{$kept}/job_{$kept}_data.json" );
		$this->assertDirectoryExists( $this->dm_files . '/uuid-fetch_' . $this->flow_id, 'flow step file folders are not job folders' );
		$this->assertContains( 'dm_clear_jobs_cache', $this->fired );
	}

	public function test_bulk_delete_clears_its_job_caches_when_it_caches_many_other_jobs(): void {
		global $wpdb;
		// More cached jobs than one read of the whole family takes: the names are looked up instead.
		$expires = time() + 300;
		foreach ( array_chunk( range( 1, 1200 ), 400 ) as $chunk ) {
			$rows = array();
			foreach ( $chunk as $n ) {
				$rows[] = $wpdb->prepare( '(%s, %s, %s), (%s, %s, %s)', '_transient_dm_job_' . ( 900000 + $n ), 'O:8:"stdClass":0:{}', 'off', '_transient_timeout_dm_job_' . ( 900000 + $n ), (string) $expires, 'off' );
			}
			$wpdb->query( "INSERT INTO {$wpdb->options} (option_name, option_value, autoload) VALUES " . implode( ', ', $rows ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		}
		$gone = array( $this->job( 'failed' ), $this->job( 'completed' ) );
		$kept = $this->job( 'completed', $this->days_ago( 1 ) );
		$this->cache_jobs_as_data_machine_does( array_merge( $gone, array( $kept ) ) );

		$this->perform( 'delete_jobs', array( 'ids' => $gone ) );

		foreach ( $gone as $job_id ) {
			$this->assertFalse( get_transient( 'dm_job_' . $job_id ) );
			$this->assertFalse( get_transient( 'dm_job_status_' . $job_id ) );
		}
		$this->assertNotFalse( get_transient( 'dm_job_' . $kept ) );
		$this->assertSame( 1200 * 2, (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE '%dm\\_job\\_90%'" ), 'other jobs\' caches stay' );
	}

	public function test_single_delete_and_status_change_clear_its_job_caches(): void {
		$job_id = $this->job( 'failed' );
		$other  = $this->job( 'processing', $this->days_ago( 0 ) );
		$this->cache_jobs_as_data_machine_does( array( $job_id, $other ) );
		$this->store_data_packet( $job_id );

		$this->assertSame( 200, $this->admin_request( 'DELETE', "/jobs/{$job_id}" )->get_status() );

		$this->assertFalse( get_transient( 'dm_total_jobs_count' ) );
		$this->assertFalse( get_transient( 'dm_job_' . $job_id ) );
		$this->assertDirectoryDoesNotExist( $this->dm_files . '/job_' . $job_id );
		$this->assertCount( 1, $this->fired );

		$this->assertNotFalse( get_transient( 'dm_job_' . $other ) );
		$response = $this->admin_request( 'POST', "/jobs/{$other}/status", array( 'status' => 'failed' ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertFalse( get_transient( 'dm_job_' . $other ), 'its cached row would still say processing' );
		$this->assertCount( 2, $this->fired );
	}

	public function test_bulk_status_change_and_shedding_clear_its_job_caches_once_per_batch(): void {
		$jobs = array( $this->job( 'processing', $this->days_ago( 0 ) ), $this->job( 'pending', $this->days_ago( 0 ) ), $this->job( 'processing', $this->days_ago( 0 ) ) );
		$this->cache_jobs_as_data_machine_does( $jobs );

		$this->perform( 'update_status', array( 'ids' => $jobs, 'target_status' => 'cancelled', 'include_active' => true ) );

		$this->assertSame( array( 'dm_clear_jobs_cache' ), $this->fired, 'one clear for the batch, not one per job' );
		foreach ( $jobs as $job_id ) {
			$this->assertFalse( get_transient( 'dm_job_' . $job_id ), 'its cached row would still say processing' );
		}
		$this->assertFalse( get_transient( 'dm_total_jobs_count' ) );

		$this->fired = array();
		$old         = $this->job( 'completed', self::OLD, null, array( 'engine_data' => '{"items":[1,2,3]}' ) );
		$this->cache_jobs_as_data_machine_does( array( $old ) );
		$this->perform( 'shed_engine_data', array( 'older_than_days' => 30, 'statuses' => array( 'completed' ) ) );
		$this->assertFalse( get_transient( 'dm_job_' . $old ), 'its cached row would still carry the shed engine_data' );
		$this->assertSame( array( 'dm_clear_jobs_cache' ), $this->fired );
	}

	public function test_scheduled_retention_clears_its_job_caches_and_folders(): void {
		$old  = $this->job( 'completed', $this->days_ago( 90 ) );
		$new  = $this->job( 'completed', $this->days_ago( 1 ) );
		$this->cache_jobs_as_data_machine_does( array( $old, $new ) );
		$this->store_data_packet( $old );
		$this->admin_request( 'POST', '/retention', array( 'completed_days' => 30 ) );

		wp_set_current_user( 0 );
		( new RetentionScheduler() )->run_scheduled();

		$this->assertSame( array( $new ), $this->surviving( array( $old, $new ) ) );
		$this->assertFalse( get_transient( 'dm_total_jobs_count' ) );
		$this->assertFalse( get_transient( 'dm_job_' . $old ) );
		$this->assertDirectoryDoesNotExist( $this->dm_files . '/job_' . $old );
		$this->assertContains( 'dm_clear_jobs_cache', $this->fired );
	}

	public function test_processed_items_cleanup_frees_the_items_in_its_per_item_cache(): void {
		$job_id   = $this->job( 'completed' );
		$freed    = $this->mark_processed( 'uuid-fetch_' . $this->flow_id, 'https://example.com/a', $job_id );
		$kept     = $this->mark_processed( 'uuid-fetch_' . $this->other_flow_id, 'https://example.com/b', $job_id );
		set_transient( 'dm_count_processed_' . md5( serialize( array( 'job_id' => $job_id ) ) ), '2', 300 );

		[ , $operation ] = $this->perform( 'cleanup_processed_items', array( 'flow_id' => $this->flow_id ) );

		$this->assertSame( 1, $operation['affected'] );
		$this->assertFalse( get_transient( $freed ), 'the freed item no longer counts as processed' );
		$this->assertSame( '1', get_transient( $kept ), 'an item still processed keeps its cache' );
		$this->assertFalse( get_transient( 'dm_count_processed_' . md5( serialize( array( 'job_id' => $job_id ) ) ) ) );
	}

	public function test_orphan_file_cleanup_works_on_its_folders(): void {
		$job_id = $this->job( 'completed' );
		$this->store_data_packet( $job_id );
		$gone = $job_id + 100;
		$this->store_data_packet( $gone );
		// A job Data Machine created and deleted again (its ID was handed out).
		global $wpdb;
		$wpdb->insert( $wpdb->prefix . 'dm_jobs', array( 'job_id' => $gone, 'pipeline_id' => $this->pipeline_id, 'flow_id' => $this->flow_id, 'status' => 'pending', 'created_at' => self::OLD ) );
		$wpdb->delete( $wpdb->prefix . 'dm_jobs', array( 'job_id' => $gone ) );
		wp_mkdir_p( $this->dm_files . '/uuid-fetch_' . $this->flow_id );

		[ $preview, $operation ] = $this->perform( 'cleanup_orphan_files' );

		$this->assertSame( $this->dm_files, ( (array) $preview['details'] )['files_dir'] );
		$this->assertSame( 1, $operation['affected'] );
		$this->assertDirectoryDoesNotExist( $this->dm_files . '/job_' . $gone );
		$this->assertFileExists( $this->dm_files . "/job_{$job_id}/job_{$job_id}_data.json" );
		$this->assertDirectoryExists( $this->dm_files . '/uuid-fetch_' . $this->flow_id );
	}
}
