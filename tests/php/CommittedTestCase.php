<?php
/**
 * For tests that need committed data (other processes must see it, or the statement commits
 * implicitly, like OPTIMIZE TABLE): the per-test transaction is ended at once, and the test removes
 * what it wrote itself (everything of its own pipeline).
 *
 * Also for what MariaDB reads wrongly inside the transaction that wrote it: InnoDB (10.11) can miss a
 * row written earlier in the same open transaction when the query is served by an index on a virtual
 * column computed from LONGTEXT (status_reason over engine_data, today's generation). Other sessions,
 * which is every real reader, see it once committed.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests;

PHP_SAPI === 'cli' || exit;

abstract class CommittedTestCase extends TestCase {

	protected int $pipeline_id = 0;
	protected int $flow_id     = 0;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$wpdb->query( 'COMMIT' );
		$this->pipeline_id = Fixtures::pipeline( $this->pipeline_name() );
		$this->flow_id     = Fixtures::flow( $this->pipeline_id, 'Committed flow' );
	}

	/**
	 * The name of the pipeline this test's committed jobs belong to.
	 */
	protected function pipeline_name(): string {
		return static::class . ' ' . wp_generate_password( 6, false );
	}

	protected function tearDown(): void {
		global $wpdb;
		if ( 0 === $this->pipeline_id ) { // Skipped before setUp() ran.
			parent::tearDown();
			return;
		}
		// End whatever transaction the test's own code left open, so these deletes are not rolled back.
		$wpdb->query( 'COMMIT' );
		// Log lines of the test's jobs go with them (else later tests find them as lines without a job).
		$logs = \DMJobs\Schema\Repository\TableNames::job_logs();
		if ( ( new \DMJobs\Logs\Repository\JobLogCleanupRepository() )->table_exists() ) {
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$logs} WHERE job_id IN (SELECT job_id FROM " . \DMJobs\Schema\Repository\TableNames::jobs() . ' WHERE pipeline_id = %d)', $this->pipeline_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		$wpdb->query( $wpdb->prepare( "DELETE FROM " . \DMJobs\Schema\Repository\TableNames::jobs() . " WHERE pipeline_id = %d", $this->pipeline_id ) );
		$wpdb->query( $wpdb->prepare( "DELETE FROM " . \DMJobs\Schema\Repository\TableNames::flows() . " WHERE pipeline_id = %d", $this->pipeline_id ) );
		$wpdb->query( $wpdb->prepare( "DELETE FROM " . \DMJobs\Schema\Repository\TableNames::pipelines() . " WHERE pipeline_id = %d", $this->pipeline_id ) );
		$wpdb->query( "DELETE FROM {$wpdb->prefix}dm_jobs_operations" );
		$wpdb->query( "DELETE FROM {$wpdb->prefix}dm_jobs_audit" );
		// The rows went without plugin code: rebuild the derived state (counts, anchors, zones) from
		// what is left, as WP-Cron would, so no later test reads a snapshot that still counts them.
		( new \DMJobs\Jobs\JobCounts() )->refresh();
		( new \DMJobs\Jobs\PageAnchors() )->refresh();
		( new \DMJobs\Jobs\CreatedAtZones() )->refresh();
		parent::tearDown();
	}

	/**
	 * Inserts $count jobs of this test's pipeline in multi-row statements.
	 *
	 * @param string[] $statuses Cycled through.
	 */
	protected function seed( int $count, array $statuses, string $created_at ): void {
		$repository = new \DMJobs\Jobs\Repository\JobRepository();
		$batch      = array();
		for ( $i = 0; $i < $count; $i++ ) {
			$status  = $statuses[ $i % count( $statuses ) ];
			$batch[] = array(
				'pipeline_id'  => $this->pipeline_id,
				'flow_id'      => $this->flow_id,
				'status'       => $status,
				'engine_data'  => '{"n":' . $i . '}',
				'created_at'   => $created_at,
				'completed_at' => in_array( $status, array( 'pending', 'processing', 'running' ), true ) ? null : $created_at,
			);
			if ( count( $batch ) === 2000 ) {
				$repository->insert_many( $batch, 1000 );
				$batch = array();
			}
		}
		if ( $batch ) {
			$repository->insert_many( $batch, 1000 );
		}
	}

	protected function count_jobs( string $where = '1=1' ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM " . \DMJobs\Schema\Repository\TableNames::jobs() . " WHERE pipeline_id = %d AND {$where}", $this->pipeline_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}
}
