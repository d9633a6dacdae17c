<?php
/**
 * Who is told what, and how often: one email per rule per cool-down even in an alert storm,
 * resolutions told once, repeats after a cool-down, `dm_jobs_alert` for other plugins, the audit
 * history, wp-admin notices and their dismissal, and the scheduled evaluation.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Alerts;

use DMJobs\Alerts\AlertNotices;
use DMJobs\Alerts\AlertScheduler;
use DMJobs\Alerts\AlertSettings;
use DMJobs\Metrics\RollupService;
use DMJobs\Tests\Fixtures;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/AlertsTestCase.php';

final class AlertNotificationTest extends AlertsTestCase {

	public function test_an_alert_storm_sends_one_email_per_rule_per_cooldown(): void {
		( new AlertSettings() )->save_general( array( 'recipients' => array( 'ops@example.test', 'dev@example.test' ), 'cooldown_minutes' => 30 ) );
		$this->enable( 'failure_rate', array( 'threshold_percent' => 50, 'hours' => 1, 'min_jobs' => 10 ) );
		$this->enable( 'stuck', array( 'minutes' => 5 ) );
		$start = $this->now;

		// 1,000 failing jobs within a minute, evaluated after every 100 of them.
		for ( $batch = 0; $batch < 10; $batch++ ) {
			$this->insert_jobs( 100, 'failed - timeout', $start + $batch * 6, $start + $batch * 6 + 1 );
			( new RollupService() )->catch_up( 30 );
			$this->now = $start + $batch * 6 + 2;
			$this->evaluate();
		}

		$this->assertCount( 1, $this->mails, 'one email for the failure-rate rule; stuck found nothing' );
		$mail = $this->mails[0];
		$this->assertSame( array( 'ops@example.test', 'dev@example.test' ), $mail['to'] );
		$this->assertStringContainsString( 'DM Jobs: Alert: Failure rate of a pipeline (1 firing)', $mail['subject'] );
		$this->assertStringContainsString( 'Pipeline "Feeds" failed 100 of 100 jobs (100%)', $mail['message'] );
		$this->assertStringContainsString( 'page=dm-jobs&status=failed&pipeline=' . $this->pipeline_id, $mail['message'] );
		$this->assertSame( array( 'fired' ), array_column( $this->announced, 1 ) );
		$this->assertSame( 'failure_rate:pipeline:' . $this->pipeline_id, $this->announced[0][0]['key'] );

		// Still failing during the cool-down: nothing more. After it: one repeat.
		$this->now = $start + 29 * MINUTE_IN_SECONDS;
		$this->evaluate();
		$this->assertCount( 1, $this->mails );
		$this->now = $start + 31 * MINUTE_IN_SECONDS;
		$this->evaluate();
		$this->assertCount( 2, $this->mails );
		$this->assertStringContainsString( 'Still firing:', $this->mails[1]['message'] );
		$this->assertSame( array( 'fired', 'still_firing' ), array_column( $this->announced, 1 ) );

		$fired = array_filter( $this->alert_audit(), static fn ( array $entry ): bool => 'alerts.fired' === $entry['action'] );
		$this->assertCount( 1, $fired, 'the storm is one alert in the history' );
	}

	public function test_a_resolved_alert_is_told_once_and_flapping_within_the_cooldown_is_quiet(): void {
		( new AlertSettings() )->save_general( array( 'cooldown_minutes' => 60 ) );
		$this->enable( 'stuck', array( 'minutes' => 30 ) );
		$old = gmdate( 'Y-m-d H:i:s', $this->now - HOUR_IN_SECONDS );
		$job = Fixtures::job( $this->pipeline_id, $this->flow_id, 'processing', $old );
		$t0  = $this->now;

		$this->evaluate();
		$this->assertCount( 1, $this->mails );
		$this->assertSame( array( 'site-admin@example.test' ), (array) $this->mails[0]['to'], 'without saved recipients the site admin gets it' );

		dm_jobs_update_job_status( $job, 'failed', 'timeout' );
		$this->now = $t0 + 10 * MINUTE_IN_SECONDS;
		$this->evaluate();
		$this->assertCount( 1, $this->mails, 'resolved within the cool-down: told later' );

		$this->now = $t0 + 61 * MINUTE_IN_SECONDS;
		$this->evaluate();
		$this->assertCount( 2, $this->mails );
		$this->assertStringContainsString( 'Resolved: Stuck jobs', $this->mails[1]['subject'] );
		$this->assertStringContainsString( "Resolved:\n- 1 job has been pending or processing", $this->mails[1]['message'] );

		$this->now = $t0 + 200 * MINUTE_IN_SECONDS;
		$this->evaluate();
		$this->assertCount( 2, $this->mails, 'a resolution is told once' );
		$this->assertSame( array( 'fired', 'resolved' ), array_column( $this->announced, 1 ) );

		$actions = array_reverse( array_column( $this->alert_audit(), 'action' ) );
		$this->assertSame( array( 'alerts.fired', 'alerts.notified', 'alerts.resolved', 'alerts.notified' ), $actions );
	}

	public function test_an_alert_that_comes_back_before_its_resolution_was_told_is_no_news(): void {
		$this->enable( 'stuck', array( 'minutes' => 30 ) );
		$job = Fixtures::job( $this->pipeline_id, $this->flow_id, 'pending', gmdate( 'Y-m-d H:i:s', $this->now - HOUR_IN_SECONDS ) );
		$t0  = $this->now;
		$this->evaluate();
		dm_jobs_update_job_status( $job, 'completed' );
		$this->now = $t0 + 5 * MINUTE_IN_SECONDS;
		$this->evaluate();
		Fixtures::job( $this->pipeline_id, $this->flow_id, 'pending', gmdate( 'Y-m-d H:i:s', $this->now - HOUR_IN_SECONDS ) );
		$this->now = $t0 + 10 * MINUTE_IN_SECONDS;
		$this->evaluate();
		$this->now = $t0 + 61 * MINUTE_IN_SECONDS;
		$this->evaluate();

		$this->assertSame( array( 'fired', 'still_firing' ), array_column( $this->announced, 1 ) );
		$this->assertCount( 2, $this->mails );
	}

	public function test_rules_email_independently_and_disabled_rules_end_quietly(): void {
		$this->enable( 'stuck', array( 'minutes' => 30 ) );
		$this->enable( 'refresh_stale', array( 'minutes' => 10 ) );
		update_option( \DMJobs\Jobs\CountRefresher::LAST_RUN_OPTION, $this->now - HOUR_IN_SECONDS );
		Fixtures::job( $this->pipeline_id, $this->flow_id, 'processing', gmdate( 'Y-m-d H:i:s', $this->now - HOUR_IN_SECONDS ) );

		$report = $this->evaluate();

		$this->assertCount( 2, $this->mails );
		$this->assertTrue( $report['rules']['stuck']['sent'] );
		$this->assertTrue( $report['rules']['refresh_stale']['sent'] );
		$this->assertArrayNotHasKey( 'failure_rate', $report['rules'] );

		( new AlertSettings() )->save_rule( 'stuck', array( 'enabled' => false ) );
		$this->now += 2 * HOUR_IN_SECONDS;
		$this->evaluate();
		$this->assertCount( 3, $this->mails, 'only the refresh rule repeats' );
		$this->assertStringContainsString( 'Background refresh stopped', $this->mails[2]['subject'] );
	}

	public function test_a_broken_rule_does_not_silence_the_others(): void {
		$this->enable( 'stuck', array( 'minutes' => 30 ) );
		$this->enable( 'refresh_stale', array( 'minutes' => 10 ) );
		update_option( \DMJobs\Jobs\CountRefresher::LAST_RUN_OPTION, $this->now - HOUR_IN_SECONDS );
		$broken = new class() implements \DMJobs\Alerts\AlertRule {
			public function id(): string {
				return 'stuck';
			}
			public function evaluate( array $config, int $now ): array {
				throw new \RuntimeException( 'Database went away' );
			}
		};
		$rules    = ( new \DMJobs\Alerts\AlertEvaluator() )->rules();
		$rules['stuck'] = $broken;
		$report   = ( new \DMJobs\Alerts\AlertEvaluator( rules: $rules, now: fn (): int => $this->now ) )->run();

		$this->assertSame( 'Database went away', $report['rules']['stuck']['error'] );
		$this->assertTrue( $report['rules']['refresh_stale']['sent'] );
		$this->assertCount( 1, $this->mails );
	}

	public function test_the_email_goes_through_phpmailer(): void {
		remove_filter( 'pre_wp_mail', array( $this, 'capture_mail' ), 99 );
		remove_all_filters( 'pre_wp_mail' ); // The test site's mu-plugin turns mail off.
		require_once ABSPATH . WPINC . '/PHPMailer/PHPMailer.php';
		require_once ABSPATH . WPINC . '/PHPMailer/Exception.php';
		$previous = $GLOBALS['phpmailer'] ?? null;
		// As WordPress's own test suite does: PHPMailer builds the whole message, only the hand-over
		// to a mail server is left out.
		$GLOBALS['phpmailer'] = new class( true ) extends \PHPMailer\PHPMailer\PHPMailer {
			/**
			 * @var string[]
			 */
			public array $sent = array();

			public function postSend() {
				$this->sent[] = $this->getSentMIMEMessage();
				return true;
			}
		};
		add_filter( 'wp_mail_from', array( $this, 'from_address' ) );
		try {
			( new AlertSettings() )->save_general( array( 'recipients' => array( 'ops@example.test' ) ) );
			$result = $this->admin_request( 'POST', '/alerts/test' )->get_data();
			$mailer = $GLOBALS['phpmailer'];
		} finally {
			remove_filter( 'wp_mail_from', array( $this, 'from_address' ) );
			$GLOBALS['phpmailer'] = $previous;
		}
		$this->assertCount( 1, $mailer->sent );
		$this->assertSame( array( 'ops@example.test' ), array_column( $mailer->getToAddresses(), 0 ) );
		$this->assertStringContainsString( 'DM Jobs: Test alert', $mailer->Subject );
		$this->assertStringContainsString( "To: ops@example.test\r\n", $mailer->sent[0] );
		$this->assertStringContainsString( 'Test alert from DM Jobs', $mailer->sent[0] );
		$this->assertSame( array( 'emailed' => true, 'recipients' => 1, 'error' => null ), $result );
		$this->assertSame( array( 'test' ), array_column( $this->announced, 1 ) );
		$this->assertSame( 'alerts.test', $this->alert_audit()[0]['action'] );
	}

	/**
	 * PHPMailer refuses WordPress's default sender on a site called "localhost".
	 */
	public function from_address(): string {
		return 'wordpress@example.test';
	}

	public function test_admin_notices_link_to_the_list_and_stay_dismissed(): void {
		$this->enable( 'stuck', array( 'minutes' => 30 ) );
		Fixtures::job( $this->pipeline_id, $this->flow_id, 'processing', gmdate( 'Y-m-d H:i:s', time() - HOUR_IN_SECONDS ) );
		$this->now = time();
		$this->evaluate();
		$admin   = $this->users['administrator'];
		$notices = new AlertNotices();

		$this->act_as( 'administrator' );
		ob_start();
		$notices->render();
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( 'notice-error dm-jobs-alert-notice is-dismissible', $html );
		$this->assertStringContainsString( '1 job has been pending or processing for more than 30 minutes', $html );
		$this->assertStringContainsString( 'page=dm-jobs&#038;status=pending%2Cprocessing&#038;before=', $html );

		$token = $notices->for_user( $admin, time() )[0]['token'];
		$this->assertSame( 400, $this->request( 'POST', '/alerts/dismiss', array( 'key' => '<script>' ) )->get_status() );
		$this->assertSame( 200, $this->request( 'POST', '/alerts/dismiss', array( 'key' => $token ) )->get_status() );
		$this->assertSame( array(), $notices->for_user( $admin, time() ) );

		$this->act_as( 'editor' );
		ob_start();
		$notices->render();
		$this->assertSame( '', (string) ob_get_clean(), 'only users who can manage jobs see alerts' );
	}

	public function test_a_dead_cron_shows_a_notice_without_cron(): void {
		$this->enable( 'stuck' );
		$this->evaluate();
		$this->assertSame( array(), ( new AlertNotices() )->for_user( $this->users['administrator'], $this->now + 5 * MINUTE_IN_SECONDS ) );
		$notices = ( new AlertNotices() )->for_user( $this->users['administrator'], $this->now + 40 * MINUTE_IN_SECONDS );
		$this->assertCount( 1, $notices );
		$this->assertSame( 'warning', $notices[0]['type'] );
		$this->assertStringContainsString( 'WP-Cron does not seem to run', $notices[0]['title'] );
	}

	public function test_wp_cron_evaluates_while_a_rule_is_on(): void {
		AlertScheduler::unschedule();
		try {
			( new AlertScheduler() )->sync();
			$this->assertFalse( wp_next_scheduled( AlertScheduler::HOOK ), 'nothing runs while every rule is off' );

			$this->admin_request( 'POST', '/alerts/rules/stuck', array( 'enabled' => true, 'minutes' => 30 ) );
			$this->assertIsInt( wp_next_scheduled( AlertScheduler::HOOK ) );
			$this->assertSame( 'dm_jobs_alerts_five_minutes', wp_get_schedule( AlertScheduler::HOOK ) );

			Fixtures::job( $this->pipeline_id, $this->flow_id, 'pending', gmdate( 'Y-m-d H:i:s', time() - HOUR_IN_SECONDS ) );
			do_action( AlertScheduler::HOOK );
			$this->assertCount( 1, $this->mails );

			$this->admin_request( 'POST', '/alerts/rules/stuck', array( 'enabled' => false ) );
			$this->assertFalse( wp_next_scheduled( AlertScheduler::HOOK ) );
		} finally {
			AlertScheduler::unschedule();
		}
	}
}
