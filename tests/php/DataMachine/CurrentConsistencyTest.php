<?php
/**
 * Today's Data Machine (datamachine_* tables, v0.175.11) stays consistent when DM Jobs deletes or changes
 * its jobs: rows, caches, transients and folders are written with its own statements, keys and layout
 * (Jobs::create_table(), ProcessedItems::claim_item_owned(), RunMetadata::replace_for_job(),
 * WebhookGateStep::executeStep(), Jobs::set_flow_health_cache(), DirectoryManager::get_job_directory(),
 * JobArtifacts), then the jobs go through DM Jobs' deletion hooks, which every deletion path fires.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\DataMachine;

use DMJobs\DataMachine\CurrentGeneration;
use DMJobs\Jobs\JobFiles;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/TodaysTablesTestCase.php';

final class CurrentConsistencyTest extends TodaysTablesTestCase {

	private string $uploads = '';

	protected function set_up_outside_the_transaction(): void {
		$this->uploads = wp_upload_dir( null, false )['basedir'];
	}

	protected function tear_down_after_the_transaction(): void {
		foreach ( array( '/datamachine-files', '/datamachine-artifacts' ) as $dir ) {
			self::remove_dir( $this->uploads . $dir );
		}
	}

	private static function remove_dir( string $dir ): void {
		if ( ! is_dir( $dir ) ) {
			return;
		}
		$items = new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( $dir, \FilesystemIterator::SKIP_DOTS ), \RecursiveIteratorIterator::CHILD_FIRST );
		foreach ( $items as $item ) {
			$item->isDir() && ! $item->isLink() ? rmdir( $item->getPathname() ) : unlink( $item->getPathname() );
		}
		rmdir( $dir );
	}

	/**
	 * Jobs::create_job() for a flow job (numeric IDs stored as strings), then its status.
	 *
	 * @param array<string, mixed> $engine_data
	 */
	private function job( string $flow_id, string $status, array $engine_data = array(), ?int $parent = null ): int {
		return CurrentTables::job(
			array(
				'flow_id'       => $flow_id,
				'parent_job_id' => $parent,
				'status'        => $status,
				'engine_data'   => wp_json_encode( $engine_data ),
				'created_at'    => '2026-11-30 10:00:00',
			)
		);
	}

	/**
	 * WebhookGateStep::executeStep(): the gate in engine_data, status waiting, token → job transient.
	 */
	private function park_at_webhook_gate( string $flow_id ): array {
		$token  = bin2hex( random_bytes( 32 ) );
		$job_id = $this->job(
			$flow_id,
			'waiting',
			array(
				'webhook_gate' => array(
					'token'             => $token,
					'flow_step_id'      => 'uuid-gate_' . $flow_id,
					'next_flow_step_id' => 'uuid-publish_' . $flow_id,
					'created_at'        => gmdate( 'Y-m-d\TH:i:s\Z' ),
					'timeout_hours'     => 0,
					'status'            => 'waiting',
				),
				'job_status'   => 'waiting',
			)
		);
		set_transient( 'datamachine_webhook_gate_' . $token, $job_id, 7 * DAY_IN_SECONDS );
		return array( $job_id, $token );
	}

	private function claim( int $job_id, string $item, int $deferrals = 0 ): void {
		global $wpdb;
		$wpdb->insert(
			( new CurrentGeneration() )->tables()->processed_items,
			array(
				'flow_step_id'     => 'uuid-fetch_7',
				'source_type'      => 'rss',
				'item_identifier'  => $item,
				'job_id'           => $job_id,
				'status'           => 'claimed',
				'claim_expires_at' => gmdate( 'Y-m-d H:i:s', time() + 900 ),
				'claim_token'      => bin2hex( random_bytes( 16 ) ),
				'deferral_count'   => $deferrals,
				'last_seen_at'     => current_time( 'mysql', true ),
			)
		);
	}

	private function processed( int $job_id, string $item ): void {
		global $wpdb;
		$wpdb->insert(
			( new CurrentGeneration() )->tables()->processed_items,
			array(
				'flow_step_id'    => 'uuid-fetch_7',
				'source_type'     => 'rss',
				'item_identifier' => $item,
				'job_id'          => $job_id,
			)
		);
	}

	private function run_metadata( int $job_id ): void {
		global $wpdb;
		$now = current_time( 'mysql', true );
		$wpdb->replace(
			(string) ( new CurrentGeneration() )->tables()->run_metadata,
			array(
				'job_id'         => $job_id,
				'metadata_path'  => 'post.post_id',
				'metadata_value' => '42',
				'value_type'     => 'int',
				'created_at'     => $now,
				'updated_at'     => $now,
			),
			array( '%d', '%s', '%s', '%s', '%s', '%s' )
		);
	}

	/**
	 * What every DM Jobs deletion does around its DELETE statement.
	 *
	 * @param int[] $ids
	 */
	private function delete_through_dm_jobs( array $ids ): void {
		global $wpdb;
		do_action( 'dm_jobs_before_delete_jobs', $ids );
		$table = ( new CurrentGeneration() )->tables()->jobs;
		$wpdb->query( $wpdb->prepare( "DELETE FROM `{$table}` WHERE job_id IN (" . implode( ',', array_fill( 0, count( $ids ), '%d' ) ) . ')', $ids ) );
		( new JobFiles() )->delete_for( $ids );
		do_action( 'dm_jobs_jobs_deleted', $ids );
	}

	private function rows( string $sql, int ...$values ): array {
		global $wpdb;
		return $wpdb->get_results( $values ? $wpdb->prepare( $sql, $values ) : $sql, ARRAY_A );
	}

	public function test_deleting_jobs_clears_what_data_machine_keeps_about_them(): void {
		$tables               = ( new CurrentGeneration() )->tables();
		[ $parked, $token ]   = $this->park_at_webhook_gate( '7' );
		$failed               = $this->job( '7', 'failed', array( 'job_status_reason' => 'step_execution_failure' ) );
		$kept                 = $this->job( '8', 'completed' );
		$child                = $this->job( '7', 'completed', array(), $failed );
		[ $other_parked, $other_token ] = $this->park_at_webhook_gate( '8' );
		set_transient( 'datamachine_flow_health_7', array( 'consecutive_failures' => 1, 'consecutive_no_items' => 0, 'latest_job' => null ), DAY_IN_SECONDS );
		set_transient( 'datamachine_flow_health_8', array( 'consecutive_failures' => 0, 'consecutive_no_items' => 0, 'latest_job' => null ), DAY_IN_SECONDS );
		foreach ( array( $parked, $failed, $kept ) as $job_id ) {
			wp_cache_set( $job_id, array( 'cached' => $job_id ), 'datamachine_engine_data' );
			$this->run_metadata( $job_id );
		}
		$this->claim( $parked, 'https://example.com/fresh' );
		$this->claim( $parked, 'https://example.com/deferred-before', 2 );
		$this->processed( $failed, 'https://example.com/seen' );
		$this->claim( $kept, 'https://example.com/kept-claim' );
		$job_dir      = $this->uploads . "/datamachine-files/pipeline-3/flow-7/jobs/job-{$failed}";
		$artifact_dir = $this->uploads . "/datamachine-artifacts/jobs/{$failed}";
		$kept_dir     = $this->uploads . "/datamachine-files/pipeline-3/flow-8/jobs/job-{$kept}";
		foreach ( array( $job_dir, $artifact_dir, $kept_dir ) as $dir ) {
			wp_mkdir_p( $dir );
			file_put_contents( $dir . '/packet.json', '{}' );
		}

		$this->delete_through_dm_jobs( array( $parked, $failed ) );

		$this->assertFalse( get_transient( 'datamachine_webhook_gate_' . $token ), 'the gate no longer resolves to a deleted job' );
		$this->assertSame( $other_parked, (int) get_transient( 'datamachine_webhook_gate_' . $other_token ) );
		$this->assertFalse( get_transient( 'datamachine_flow_health_7' ) );
		$this->assertNotFalse( get_transient( 'datamachine_flow_health_8' ) );
		$this->assertFalse( wp_cache_get( $parked, 'datamachine_engine_data' ) );
		$this->assertFalse( wp_cache_get( $failed, 'datamachine_engine_data' ) );
		$this->assertSame( array( 'cached' => $kept ), wp_cache_get( $kept, 'datamachine_engine_data' ) );
		$this->assertSame( array( array( 'job_id' => (string) $kept ) ), $this->rows( "SELECT job_id FROM {$tables->run_metadata} ORDER BY job_id" ) );
		$this->assertSame(
			array(
				array( 'item_identifier' => 'https://example.com/deferred-before', 'status' => 'deferred', 'claim_token' => null ),
				array( 'item_identifier' => 'https://example.com/kept-claim', 'status' => 'claimed', 'claim_token' => $this->rows( "SELECT claim_token FROM {$tables->processed_items} WHERE job_id = %d", $kept )[0]['claim_token'] ),
				array( 'item_identifier' => 'https://example.com/seen', 'status' => 'processed', 'claim_token' => null ),
			),
			$this->rows( "SELECT item_identifier, status, claim_token FROM {$tables->processed_items} ORDER BY item_identifier" ),
			'claims of deleted jobs are released as Data Machine releases them; processed items stay processed'
		);
		$this->assertSame( array( array( 'parent_job_id' => (string) $failed ) ), $this->rows( "SELECT parent_job_id FROM {$tables->jobs} WHERE job_id = %d", $child ), 'a child job is left as Data Machine leaves it' );
		$this->assertDirectoryDoesNotExist( $job_dir );
		$this->assertDirectoryDoesNotExist( $artifact_dir );
		$this->assertFileExists( $kept_dir . '/packet.json' );
	}

	public function test_folders_of_gone_jobs_are_found_in_its_layout(): void {
		$kept = $this->job( 'direct', 'completed' );
		$gone = $kept + 5;
		foreach ( array( "/datamachine-files/pipeline-direct/flow-direct/jobs/job-{$kept}", "/datamachine-files/pipeline-3/flow-7/jobs/job-{$gone}", "/datamachine-artifacts/jobs/{$gone}", '/datamachine-files/pipeline-3/flow-7/flow-7-files', '/datamachine-files/pipeline-3/context' ) as $dir ) {
			wp_mkdir_p( $this->uploads . $dir );
		}

		$files = new JobFiles();
		$this->assertSame( array( $kept, $gone ), $files->job_ids_with_folders( 0, $gone, 100 ) );
		$this->assertSame( array( $this->uploads . "/datamachine-files/pipeline-3/flow-7/jobs/job-{$gone}", $this->uploads . "/datamachine-artifacts/jobs/{$gone}" ), $files->folders_of( $gone ) );
		$this->assertSame( 2, $files->delete_for( array( $gone ) )['folders'] );
		$this->assertDirectoryExists( $this->uploads . "/datamachine-files/pipeline-direct/flow-direct/jobs/job-{$kept}" );
		$this->assertDirectoryExists( $this->uploads . '/datamachine-files/pipeline-3/flow-7/flow-7-files' );
	}

	public function test_a_status_change_clears_its_flow_health_and_engine_data_cache(): void {
		$job_id = $this->job( '7', 'processing' );
		set_transient( 'datamachine_flow_health_7', array( 'consecutive_failures' => 0 ), DAY_IN_SECONDS );
		wp_cache_set( $job_id, array( 'job_status' => 'processing' ), 'datamachine_engine_data' );

		do_action( 'dm_jobs_job_status_changed', $job_id, 'failed', 'processing', array( 'id' => $job_id, 'pipeline_id' => '3', 'flow_id' => '7' ) );

		$this->assertFalse( get_transient( 'datamachine_flow_health_7' ) );
		$this->assertFalse( wp_cache_get( $job_id, 'datamachine_engine_data' ) );
	}

	public function test_moving_a_job_to_a_final_status_releases_its_claims(): void {
		$tables  = ( new CurrentGeneration() )->tables();
		$stuck   = $this->job( '7', 'processing' );
		$running = $this->job( '7', 'processing' );
		$this->claim( $stuck, 'https://example.com/stuck' );
		$this->claim( $running, 'https://example.com/running' );

		do_action( 'dm_jobs_job_status_changed', $stuck, 'failed', 'processing', array( 'id' => $stuck, 'pipeline_id' => '3', 'flow_id' => '7' ) );
		do_action( 'dm_jobs_job_status_changed', $running, 'pending', 'processing', array( 'id' => $running, 'pipeline_id' => '3', 'flow_id' => '7' ) );

		$this->assertSame(
			array( array( 'item_identifier' => 'https://example.com/running' ) ),
			$this->rows( "SELECT item_identifier FROM {$tables->processed_items} ORDER BY id" ),
			'the failed job\'s claim is released; a job still open keeps its claim'
		);
	}
}
