<?php
/**
 * What each rule finds, from jobs written straight into the tables as Data Machine writes them.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Alerts;

use DMJobs\Jobs\CountRefresher;
use DMJobs\Metrics\RollupService;
use DMJobs\Tests\Fixtures;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/AlertsTestCase.php';

final class AlertRulesTest extends AlertsTestCase {

	/**
	 * @return array<int, array<string, mixed>>
	 */
	private function preview( string $rule ): array {
		return $this->evaluator()->preview( $rule )['alerts'];
	}

	public function test_failure_rate_fires_over_the_threshold_with_enough_jobs(): void {
		$other_pipeline = Fixtures::pipeline( 'Healthy' );
		$other_flow     = Fixtures::flow( $other_pipeline, 'Daily' );
		$minute         = $this->now - 600;
		$this->insert_jobs( 7, 'failed - timeout', $minute, $minute + 5 );
		$this->insert_jobs( 2, 'failed', $minute, $minute + 5 );
		$this->insert_jobs( 3, 'completed', $minute, $minute + 5 );
		$this->insert_jobs( 5, 'cancelled', $minute, $minute + 5 ); // Neither success nor failure.
		$this->insert_jobs( 1, 'processing', $minute ); // Not finished.
		$this->insert_jobs( 1, 'failed', $minute, $minute + 5, $other_flow );
		$this->insert_jobs( 20, 'completed_no_items', $minute, $minute + 5, $other_flow );
		( new \DMJobs\Alerts\AlertSettings() )->save_rule( 'failure_rate', array( 'threshold_percent' => 70, 'hours' => 2, 'min_jobs' => 10 ) );

		$alerts = $this->preview( 'failure_rate' );

		$this->assertCount( 1, $alerts );
		$this->assertSame( 'failure_rate:pipeline:' . $this->pipeline_id, $alerts[0]['key'] );
		$this->assertSame( 9, $alerts[0]['details']['failed'] );
		$this->assertSame( 12, $alerts[0]['details']['finished'] );
		$this->assertSame( 0.75, $alerts[0]['details']['rate'] );
		$this->assertStringContainsString( 'Pipeline "Feeds" failed 9 of 12 jobs (75%)', $alerts[0]['title'] );
		$this->assertSame( 'failed', $alerts[0]['list_query']['status'] );
		$this->assertSame( $this->pipeline_id, $alerts[0]['list_query']['pipeline'] );
		$this->assertStringContainsString( 'page=dm-jobs&status=failed&pipeline=' . $this->pipeline_id . '&after=', $alerts[0]['url'] );

		( new \DMJobs\Alerts\AlertSettings() )->save_rule( 'failure_rate', array( 'threshold_percent' => 76 ) );
		$this->assertSame( array(), $this->preview( 'failure_rate' ) );
	}

	public function test_failure_rate_needs_the_minimum_sample(): void {
		$this->insert_jobs( 2, 'failed', $this->now - 300, $this->now - 290 );
		( new \DMJobs\Alerts\AlertSettings() )->save_rule( 'failure_rate', array( 'threshold_percent' => 50, 'min_jobs' => 3 ) );
		$this->assertSame( array(), $this->preview( 'failure_rate' ), '2 of 2 failed is not enough to alarm' );

		$this->insert_jobs( 1, 'completed', $this->now - 200, $this->now - 190 );
		( new RollupService() )->catch_up( 30 );
		$alerts = $this->preview( 'failure_rate' );
		$this->assertCount( 1, $alerts );
		$this->assertSame( 3, $alerts[0]['details']['finished'] );
	}

	public function test_failure_rate_only_counts_the_window(): void {
		$this->insert_jobs( 20, 'failed', $this->now - 5 * HOUR_IN_SECONDS, $this->now - 5 * HOUR_IN_SECONDS + 9 );
		( new \DMJobs\Alerts\AlertSettings() )->save_rule( 'failure_rate', array( 'hours' => 3 ) );
		$this->assertSame( array(), $this->preview( 'failure_rate' ) );
		( new \DMJobs\Alerts\AlertSettings() )->save_rule( 'failure_rate', array( 'hours' => 6 ) );
		$this->assertCount( 1, $this->preview( 'failure_rate' ) );
	}

	public function test_degraded_uses_the_insights_rule(): void {
		for ( $day = 2; $day <= 8; $day++ ) {
			$at = $this->now - $day * DAY_IN_SECONDS;
			$this->insert_jobs( 6, 'completed', $at, $at + 10 );
		}
		$this->insert_jobs( 8, 'failed', $this->now - 1800, $this->now - 1790 );
		$this->insert_jobs( 4, 'completed', $this->now - 1800, $this->now - 1790 );

		$alerts = $this->preview( 'degraded' );

		$this->assertCount( 1, $alerts );
		$this->assertSame( 'degraded:pipeline:' . $this->pipeline_id, $alerts[0]['key'] );
		$this->assertSame( 'Pipeline "Feeds" is degraded against its baseline', $alerts[0]['title'] );
		$this->assertSame( 'failure_rate', $alerts[0]['details']['triggers'][0]['metric'] );
		$this->assertSame( 'Failure rate 67% in the last 24 h (8 of 12 failed) vs 0% baseline over the previous 14 days (0 of 42): +66.7 points, flagged from +10.', $alerts[0]['message'] );

		add_filter( 'dm_jobs_degradation_thresholds', array( $this, 'strict_thresholds' ) );
		try {
			$this->assertSame( array(), $this->preview( 'degraded' ), 'the Insights thresholds filter applies' );
		} finally {
			remove_filter( 'dm_jobs_degradation_thresholds', array( $this, 'strict_thresholds' ) );
		}
	}

	public function test_degraded_message_says_what_was_compared_with_the_numbers_the_rule_used(): void {
		for ( $day = 2; $day <= 8; $day++ ) {
			$at = $this->now - $day * DAY_IN_SECONDS;
			$this->insert_jobs( 6, 'completed', $at, $at + 10 );
		}
		$this->insert_jobs( 12, 'completed', $this->now - 1800, $this->now - 1800 + 250 );

		$alerts = $this->preview( 'degraded' );

		$this->assertCount( 1, $alerts );
		$p95 = $alerts[0]['details']['triggers'][0];
		$this->assertSame( 'p95_duration', $p95['metric'] );
		$recent   = \DMJobs\Admin\FirstRowsMarkup::duration( (int) round( $p95['recent'] ) );
		$baseline = \DMJobs\Admin\FirstRowsMarkup::duration( (int) round( $p95['baseline'] ) );
		$this->assertStringStartsWith( "p95 duration {$recent} in the last 24 h vs {$baseline} baseline over the previous 14 days: ×", $alerts[0]['message'] );
		$this->assertStringContainsString( ', flagged from ×1.5 (12 and 42 timed jobs).', $alerts[0]['message'] );
		$this->assertStringContainsString( 'Average duration 4 min 10 s in the last 24 h vs 10 s baseline over the previous 14 days: ×25, flagged from ×1.5 (12 and 42 timed jobs).', $alerts[0]['message'] );
	}

	/**
	 * @param array<string, mixed> $thresholds
	 * @return array<string, mixed>
	 */
	public function strict_thresholds( $thresholds ): array {
		return array( 'failure_rate_increase' => 0.9 ) + $thresholds;
	}

	public function test_stuck_counts_old_pending_and_processing_jobs(): void {
		$old      = gmdate( 'Y-m-d H:i:s', $this->now - 3 * HOUR_IN_SECONDS );
		$recent   = gmdate( 'Y-m-d H:i:s', $this->now - 10 * MINUTE_IN_SECONDS );
		$pending  = Fixtures::job( $this->pipeline_id, $this->flow_id, 'pending', $old );
		$running  = Fixtures::job( $this->pipeline_id, $this->flow_id, 'running', $old ); // Legacy "processing".
		$compound = Fixtures::job( $this->pipeline_id, $this->flow_id, 'processing - step 2', $old );
		Fixtures::job( $this->pipeline_id, $this->flow_id, 'processing', $recent );
		Fixtures::job( $this->pipeline_id, $this->flow_id, 'failed', $old, $old );
		( new \DMJobs\Alerts\AlertSettings() )->save_rule( 'stuck', array( 'minutes' => 60 ) );

		$alerts = $this->preview( 'stuck' );

		$this->assertCount( 1, $alerts );
		$this->assertSame( 3, $alerts[0]['details']['count'] );
		$this->assertSame( array( $pending, $running, $compound ), $alerts[0]['details']['oldest_ids'] );
		$this->assertSame( '3 jobs have been pending or processing for more than 60 minutes', $alerts[0]['title'] );
		$this->assertSame( 'pending,processing', $alerts[0]['list_query']['status'] );

		( new \DMJobs\Alerts\AlertSettings() )->save_rule( 'stuck', array( 'minutes' => 240 ) );
		$this->assertSame( array(), $this->preview( 'stuck' ) );
	}

	public function test_table_size_reads_the_hourly_measurement(): void {
		$this->insert_jobs( 30, 'completed', $this->now - 3600, $this->now - 3500 );
		( new RollupService() )->catch_up( 30 );
		( new \DMJobs\Alerts\AlertSettings() )->save_rule( 'table_size', array( 'max_mb' => 0, 'max_rows' => 29 ) );

		$alerts = $this->preview( 'table_size' );
		$this->assertCount( 1, $alerts );
		$this->assertSame( 30, $alerts[0]['details']['rows'] );
		$this->assertStringContainsString( '30 jobs, over the limit of 29', $alerts[0]['title'] );

		( new \DMJobs\Alerts\AlertSettings() )->save_rule( 'table_size', array( 'max_rows' => 30 ) );
		$this->assertSame( array(), $this->preview( 'table_size' ) );
		( new \DMJobs\Alerts\AlertSettings() )->save_rule( 'table_size', array( 'max_rows' => 0, 'max_mb' => 0.01 ) );
		$this->assertCount( 1, $this->preview( 'table_size' ), 'a table of 30 rows is bigger than 10 KB' );
	}

	public function test_refresh_stale_reads_when_the_cron_refresh_last_ran(): void {
		update_option( CountRefresher::LAST_RUN_OPTION, $this->now - 45 * MINUTE_IN_SECONDS );
		( new \DMJobs\Alerts\AlertSettings() )->save_rule( 'refresh_stale', array( 'minutes' => 30 ) );
		$alerts = $this->preview( 'refresh_stale' );
		$this->assertCount( 1, $alerts );
		$this->assertSame( 'The background refresh has not run for 45 minutes', $alerts[0]['title'] );

		do_action( CountRefresher::HOOK );
		$this->now = time();
		$this->assertSame( array(), $this->preview( 'refresh_stale' ), 'the cron refresh records its run' );
	}
}
