<?php
/**
 * Retention: settings saved over REST (and overridable by filters), a dry run, the daily run with
 * its report and its audit entry (system actor), keep-failed, engine_data shedding, audit pruning,
 * and the WP-Cron schedule.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Retention;

use DMJobs\Retention\RetentionScheduler;
use DMJobs\Retention\RetentionService;
use DMJobs\Tests\AdminTools\AdminToolsTestCase;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/../AdminTools/AdminToolsTestCase.php';

final class RetentionTest extends AdminToolsTestCase {

	protected function setUp(): void {
		parent::setUp();
		delete_option( 'dm_jobs_retention' );
		delete_option( RetentionService::LAST_RUN_OPTION );
		delete_option( RetentionService::PENDING_OPTION );
	}

	public function test_nothing_is_removed_until_an_admin_sets_a_policy(): void {
		$state = $this->admin_request( 'GET', '/retention' )->get_data();
		$this->assertSame( 0, $state['effective']['completed_days'] );
		$this->assertSame( 0, $state['effective']['failed_days'] );
		$this->assertSame( 0, $state['effective']['engine_data_days'] );
		$this->assertNull( $state['last_run'] );
		$old = $this->job( 'completed' );

		( new RetentionScheduler() )->run_scheduled();
		$this->assertTrue( $this->job_exists( $old ) );
		$this->assertSame( 'completed', get_option( RetentionService::LAST_RUN_OPTION )['state'] );
	}

	public function test_save_settings_run_report_and_audit(): void {
		$completed = array( $this->job( 'completed', $this->days_ago( 40 ) ), $this->job( 'complete', $this->days_ago( 40 ) ), $this->job( 'completed_no_items:x', $this->days_ago( 40 ) ), $this->job( 'agent_skipped', $this->days_ago( 40 ) ) );
		$failed    = array( $this->job( 'failed - step_execut', $this->days_ago( 100 ) ), $this->job( 'failed: timeout', $this->days_ago( 100 ) ) );
		$cancelled = $this->job( 'cancelled', $this->days_ago( 100 ) );
		$kept      = array(
			$this->job( 'completed', $this->days_ago( 20 ) ),
			$this->job( 'failed', $this->days_ago( 50 ) ),
			$this->job( 'processing', $this->days_ago( 400 ) ),
			$this->job( 'pending', $this->days_ago( 400 ) ),
		);

		$saved = $this->admin_request(
			'POST',
			'/retention',
			array(
				'completed_days'   => 30,
				'failed_days'      => 90,
				'keep_failed'      => true,
				'engine_data_days' => 0,
				'audit_days'       => 365,
			)
		);
		$this->assertSame( 200, $saved->get_status(), (string) wp_json_encode( $saved->get_data() ) );
		$this->assertSame( 30, $saved->get_data()['saved']['completed_days'] );
		$entry = $this->audit_entries( array( 'action' => 'retention.settings_saved' ) )[0];
		$this->assertSame( 30, $entry['params']['after']['completed_days'] );
		$this->assertSame( 'dm_jobs_test_administrator', $entry['actor']['login'] );

		$dry = $this->admin_request( 'POST', '/retention/run', array( 'dry_run' => true ) )->get_data();
		$this->assertSame( array( 'completed' => 4, 'failed' => 1, 'audit' => 0 ), array_column( $dry['steps'], 'count', 'key' ) );

		wp_set_current_user( 0 );
		( new RetentionScheduler() )->run_scheduled();

		$this->assertSame( array(), $this->surviving( $completed ) );
		$this->assertSame( $failed, $this->surviving( $failed ), 'keep failed jobs for debugging' );
		$this->assertFalse( $this->job_exists( $cancelled ) );
		$this->assertSame( $kept, $this->surviving( $kept ) );

		$report = $this->admin_request( 'GET', '/retention' )->get_data()['last_run'];
		$this->assertSame( 'completed', $report['state'] );
		$this->assertSame( 'schedule', $report['trigger'] );
		$this->assertSame( 'system', $report['actor']['type'] );
		$this->assertSame( array( 'completed' => 4, 'failed' => 1, 'audit' => 0 ), (array) $report['removed'] );
		$this->assertNotNull( $report['finished_at'] );
		$this->assertIsFloat( $report['duration'] );

		$run = $this->audit_entries( array( 'action' => 'retention.run' ) );
		$this->assertCount( 1, $run );
		$this->assertSame( 'system', $run[0]['actor']['type'] );
		$this->assertSame( 5, $run[0]['affected'] );
		$this->assertSame( array(), $this->audit_entries( array( 'action' => 'cleanup.jobs' ) ), 'the run is one entry' );
	}

	public function test_filters_override_saved_settings(): void {
		$this->admin_request( 'POST', '/retention', array( 'completed_days' => 30 ) );
		$force = static fn (): int => 7;
		add_filter( 'dm_jobs_retention_completed_days', $force );
		$whole = static fn ( array $settings ): array => array( 'audit_days' => 30 ) + $settings;
		add_filter( 'dm_jobs_retention_settings', $whole );
		try {
			$state = $this->admin_request( 'GET', '/retention' )->get_data();
		} finally {
			remove_filter( 'dm_jobs_retention_completed_days', $force );
			remove_filter( 'dm_jobs_retention_settings', $whole );
		}
		$this->assertSame( 30, $state['saved']['completed_days'] );
		$this->assertSame( 7, $state['effective']['completed_days'] );
		$this->assertSame( 30, $state['effective']['audit_days'] );
		$this->assertSame( array( 'completed_days', 'audit_days' ), $state['overridden'] );
	}

	public function test_shed_engine_data_and_audit_pruning_rules(): void {
		global $wpdb;
		$job = $this->job( 'completed', $this->days_ago( 20 ), null, array( 'engine_data' => '{"big":"' . str_repeat( 'z', 500 ) . '"}' ) );
		$wpdb->insert(
			$wpdb->prefix . 'dm_jobs_audit',
			array(
				'created_at' => $this->days_ago( 400 ),
				'actor_type' => 'system',
				'action'     => 'job.created',
				'affected'   => 1,
			)
		);
		$old_entry = (int) $wpdb->insert_id;
		update_option( 'dm_jobs_retention', array( 'engine_data_days' => 10, 'audit_days' => 365 ) );

		$report = $this->admin_request( 'POST', '/retention/run', array( 'dry_run' => false, 'confirm' => true ) )->get_data();
		$this->assertSame( 'completed', $report['state'] );
		$this->assertSame( 'manual', $report['trigger'] );
		$this->assertSame( 'dm_jobs_test_administrator', $report['actor']['login'] );
		$this->assertSame( array( 'engine_data' => 1, 'audit' => 1 ), (array) $report['removed'] );
		$this->assertTrue( $this->job_exists( $job ) );
		$this->assertNull( $wpdb->get_var( $wpdb->prepare( "SELECT engine_data FROM " . \DMJobs\Schema\Repository\TableNames::jobs() . " WHERE job_id = %d", $job ) ) );
		$this->assertNull( $wpdb->get_var( $wpdb->prepare( "SELECT audit_id FROM {$wpdb->prefix}dm_jobs_audit WHERE audit_id = %d", $old_entry ) ) );
	}

	public function test_an_unfinished_run_continues_later(): void {
		for ( $i = 0; $i < 30; $i++ ) {
			$this->job( 'completed', $this->days_ago( 40 ) );
		}
		update_option( 'dm_jobs_retention', array( 'completed_days' => 30 ) );
		$tiny = static fn (): int => 5;
		add_filter( 'dm_jobs_operation_batch_size', $tiny );
		try {
			$first = ( new RetentionService() )->run( \DMJobs\Audit\Actor::system(), 'schedule', 0.0 );
			$this->assertSame( 'running', $first['state'] );
			$this->assertNotFalse( wp_next_scheduled( RetentionService::CONTINUE_HOOK ) );
			$this->assertLessThan( 30, $first['removed']->completed );

			$service = new RetentionService();
			do {
				$report = $service->continue_pending( 0.0 );
			} while ( null !== $report && 'running' === $report['state'] );
		} finally {
			remove_filter( 'dm_jobs_operation_batch_size', $tiny );
			wp_clear_scheduled_hook( RetentionService::CONTINUE_HOOK );
		}
		$this->assertSame( 'completed', $report['state'] );
		$this->assertSame( 30, $report['removed']->completed );
		$this->assertNull( ( new RetentionService() )->continue_pending( 1.0 ) );
	}

	public function test_daily_schedule_with_wp_cron(): void {
		wp_clear_scheduled_hook( RetentionScheduler::HOOK );
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		$GLOBALS['current_screen'] = \WP_Screen::get( 'dashboard' ); // is_admin().
		try {
			( new RetentionScheduler() )->ensure_scheduled();
			$next = wp_next_scheduled( RetentionScheduler::HOOK );
			$this->assertNotFalse( $next );
			$this->assertSame( 'daily', wp_get_schedule( RetentionScheduler::HOOK ) );
			$schedule = $this->admin_request( 'GET', '/retention' )->get_data()['schedule'];
			$this->assertSame( 'wp-cron', $schedule['runner'] );
			$this->assertSame( gmdate( 'Y-m-d\TH:i:s\Z', $next ), $schedule['next_run'] );
			RetentionScheduler::unschedule();
			$this->assertFalse( wp_next_scheduled( RetentionScheduler::HOOK ) );
		} finally {
			$GLOBALS['current_screen'] = null;
			wp_clear_scheduled_hook( RetentionScheduler::HOOK );
		}
	}

	public function test_bad_settings_are_refused_and_nothing_changes(): void {
		update_option( 'dm_jobs_retention', array( 'completed_days' => 30 ) );
		foreach ( array( array( 'completed_days', -1 ), array( 'failed_days', 99999 ), array( 'keep_failed', 'maybe' ), array( 'audit_days', 'ten' ) ) as [ $param, $value ] ) {
			$response = $this->assertUnchangedAfter( fn () => $this->admin_request( 'POST', '/retention', array( 'completed_days' => 10, $param => $value ) ) );
			$this->assertInvalidParam( $response, $param );
		}
		$this->assertSame( 30, get_option( 'dm_jobs_retention' )['completed_days'] );
	}

	/**
	 * @return array<string, array{0: string, 1: string}> raw JSON body, the parameter the 400 names ('' when the body is not an object)
	 */
	public static function bodies_that_must_not_run(): array {
		return array(
			'no body'            => array( '', 'dry_run' ),
			'null'               => array( 'null', 'dry_run' ),
			'empty array'        => array( '[]', 'dry_run' ),
			'a number'           => array( '123', '' ),
			'empty object'       => array( '{}', 'dry_run' ),
			'dry_run false only' => array( '{"dry_run":false}', 'confirm' ),
			'confirm false'      => array( '{"dry_run":false,"confirm":false}', 'confirm' ),
			'confirm a string'   => array( '{"dry_run":false,"confirm":"yes"}', 'confirm' ),
			'dry_run a string'   => array( '{"dry_run":"no","confirm":true}', 'dry_run' ),
			'confirm only'       => array( '{"confirm":true}', 'dry_run' ),
		);
	}

	/**
	 * @dataProvider bodies_that_must_not_run
	 */
	public function test_a_run_needs_an_explicit_body_and_nothing_runs_without_one( string $body, string $param ): void {
		$old = $this->job( 'completed', $this->days_ago( 40 ) );
		update_option( 'dm_jobs_retention', array( 'completed_days' => 30 ) );
		$this->act_as( 'administrator' );
		$response = $this->assertUnchangedAfter(
			function () use ( $body ) {
				$request = new \WP_REST_Request( 'POST', '/dm-jobs/v1/retention/run' );
				$request->set_header( 'Content-Type', 'application/json' );
				$request->set_body( $body );
				return rest_do_request( $request );
			}
		);
		$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		if ( 'rest_invalid_json' === $response->get_data()['code'] ) {
			// WordPress 7.0+ refuses a JSON body that is not an object before any parameter is read.
			$this->assertContains( $body, array( '123', '[]', 'null' ) );
		} else {
			$named = (array) $response->get_data()['data']['params'];
			$this->assertTrue( isset( $named[ $param ] ) || in_array( $param, $named, true ), (string) wp_json_encode( $named ) );
		}
		$this->assertTrue( $this->job_exists( $old ) );
		$this->assertNull( $this->admin_request( 'GET', '/retention' )->get_data()['last_run'] );
	}
}
