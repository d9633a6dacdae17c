<?php
/**
 * A deletion batch is set-based: the statements it runs (the DELETE and everything hooked to it —
 * metrics rollups, Data Machine housekeeping, log lines, files, the data version) are the same
 * number for 50 rows as for 500, and few. Old jobs the rollups counted long ago, as on a site whose
 * WP-Cron keeps them current.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Operations;

use DMJobs\Metrics\RollupService;
use DMJobs\Operations\OperationService;
use DMJobs\Tests\AdminTools\AdminToolsTestCase;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/../AdminTools/AdminToolsTestCase.php';

final class DeletionBatchCostTest extends AdminToolsTestCase {

	/**
	 * Statements from the first deletion hook to the end of the last one, per batch.
	 *
	 * @var int[]
	 */
	private array $per_batch = array();

	private int $queries_at_start = 0;

	public function batch_starts(): void {
		global $wpdb;
		$this->queries_at_start = $wpdb->num_queries;
	}

	public function batch_ends(): void {
		global $wpdb;
		$this->per_batch[] = $wpdb->num_queries - $this->queries_at_start;
	}

	/**
	 * @return int[]
	 */
	private function old_jobs( int $count ): array {
		$statuses = array( 'completed', 'completed_no_items', 'agent_skipped', 'failed - timeout', 'complete' );
		$ids      = array();
		for ( $i = 0; $i < $count; $i++ ) {
			$ids[] = $this->job( $statuses[ $i % count( $statuses ) ], gmdate( 'Y-m-d H:i:s', (int) strtotime( self::OLD . ' UTC' ) + $i ) );
		}
		return $ids;
	}

	/**
	 * @param int[] $ids
	 */
	private function delete_in_batches_of( array $ids, int $size ): void {
		$preview   = $this->preview( 'delete_jobs', array( 'ids' => $ids ) );
		$operation = ( new OperationService() )->run_until_done( (int) $this->start( 'delete_jobs', array( 'ids' => $ids ), $preview )['id'], PHP_INT_MAX, $size );
		$this->assertSame( 'completed', $operation['state'], (string) wp_json_encode( $operation ) );
		$this->assertSame( count( $ids ), $operation['affected'] );
	}

	public function test_a_batch_of_500_rows_runs_as_many_statements_as_a_batch_of_50(): void {
		$small = $this->old_jobs( 100 );
		$large = $this->old_jobs( 500 );
		( new RollupService() )->catch_up( 60 );
		add_action( 'dm_jobs_before_delete_jobs', array( $this, 'batch_starts' ), PHP_INT_MIN );
		add_action( 'dm_jobs_jobs_deleted', array( $this, 'batch_ends' ), PHP_INT_MAX );
		try {
			$this->delete_in_batches_of( $small, 50 );
			$this->delete_in_batches_of( $large, 500 );
		} finally {
			remove_action( 'dm_jobs_before_delete_jobs', array( $this, 'batch_starts' ), PHP_INT_MIN );
			remove_action( 'dm_jobs_jobs_deleted', array( $this, 'batch_ends' ), PHP_INT_MAX );
		}

		$this->assertCount( 3, $this->per_batch, 'two batches of 50, one of 500' );
		// The first batch may also read what the request then keeps (options, caches).
		$this->assertSame( $this->per_batch[1], $this->per_batch[2], 'no statement per row: ' . implode( ', ', $this->per_batch ) );
		$this->assertLessThanOrEqual( 12, $this->per_batch[2], 'a handful of statements per batch' );
		$this->assertSame( array(), $this->surviving( array_merge( $small, $large ) ) );
	}
}
