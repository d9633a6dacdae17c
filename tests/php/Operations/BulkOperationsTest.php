<?php
/**
 * Bulk actions from the table: selected IDs or "all N matching the filter" (the same parameters as
 * GET /jobs), delete and change status. Pending/processing jobs only when explicitly included.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Operations;

use DMJobs\Tests\AdminTools\AdminToolsTestCase;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/../AdminTools/AdminToolsTestCase.php';

final class BulkOperationsTest extends AdminToolsTestCase {

	/**
	 * @var array<int, array<int, mixed>>
	 */
	private array $changes = array();

	public function record_change( mixed ...$args ): void {
		$this->changes[] = $args;
	}

	public function test_delete_selected_ids_leaves_active_jobs_unless_included(): void {
		$done       = $this->job( 'completed' );
		$failed     = $this->job( 'failed - boom' );
		$processing = $this->job( 'processing', $this->days_ago( 0 ) );
		$running    = $this->job( 'running', $this->days_ago( 0 ) );
		$other      = $this->job( 'failed' );

		$params  = array( 'ids' => array( $done, $failed, $processing, $running ) );
		$preview = $this->preview( 'delete_jobs', $params );
		$this->assertSame( 2, $preview['count'] );
		$this->assertSame( 2, ( (array) $preview['details'] )['active_left_out'] );
		$this->perform( 'delete_jobs', $params );
		$this->assertSame( array( $processing, $running, $other ), $this->surviving( array( $done, $failed, $processing, $running, $other ) ) );

		[ $explicit ] = $this->perform( 'delete_jobs', $params + array( 'include_active' => true ) );
		$this->assertSame( 2, $explicit['count'] );
		$this->assertSame( array( $other ), $this->surviving( array( $processing, $running, $other ) ) );
	}

	public function test_select_all_matching_uses_exactly_the_list_filter(): void {
		$other_pipeline = \DMJobs\Tests\Fixtures::pipeline( 'Unrelated' );
		$other_flow     = \DMJobs\Tests\Fixtures::flow( $other_pipeline, 'Unrelated flow' );
		$matching       = array();
		for ( $i = 0; $i < 25; $i++ ) {
			$matching[] = $this->job( 0 === $i % 2 ? 'failed - timeout' : 'failed: http_500', '2026-02-0' . ( 1 + $i % 9 ) . ' 08:00:00' );
		}
		$kept = array(
			$this->job( 'completed', '2026-02-03 08:00:00' ),
			$this->job( 'failed', '2026-02-03 08:00:00', $this->other_flow_id ),
			$this->job( 'failed', '2026-03-15 08:00:00' ),
			\DMJobs\Tests\Fixtures::job( $other_pipeline, $other_flow, 'failed', '2026-02-03 08:00:00', '2026-02-03 08:01:00' ),
			$this->job( 'processing', '2026-02-03 08:00:00' ),
		);
		$filter = array(
			'status'  => array( 'failed', 'processing' ),
			'flow_id' => $this->flow_id,
			'after'   => '2026-02-01T00:00:00Z',
			'before'  => '2026-02-28T23:59:59Z',
		);

		$list = $this->admin_request( 'GET', '/jobs', $filter + array( 'per_page' => 100 ) );
		$this->assertSame( '26', (string) $list->get_headers()['X-WP-Total'] );

		$preview = $this->preview( 'delete_jobs', $filter );
		$this->assertSame( 25, $preview['count'], 'the processing job of the filter is left out by default' );
		$this->assertSame( 1, ( (array) $preview['details'] )['active_left_out'] );
		$this->perform( 'delete_jobs', $filter );

		$this->assertSame( array(), $this->surviving( $matching ) );
		$this->assertSame( $kept, $this->surviving( $kept ) );
		$entry = $this->audit_entries( array( 'action' => 'jobs.bulk_delete' ) )[0];
		$this->assertSame( 25, $entry['affected'] );
		$this->assertSame( 'dm_jobs_test_administrator', $entry['actor']['login'] );
		$this->assertSame( array( 'failed', 'processing' ), $entry['params']['params']['selection']['filter']['status'] );
	}

	public function test_search_filter_selects_the_same_rows_as_the_list(): void {
		$named = \DMJobs\Tests\Fixtures::pipeline( 'Needle pipeline' );
		$flow  = \DMJobs\Tests\Fixtures::flow( $named, 'Haystack flow' );
		$hits  = array(
			\DMJobs\Tests\Fixtures::job( $named, $flow, 'completed', self::OLD, self::OLD ),
			$this->job( 'failed - needle' ),
		);
		$miss  = $this->job( 'failed - other' );

		$list = $this->ids( $this->admin_request( 'GET', '/jobs', array( 'search' => 'needle' ) ) );
		sort( $list );
		$this->assertSame( $hits, $list );
		$this->perform( 'delete_jobs', array( 'search' => 'needle' ) );
		$this->assertSame( array( $miss ), $this->surviving( array_merge( $hits, array( $miss ) ) ) );
	}

	public function test_mark_stuck_processing_jobs_failed_with_a_reason(): void {
		$stuck      = array( $this->job( 'processing', $this->days_ago( 3 ) ), $this->job( 'running', $this->days_ago( 3 ) ), $this->job( 'processing - step 2', $this->days_ago( 2 ) ) );
		$fresh      = $this->job( 'processing', gmdate( 'Y-m-d H:i:s', time() - 60 ) );
		$pending    = $this->job( 'pending', $this->days_ago( 3 ) );
		$finished   = $this->job( 'completed', $this->days_ago( 3 ) );
		$finishes   = $stuck[1];
		$this->changes = array();
		add_action( 'dm_jobs_job_status_changed', array( $this, 'record_change' ), 10, 4 );
		$meanwhile = static function () use ( $finishes ): void {
			// The engine finishes one of them after the admin confirmed, before its batch runs.
			global $wpdb;
			$wpdb->update( \DMJobs\Schema\Repository\TableNames::jobs(), array( 'status' => 'completed', 'completed_at' => gmdate( 'Y-m-d H:i:s' ) ), array( 'job_id' => $finishes ) );
		};

		$params = array(
			'status'         => array( 'processing' ),
			'before'         => gmdate( 'Y-m-d\TH:i:s\Z', time() - HOUR_IN_SECONDS ),
			'include_active' => true,
			'target_status'  => 'failed',
			'reason'         => 'stuck: marked failed by admin',
		);
		try {
			$preview = $this->preview( 'update_status', $params );
			$this->assertSame( 3, $preview['count'] );
			$started = $this->start( 'update_status', $params, $preview );
			$meanwhile();
			$operation = $this->run_to_end( $started['id'] );
		} finally {
			remove_action( 'dm_jobs_job_status_changed', array( $this, 'record_change' ), 10 );
		}

		$this->assertSame( 'completed', $operation['state'] );
		$this->assertSame( 2, $operation['affected'], 'the job that finished meanwhile was not overwritten' );
		foreach ( array( $stuck[0], $stuck[2] ) as $job_id ) {
			$job = $this->admin_request( 'GET', "/jobs/{$job_id}" )->get_data();
			$this->assertSame( 'failed', $job['status'] );
			$this->assertSame( 'stuck: marked failed by admin', $job['status_reason'] );
			$this->assertNotNull( $job['completed_at'] );
		}
		$this->assertSame( 'completed', $this->admin_request( 'GET', "/jobs/{$finishes}" )->get_data()['status'] );
		$this->assertSame( 'processing', $this->admin_request( 'GET', "/jobs/{$fresh}" )->get_data()['status'] );
		$this->assertSame( 'pending', $this->admin_request( 'GET', "/jobs/{$pending}" )->get_data()['status'] );
		$this->assertSame( 'completed', $this->admin_request( 'GET', "/jobs/{$finished}" )->get_data()['status'] );

		$this->assertSame( array( $stuck[0], $stuck[2] ), array_column( $this->changes, 0 ) );
		$this->assertSame( array( 'failed', 'processing' ), array( $this->changes[0][1], $this->changes[0][2] ) );
		$this->assertSame( array(), $this->audit_entries( array( 'action' => 'job.status_changed' ) ), 'one bulk entry, not one per job' );
		$entry = $this->audit_entries( array( 'action' => 'jobs.bulk_status' ) )[0];
		$this->assertSame( 2, $entry['affected'] );
		$this->assertSame( 'failed', $entry['params']['params']['status'] );
	}

	public function test_status_change_without_include_active_leaves_processing_jobs(): void {
		$processing = $this->job( 'processing', $this->days_ago( 3 ) );
		$failed     = $this->job( 'failed', $this->days_ago( 3 ) );
		$this->perform( 'update_status', array( 'ids' => array( $processing, $failed ), 'target_status' => 'cancelled' ) );
		$this->assertSame( 'processing', $this->admin_request( 'GET', "/jobs/{$processing}" )->get_data()['status'] );
		$this->assertSame( 'cancelled', $this->admin_request( 'GET', "/jobs/{$failed}" )->get_data()['status'] );
	}

	public function test_ids_and_filters_together_are_refused(): void {
		$job      = $this->job( 'failed' );
		$response = $this->assertUnchangedAfter(
			fn () => $this->admin_request( 'POST', '/operations', array( 'type' => 'delete_jobs', 'ids' => array( $job ), 'status' => array( 'failed' ), 'confirm_count' => 1 ) )
		);
		$this->assertInvalidParam( $response, 'ids' );
		$this->assertTrue( $this->job_exists( $job ) );
	}
}
