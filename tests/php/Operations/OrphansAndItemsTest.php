<?php
/**
 * Orphans (jobs whose pipeline or flow is gone, log lines without a job, folders of jobs that are
 * gone) and processed items (by pipeline, flow, age, or whose job is gone).
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Operations;

use DMJobs\DataMachine\Repository\ProcessedItemRepository;
use DMJobs\Tests\AdminTools\AdminToolsTestCase;
use DMJobs\Tests\Fixtures;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/../AdminTools/AdminToolsTestCase.php';

final class OrphansAndItemsTest extends AdminToolsTestCase {

	public function test_orphan_jobs_are_finished_jobs_whose_pipeline_or_flow_is_gone(): void {
		global $wpdb;
		$gone_pipeline = Fixtures::pipeline( 'Deleted pipeline' );
		$gone_flow     = Fixtures::flow( $gone_pipeline, 'Deleted flow' );
		$orphans       = array(
			Fixtures::job( $gone_pipeline, $gone_flow, 'failed - x', self::OLD, self::OLD ),
			Fixtures::job( $gone_pipeline, $gone_flow, 'completed', self::OLD, self::OLD ),
		);
		$active_orphan = Fixtures::job( $gone_pipeline, $gone_flow, 'processing', self::OLD );
		$flow_gone     = Fixtures::flow( $this->pipeline_id, 'Flow deleted later' );
		$orphans[]     = $this->job( 'completed_no_items', self::OLD, $flow_gone );
		$kept          = array( $this->job( 'completed' ), Fixtures::job( 0, 0, 'completed', self::OLD, self::OLD ) );
		$this->add_folder( $orphans[0] );
		$wpdb->delete( \DMJobs\Schema\Repository\TableNames::pipelines(), array( 'pipeline_id' => $gone_pipeline ) );
		$wpdb->delete( \DMJobs\Schema\Repository\TableNames::flows(), array( 'flow_id' => $gone_flow ) );
		$wpdb->delete( \DMJobs\Schema\Repository\TableNames::flows(), array( 'flow_id' => $flow_gone ) );

		[ $preview ] = $this->perform( 'cleanup_orphan_jobs' );
		$this->assertSame( 3, $preview['count'] );
		$this->assertSame( 1, ( (array) $preview['details'] )['active_left_out'] );
		$this->assertSame( array(), $this->surviving( $orphans ) );
		$this->assertSame( array_merge( array( $active_orphan ), $kept ), $this->surviving( array_merge( array( $active_orphan ), $kept ) ) );
		$this->assertDirectoryDoesNotExist( $this->files_root . '/' . $orphans[0] );
	}

	public function test_log_lines_without_a_job(): void {
		if ( ! $this->logs_table_exists() ) {
			$this->markTestSkipped( 'dm_job_logs does not exist.' );
		}
		$job  = $this->job( 'completed' );
		$kept = array( $this->add_log( $job ), $this->add_log( $job ) );
		$this->add_log( 999999901 );
		$this->add_log( 999999901 );
		$this->add_log( 999999902 );

		[ $preview ] = $this->perform( 'cleanup_orphan_logs' );
		$this->assertSame( 3, $preview['count'] );
		$this->assertSame( 999999901, $preview['sample'][0]['job_id'] );
		$this->assertSame( 2, $this->log_count( $job ) );
		$this->assertSame( 0, $this->log_count( 999999901 ) + $this->log_count( 999999902 ) );
		$this->assertNotEmpty( $kept );
	}

	public function test_folders_of_jobs_that_are_gone_and_nothing_else(): void {
		$job = $this->job( 'completed' );
		$this->add_folder( $job );
		$gone = array( $job + 1000, $job + 2000 );
		// Folders are only considered up to the highest job ID when the run starts.
		$newer_job_id = $job + 5000;
		global $wpdb;
		$wpdb->insert( \DMJobs\Schema\Repository\TableNames::jobs(), array( 'job_id' => $newer_job_id, 'pipeline_id' => $this->pipeline_id, 'flow_id' => $this->flow_id, 'status' => 'pending', 'created_at' => self::OLD ) );
		$wpdb->delete( \DMJobs\Schema\Repository\TableNames::jobs(), array( 'job_id' => $newer_job_id ) );
		foreach ( $gone as $id ) {
			$this->add_folder( $id );
		}
		$this->add_folder( 'uploads-index' );
		file_put_contents( $this->files_root . '/' . ( $job + 3000 ), 'a file named like a job' );
		symlink( $this->files_root . '/' . $job, $this->files_root . '/' . ( $job + 4000 ) );
		$beyond = $newer_job_id + 10;
		$this->add_folder( $beyond );

		[ $preview, $operation ] = $this->perform( 'cleanup_orphan_files' );
		$this->assertSame( 2, $preview['count'] );
		$this->assertSame( $gone, array_column( $preview['sample'], 'job_id' ) );
		$this->assertSame( 101, $preview['sample'][0]['bytes'] );
		$this->assertSame( 202, ( (array) $operation['result'] )['bytes_removed'] );
		foreach ( $gone as $id ) {
			$this->assertDirectoryDoesNotExist( $this->files_root . '/' . $id );
		}
		$this->assertFileExists( $this->files_root . '/' . $job . '/nested/image.txt' );
		$this->assertDirectoryExists( $this->files_root . '/uploads-index' );
		$this->assertFileExists( $this->files_root . '/' . ( $job + 3000 ) );
		$this->assertTrue( is_link( $this->files_root . '/' . ( $job + 4000 ) ), 'a symlink is never followed or removed as a folder' );
		$this->assertDirectoryExists( $this->files_root . '/' . $beyond, 'above the snapshot: not looked at' );
	}

	public function test_single_delete_fires_batch_hooks_and_removes_the_folder(): void {
		$fired = array();
		$spy   = static function ( array $ids ) use ( &$fired ): void {
			$fired[] = array( current_action(), $ids );
		};
		add_action( 'dm_jobs_before_delete_jobs', $spy );
		add_action( 'dm_jobs_jobs_deleted', $spy );
		$job   = $this->job( 'failed' );
		$other = $this->job( 'failed' );
		$this->add_folder( $job );
		$this->add_folder( $other );
		try {
			$this->assertSame( 200, $this->admin_request( 'DELETE', "/jobs/{$job}" )->get_status() );
		} finally {
			remove_action( 'dm_jobs_before_delete_jobs', $spy );
			remove_action( 'dm_jobs_jobs_deleted', $spy );
		}
		$this->assertSame( array( array( 'dm_jobs_before_delete_jobs', array( $job ) ), array( 'dm_jobs_jobs_deleted', array( $job ) ) ), $fired );
		$this->assertDirectoryDoesNotExist( $this->files_root . '/' . $job );
		$this->assertDirectoryExists( $this->files_root . '/' . $other );
		$entry = $this->audit_entries( array( 'action' => 'job.deleted' ) )[0];
		$this->assertSame( $job, $entry['job_id'] );
	}

	public function test_processed_items_by_flow_pipeline_age_and_orphaned(): void {
		$other_pipeline = Fixtures::pipeline( 'Keep me' );
		$other_flow     = Fixtures::flow( $other_pipeline, 'Keep flow' );
		$job            = $this->job( 'completed' );
		$items          = array();
		$add            = function ( int $flow_id, int $job_id, string $at, string $id ) use ( &$items ): void {
			( new ProcessedItemRepository() )->insert_many(
				array(
					array(
						'flow_step_id'        => 'a1b2c3d4-step_' . $flow_id,
						'source_type'         => 'rss',
						'item_identifier'     => $id,
						'job_id'              => $job_id,
						'processed_timestamp' => $at,
					),
				)
			);
			$items[ $id ] = $flow_id;
		};
		$add( $this->flow_id, $job, self::OLD, 'main-old' );
		$add( $this->flow_id, $job, $this->days_ago( 1 ), 'main-new' );
		$add( $this->other_flow_id, $job, self::OLD, 'other-old' );
		$add( $this->other_flow_id, 999999903, $this->days_ago( 1 ), 'other-orphan' );
		$add( $other_flow, $job, self::OLD, 'keep-old' );
		$add( (int) ( $this->flow_id . '1' ), $job, self::OLD, 'suffix-lookalike' );

		$this->assertSame( 2, $this->preview( 'cleanup_processed_items', array( 'flow_id' => $this->flow_id ) )['count'] );
		$this->assertSame( 4, $this->preview( 'cleanup_processed_items', array( 'pipeline_id' => $this->pipeline_id ) )['count'] );
		$this->assertSame( 4, $this->preview( 'cleanup_processed_items', array( 'older_than_days' => 30 ) )['count'] );
		$this->assertSame( 1, $this->preview( 'cleanup_processed_items', array( 'orphaned' => true ) )['count'] );
		$this->assertSame( 1, $this->preview( 'cleanup_processed_items', array( 'flow_id' => $this->other_flow_id, 'older_than_days' => 30 ) )['count'] );

		[ $preview ] = $this->perform( 'cleanup_processed_items', array( 'pipeline_id' => $this->pipeline_id, 'older_than_days' => 30 ) );
		$this->assertSame( 2, $preview['count'] );
		$this->assertSame( array( 'main-new', 'other-orphan', 'keep-old', 'suffix-lookalike' ), $this->item_ids() );

		$missing = $this->assertUnchangedAfter( fn () => $this->admin_request( 'POST', '/operations', array( 'type' => 'cleanup_processed_items', 'confirm_count' => 4 ) ) );
		$this->assertInvalidParam( $missing, 'criteria' );
	}

	/**
	 * @return string[]
	 */
	private function item_ids(): array {
		global $wpdb;
		return $wpdb->get_col( "SELECT item_identifier FROM " . \DMJobs\Schema\Repository\TableNames::processed_items() . " ORDER BY id" );
	}
}
