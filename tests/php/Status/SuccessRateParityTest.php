<?php
/**
 * One success rate: Insights (GET /metrics), the pipeline report (GET /reports/pipelines) and the list's
 * counts (GET /jobs/counts, families from StatusFamily) give the same rate for the same range, and it is
 * the rate StatusFamily defines over the stored rows.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Status;

use DMJobs\Status\StatusFamily;
use DMJobs\Status\StatusParser;
use DMJobs\Tests\Metrics\MetricsTestCase;

PHP_SAPI === 'cli' || exit;

final class SuccessRateParityTest extends MetricsTestCase {

	public function test_every_route_gives_the_same_success_rate_for_the_same_range(): void {
		$this->make_pipelines( 2, 2 );
		$day  = (int) ( floor( time() / DAY_IN_SECONDS ) * DAY_IN_SECONDS );
		$from = $day - 20 * DAY_IN_SECONDS;
		$to   = $day - 2 * DAY_IN_SECONDS;
		$this->seed_jobs( 300, $from + 3600, $to - 3600 );
		$this->catch_up();
		$range = array(
			'after'  => gmdate( 'Y-m-d\TH:i:s\Z', $from ),
			'before' => gmdate( 'Y-m-d\TH:i:s\Z', $to ),
		);

		global $wpdb;
		$succeeded = 0;
		$failed    = 0;
		foreach ( $wpdb->get_col( "SELECT status FROM {$wpdb->prefix}dm_jobs" ) as $stored ) {
			$family     = StatusFamily::of( StatusParser::parse( (string) $stored )->base );
			$succeeded += StatusFamily::Succeeded === $family ? 1 : 0;
			$failed    += StatusFamily::Failed === $family ? 1 : 0;
		}
		$expected = StatusFamily::success_rate( $succeeded, $failed );
		$this->assertNotNull( $expected );
		$this->assertGreaterThan( 0, $succeeded );
		$this->assertGreaterThan( 0, $failed );

		$insights = $this->admin_request( 'GET', '/metrics', $range + array( 'range' => 'custom' ) );
		$this->assertSame( 200, $insights->get_status() );
		$this->assertSame( $expected, $insights->get_data()['totals']['success_rate'], 'Insights' );

		$report = $this->admin_request( 'GET', '/reports/pipelines', $range );
		$this->assertSame( 200, $report->get_status() );
		$this->assertSame( $expected, $report->get_data()['totals']['success_rate'], 'pipeline report' );

		$counts = $this->admin_request( 'GET', '/jobs/counts', $range );
		$this->assertSame( 200, $counts->get_status() );
		$by     = (array) $counts->get_data()['by_status'];
		$listed = array(
			StatusFamily::Succeeded->value => 0,
			StatusFamily::Failed->value    => 0,
		);
		foreach ( $by as $status => $n ) {
			$family = StatusFamily::of_value( (string) $status )->value;
			if ( isset( $listed[ $family ] ) ) {
				$listed[ $family ] += (int) $n;
			}
		}
		$this->assertSame( $expected, StatusFamily::success_rate( $listed['succeeded'], $listed['failed'] ), 'list counts' );
	}
}
