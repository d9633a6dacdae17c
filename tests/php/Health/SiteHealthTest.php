<?php
/**
 * Site Health: DM Jobs' tests (table size, background tasks, derived state, failure rate, Data Machine)
 * judge the real state of the site, and the Info section describes it.
 *
 * Committed data (the rollup passes commit on MySQL/MariaDB): the test removes its jobs and restores
 * the cron array and the retention policy itself.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Health;

use DMJobs\DataMachine\Adapters;
use DMJobs\Health\HealthChecks;
use DMJobs\Jobs\CountRefresher;
use DMJobs\Jobs\JobCounts;
use DMJobs\Metrics\MetricsRange;
use DMJobs\Metrics\Reports\OverviewReport;
use DMJobs\Metrics\Repository\RollupRepository;
use DMJobs\Metrics\RollupHooks;
use DMJobs\Metrics\RollupService;
use DMJobs\Metrics\SiteClock;
use DMJobs\Retention\RetentionScheduler;
use DMJobs\Retention\RetentionSettings;
use DMJobs\Tests\CommittedTestCase;
use DMJobs\Tests\Fixtures;

PHP_SAPI === 'cli' || exit;

final class SiteHealthTest extends CommittedTestCase {

	/** @var array<int, array<string, mixed>> */
	private array $cron_before = array();

	/** @var array<string, mixed> */
	private array $thresholds = array();

	/** @var mixed */
	private $retention_before;

	protected function setUp(): void {
		parent::setUp();
		$this->cron_before      = (array) _get_cron_array();
		$this->retention_before = get_option( RetentionSettings::OPTION, null );
		$this->thresholds  = array();
		add_filter( 'dm_jobs_health_thresholds', array( $this, 'thresholds' ) );
		$this->schedule_all( time() + HOUR_IN_SECONDS );
	}

	protected function tearDown(): void {
		remove_filter( 'dm_jobs_health_thresholds', array( $this, 'thresholds' ) );
		remove_all_filters( 'dm_jobs_data_machine_generation' );
		Adapters::forget();
		_set_cron_array( $this->cron_before );
		if ( null === $this->retention_before ) {
			delete_option( RetentionSettings::OPTION );
		} else {
			update_option( RetentionSettings::OPTION, $this->retention_before );
		}
		parent::tearDown();
	}

	/**
	 * @param array<string, mixed> $defaults
	 * @return array<string, mixed>
	 */
	public function thresholds( array $defaults ): array {
		return array_merge( $defaults, $this->thresholds );
	}

	private function schedule_all( int $at ): void {
		foreach ( array( CountRefresher::HOOK, RollupHooks::CRON_HOOK, RetentionScheduler::HOOK ) as $hook ) {
			wp_clear_scheduled_hook( $hook );
			wp_schedule_event( $at, 'daily', $hook );
		}
	}

	/**
	 * @return array<string, mixed>
	 */
	private function run_test( string $name ): array {
		$this->act_as( 'administrator' );
		$tests = apply_filters( 'site_status_tests', array( 'direct' => array(), 'async' => array() ) );
		$this->assertArrayHasKey( $name, $tests['direct'] );
		$result = call_user_func( $tests['direct'][ $name ]['test'] );
		$this->assertSame( $name, $result['test'] );
		$this->assertContains( $result['status'], array( 'good', 'recommended', 'critical' ) );
		$this->assertSame( 'DM Jobs', $result['badge']['label'] );
		return $result;
	}

	public function test_admins_get_five_tests_and_others_none(): void {
		$this->act_as( 'administrator' );
		$tests = apply_filters( 'site_status_tests', array( 'direct' => array(), 'async' => array() ) );
		$this->assertSame( array_keys( HealthChecks::TESTS ), array_values( array_filter( array_keys( $tests['direct'] ), static fn ( $name ) => str_starts_with( $name, 'dm_jobs_' ) ) ) );

		$this->act_as( 'editor' );
		$tests = apply_filters( 'site_status_tests', array( 'direct' => array(), 'async' => array() ) );
		$this->assertSame( array(), array_filter( array_keys( $tests['direct'] ), static fn ( $name ) => str_starts_with( $name, 'dm_jobs_' ) ) );
		$this->assertArrayNotHasKey( 'dm-jobs', apply_filters( 'debug_information', array() ) );
	}

	public function test_background_tasks_overdue_missing_and_on_time(): void {
		$this->assertSame( 'good', $this->run_test( 'dm_jobs_background' )['status'] );

		wp_clear_scheduled_hook( RollupHooks::CRON_HOOK );
		$missing = $this->run_test( 'dm_jobs_background' );
		$this->assertSame( 'recommended', $missing['status'] );
		$this->assertStringContainsString( 'Not scheduled: metrics rollups', $missing['description'] );

		wp_clear_scheduled_hook( CountRefresher::HOOK );
		wp_schedule_event( time() - 2 * HOUR_IN_SECONDS, 'daily', CountRefresher::HOOK );
		$overdue = $this->run_test( 'dm_jobs_background' );
		$this->assertSame( 'critical', $overdue['status'] );
		$this->assertStringContainsString( 'count refresh (due 2 hours ago)', $overdue['description'] );
		$this->assertStringContainsString( 'DISABLE_WP_CRON is set', $overdue['description'], 'the test sites set DISABLE_WP_CRON' );

		$this->thresholds = array( 'overdue_minutes' => 200 );
		$this->assertSame( 'recommended', $this->run_test( 'dm_jobs_background' )['status'], 'two hours late is within a 200-minute allowance; the rollups are still unscheduled' );
	}

	public function test_derived_state_is_current_after_a_refresh_and_stale_later(): void {
		( new JobCounts() )->refresh();
		( new RollupService() )->run( 5.0 );
		$this->assertSame( 'good', $this->run_test( 'dm_jobs_derived_state' )['status'] );

		$later = ( new HealthChecks( time() + 3 * HOUR_IN_SECONDS ) )->derived_state();
		$this->assertSame( 'recommended', $later['status'] );
		$this->assertStringContainsString( 'The count snapshot was taken 3 hours ago.', $later['description'] );
		$this->assertStringContainsString( 'The metrics rollups last caught up 3 hours ago.', $later['description'] );
	}

	public function test_failure_rate_counts_the_last_24_hours(): void {
		$clock    = SiteClock::site();
		$baseline = $this->totals_last_24h( $clock );
		$pipeline = $this->pipeline_id;
		$flow     = $this->flow_id;
		$at       = gmdate( 'Y-m-d H:i:s', time() - HOUR_IN_SECONDS );
		$done     = gmdate( 'Y-m-d H:i:s', time() - HOUR_IN_SECONDS + 60 );
		for ( $i = 0; $i < 30; $i++ ) {
			Fixtures::job( $pipeline, $flow, $i < 12 ? 'failed - timeout' : 'completed', $at, $done );
		}
		Fixtures::job( $pipeline, $flow, 'processing', $at ); // Not finished: not counted.
		Fixtures::job( $pipeline, $flow, 'failed', gmdate( 'Y-m-d H:i:s', time() - 3 * DAY_IN_SECONDS ), gmdate( 'Y-m-d H:i:s', time() - 3 * DAY_IN_SECONDS + 60 ) );
		( new RollupService() )->catch_up(); // What WP-Cron does; reads within seconds of the last pass are not caught up again.

		$jobs   = $baseline['jobs'] + 30;
		$failed = $baseline['failed'] + 12;
		$rate   = $failed / $jobs;
		$facts  = sprintf( '%s of %s jobs that finished in the last 24 hours failed.', number_format_i18n( $failed ), number_format_i18n( $jobs ) );

		$this->thresholds = array(
			'failure_rate_recommended' => $rate - 0.01,
			'failure_rate_critical'    => $rate + 0.01,
		);
		$recommended      = $this->run_test( 'dm_jobs_failure_rate' );
		$this->assertStringContainsString( $facts, $recommended['description'] );
		$this->assertSame( 'recommended', $recommended['status'] );
		$this->assertStringContainsString( 'status=failed', $recommended['actions'] );

		$this->thresholds['failure_rate_critical'] = $rate - 0.005;
		$this->assertSame( 'critical', $this->run_test( 'dm_jobs_failure_rate' )['status'] );

		$this->thresholds = array( 'failure_rate_recommended' => min( 1.0, $rate + 0.01 ) );
		$this->assertSame( 'good', $this->run_test( 'dm_jobs_failure_rate' )['status'] );

		$this->thresholds = array( 'min_finished' => $jobs + 1 );
		$too_few          = $this->run_test( 'dm_jobs_failure_rate' );
		$this->assertSame( 'good', $too_few['status'] );
		$this->assertSame( 'Too few DM Jobs finished to judge the failure rate', $too_few['label'] );
	}

	public function test_table_size_against_the_threshold_and_the_retention_policy(): void {
		$this->seed( 5, array( 'completed' ), gmdate( 'Y-m-d H:i:s', time() - DAY_IN_SECONDS ) );
		// The size is measured at most hourly: make this pass measure it, whatever ran before.
		( new RollupRepository() )->set_meta(
			array(
				'last_snapshot_at' => 0,
				'last_size_at'     => 0,
			)
		);
		( new RollupService() )->run( 5.0, PHP_INT_MAX, true );

		$this->thresholds = array( 'table_size_mb' => 100000 );
		$room             = $this->run_test( 'dm_jobs_table_size' );
		$this->assertSame( 'good', $room['status'], $room['label'] . ': ' . $room['description'] );
		$this->assertMatchesRegularExpression( '/holds [\d,]+ rows in [\d.,]+ [KMG]?B/', $room['description'] );

		$this->thresholds = array( 'table_size_mb' => 0.001 );
		$this->assertSame( 'critical', $this->run_test( 'dm_jobs_table_size' )['status'], 'over the threshold with no retention policy' );

		( new RetentionSettings() )->save( array( 'completed_days' => 30 ) );
		$with_policy = $this->run_test( 'dm_jobs_table_size' );
		$this->assertSame( 'recommended', $with_policy['status'] );
		$this->assertStringContainsString( 'A retention policy is set', $with_policy['description'] );
	}

	public function test_data_machine_generation_is_named(): void {
		$standalone = $this->run_test( 'dm_jobs_data_machine' );
		$this->assertSame( 'good', $standalone['status'] );
		$this->assertSame( 'Data Machine is not active', $standalone['label'] );
		$this->assertStringContainsString( '<code>' . $GLOBALS['wpdb']->prefix . 'dm_jobs</code>', $standalone['description'] );
		$this->assertStringContainsString( 'No Data Machine tables were found', $standalone['description'] );

		add_filter( 'dm_jobs_data_machine_generation', static fn (): string => 'dm' );
		Adapters::forget();
		$legacy = $this->run_test( 'dm_jobs_data_machine' );
		$this->assertStringContainsString( 'DM Jobs reads the jobs of ' . esc_html( Adapters::primary()->label() ), $legacy['description'] );
	}

	public function test_debug_information_describes_the_site(): void {
		( new JobCounts() )->refresh();
		$this->act_as( 'administrator' );
		$section = apply_filters( 'debug_information', array() )['dm-jobs'];
		$this->assertSame( 'DM Jobs', $section['label'] );
		$fields = $section['fields'];
		$this->assertSame( DM_JOBS_VERSION, $fields['version']['value'] );
		$this->assertSame( 'standalone', $fields['generation']['debug'] );
		$this->assertSame( (string) Fixtures::job_count(), $fields['jobs']['debug'] );
		$this->assertSame( 'manage_options', $fields['capability']['value'] );
		$this->assertSame( 'no', $fields['wp_cron']['value'], 'the test sites set DISABLE_WP_CRON' );
		$this->assertStringEndsWith( ' UTC', $fields['next_count_refresh']['value'] );
		$this->assertSame( gmdate( 'Y-m-d H:i:s', (int) wp_next_scheduled( CountRefresher::HOOK ) ) . ' UTC', $fields['next_count_refresh']['value'] );
	}

	/**
	 * @return array{jobs: int, failed: int}
	 */
	private function totals_last_24h( SiteClock $clock ): array {
		( new RollupService() )->catch_up_before_read();
		$range  = MetricsRange::resolve( '24h', null, null, $clock, time(), SiteClock::start_of_week() );
		$totals = ( new OverviewReport() )->build( $range, $clock, array() )['totals'];
		return array(
			'jobs'   => (int) $totals['jobs'],
			'failed' => (int) $totals['failed'],
		);
	}
}
