<?php
/**
 * System metrics: table sizes, jobs by status (compound folded), oldest/newest, growth, stuck jobs,
 * freshness; and the optimisation dry run.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Maintenance;

use DMJobs\Tests\AdminTools\AdminToolsTestCase;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/../AdminTools/AdminToolsTestCase.php';

final class MaintenanceTest extends AdminToolsTestCase {

	public function test_metrics(): void {
		$this->job( 'completed', '2019-05-01 00:00:00' );
		$this->job( 'failed - step_execut', $this->days_ago( 1 ) );
		$this->job( 'failed: timeout', $this->days_ago( 1 ) );
		$stuck = $this->job( 'processing', gmdate( 'Y-m-d H:i:s', time() - 3 * HOUR_IN_SECONDS ) );
		$this->job( 'running', gmdate( 'Y-m-d H:i:s', time() - 2 * HOUR_IN_SECONDS ) );
		$this->job( 'processing', gmdate( 'Y-m-d H:i:s', time() - 60 ) );

		$response = $this->admin_request( 'GET', '/maintenance/metrics', array( 'refresh' => true ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$metrics = $response->get_data();

		$this->assertFalse( $metrics['cached'] );
		$this->assertMatchesRegularExpression( '/Z$/', $metrics['generated_at'] );
		$tables = array_column( $metrics['tables'], null, 'table' );
		$this->assertArrayHasKey( 'dm_jobs', $tables );
		$this->assertArrayHasKey( 'dm_jobs_audit', $tables );
		if ( 'sqlite' === $metrics['database']['engine'] ) {
			$this->assertGreaterThan( 0, $metrics['database']['file']['page_count'] );
			$this->assertSame( 6, $tables['dm_jobs']['rows'] );
		} else {
			$this->assertIsInt( $tables['dm_jobs']['data_bytes'] );
			$this->assertIsInt( $tables['dm_jobs']['free_bytes'] );
		}

		$by_status = (array) $metrics['jobs']['by_status'];
		$this->assertSame( 2, $by_status['failed'] );
		$this->assertSame( 3, $by_status['processing'] );
		$this->assertSame( 6, $metrics['jobs']['total'] );
		$this->assertSame( '2019-05-01T00:00:00Z', $metrics['jobs']['oldest'] );
		$this->assertSame( 2, $metrics['jobs']['compound_values'] );
		$this->assertCount( 30, $metrics['growth']['per_day'] );
		$this->assertSame( 5, array_sum( array_column( $metrics['growth']['per_day'], 'jobs' ) ) );
		$this->assertSame( 2, $metrics['stuck']['count'] );
		$this->assertSame( $stuck, $metrics['stuck']['sample'][0]['id'] );

		$this->job( 'failed' );
		$cached = $this->admin_request( 'GET', '/maintenance/metrics' )->get_data();
		$this->assertTrue( $cached['cached'], 'counted a moment ago: served from cache, and says so' );
		$this->assertSame( $metrics['generated_at'], $cached['generated_at'] );
		$this->assertSame( 7, $this->admin_request( 'GET', '/maintenance/metrics', array( 'refresh' => true ) )->get_data()['jobs']['total'] );
	}

	public function test_optimize_dry_run_explains_the_database(): void {
		$preview = $this->preview( 'optimize_tables' );
		$details = (array) $preview['details'];
		if ( $GLOBALS['wpdb'] instanceof \WP_SQLite_DB ) {
			$this->assertSame( 'sqlite', $details['engine'] );
			$this->assertSame( 1, $preview['count'] );
			$this->assertArrayHasKey( 'freelist_count', $details['file'] );
		} else {
			$this->assertSame( 'mysql', $details['engine'] );
			$this->assertGreaterThanOrEqual( 5, $preview['count'] );
			$this->assertContains( 'dm_jobs', array_column( $preview['sample'], 'table' ) );
		}
		$this->assertIsInt( $details['reclaimable_bytes'] );
	}
}
