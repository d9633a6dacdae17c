<?php
/**
 * The alerts REST routes: roles, validation (400 naming the field, nothing saved), what GET shows,
 * preview, "check now", and the list's "stuck" flag.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Alerts;

use DMJobs\Alerts\AlertSettings;
use DMJobs\Tests\Fixtures;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/AlertsTestCase.php';

final class AlertsRestTest extends AlertsTestCase {

	public function test_roles(): void {
		foreach ( array(
			array( 'GET', '/alerts', array() ),
			array( 'POST', '/alerts', array( 'cooldown_minutes' => 10 ) ),
			array( 'POST', '/alerts/rules/stuck', array( 'enabled' => true ) ),
			array( 'GET', '/alerts/preview', array( 'rule' => 'stuck' ) ),
			array( 'POST', '/alerts/evaluate', array() ),
			array( 'POST', '/alerts/test', array() ),
		) as [ $method, $route, $params ] ) {
			$this->act_as( 'anonymous' );
			$this->assertSame( 401, $this->request( $method, $route, $params )->get_status(), "{$method} {$route}" );
			$this->act_as( 'editor' );
			$this->assertSame( 403, $this->request( $method, $route, $params )->get_status(), "{$method} {$route}" );
		}
		$this->assertSame( array(), $this->mails );
		$this->assertSame( AlertSettings::defaults(), ( new AlertSettings() )->get() );
	}

	/**
	 * @return array<string, array{0: string, 1: array<string, mixed>, 2: string}>
	 */
	public function bad_values(): array {
		return array(
			'percent over 100'     => array( '/alerts/rules/failure_rate', array( 'threshold_percent' => 101 ), 'threshold_percent' ),
			'percent zero'         => array( '/alerts/rules/failure_rate', array( 'threshold_percent' => 0 ), 'threshold_percent' ),
			'percent text'         => array( '/alerts/rules/failure_rate', array( 'threshold_percent' => 'lots' ), 'threshold_percent' ),
			'hours too many'       => array( '/alerts/rules/failure_rate', array( 'hours' => 169 ), 'hours' ),
			'min jobs zero'        => array( '/alerts/rules/failure_rate', array( 'enabled' => true, 'min_jobs' => 0 ), 'min_jobs' ),
			'hours fractional'     => array( '/alerts/rules/failure_rate', array( 'hours' => 1.5 ), 'hours' ),
			'baseline days'        => array( '/alerts/rules/degraded', array( 'baseline_days' => 91 ), 'baseline_days' ),
			'recent hours'         => array( '/alerts/rules/degraded', array( 'recent_hours' => -1 ), 'recent_hours' ),
			'stuck minutes'        => array( '/alerts/rules/stuck', array( 'minutes' => 4 ), 'minutes' ),
			'enabled not boolean'  => array( '/alerts/rules/stuck', array( 'enabled' => 'maybe' ), 'enabled' ),
			'negative size'        => array( '/alerts/rules/table_size', array( 'max_mb' => -1 ), 'max_mb' ),
			'rows text'            => array( '/alerts/rules/table_size', array( 'max_rows' => '1e99' ), 'max_rows' ),
			'refresh minutes'      => array( '/alerts/rules/refresh_stale', array( 'minutes' => 0 ), 'minutes' ),
			'bad email'            => array( '/alerts', array( 'recipients' => array( 'ops@example.test', 'not an email' ) ), 'recipients' ),
			'recipients not array' => array( '/alerts', array( 'recipients' => array( 'a' => array( 'b' ) ) ), 'recipients' ),
			'duplicate email'      => array( '/alerts', array( 'recipients' => array( 'ops@example.test', 'ops@example.test' ) ), 'recipients' ),
			'cooldown too short'   => array( '/alerts', array( 'cooldown_minutes' => 1 ), 'cooldown_minutes' ),
		);
	}

	/**
	 * @dataProvider bad_values
	 * @param array<string, mixed> $params
	 */
	public function test_bad_values_are_refused_naming_the_field( string $route, array $params, string $field ): void {
		$this->assertInvalidParam( $this->admin_request( 'POST', $route, $params ), $field );
		$this->assertSame( AlertSettings::defaults(), ( new AlertSettings() )->get(), 'nothing saved' );
		$this->assertSame( array(), $this->alert_audit() );
	}

	public function test_unknown_rule_and_preview_rule(): void {
		$this->assertSame( 404, $this->admin_request( 'POST', '/alerts/rules/everything', array( 'enabled' => true ) )->get_status() );
		$this->assertInvalidParam( $this->admin_request( 'GET', '/alerts/preview', array( 'rule' => 'everything' ) ), 'rule' );
		$this->assertSame( 400, $this->admin_request( 'GET', '/alerts/preview' )->get_status() );
	}

	public function test_save_and_read(): void {
		$saved = $this->admin_request( 'POST', '/alerts', array( 'recipients' => array( 'ops@example.test' ), 'cooldown_minutes' => 15 ) )->get_data();
		$this->assertSame( array( 'ops@example.test' ), $saved['recipients'] );
		$this->assertSame( 15, $saved['cooldown_minutes'] );

		$rule  = $this->admin_request( 'POST', '/alerts/rules/failure_rate', array( 'enabled' => true, 'threshold_percent' => 33.5, 'hours' => 12 ) );
		$data  = $rule->get_data();
		$rules = array_column( $data['rules'], null, 'id' );
		$this->assertSame( array( 'failure_rate', 'degraded', 'stuck', 'table_size', 'refresh_stale' ), array_column( $data['rules'], 'id' ) );
		$this->assertSame( array( 'enabled' => true, 'threshold_percent' => 33.5, 'hours' => 12, 'min_jobs' => 10 ), $rules['failure_rate']['settings'] );
		$this->assertSame( array( 'type' => 'number', 'minimum' => 1, 'maximum' => 100, 'default' => 50 ), $rules['failure_rate']['fields']['threshold_percent'] );
		$this->assertSame( 'wp-cron', $data['schedule']['runner'] );
		$this->assertNotNull( $data['schedule']['next_run'] );

		$this->admin_request( 'POST', '/alerts', array( 'recipients' => array() ) );
		$this->assertSame( array( 'site-admin@example.test' ), $this->admin_request( 'GET', '/alerts' )->get_data()['effective_recipients'] );

		$audit = $this->alert_audit();
		$this->assertSame( array( 'alerts.settings_saved', 'alerts.settings_saved', 'alerts.settings_saved' ), array_column( $audit, 'action' ) );
		$this->assertSame( 'dm_jobs_test_administrator', $audit[0]['actor']['login'] );
		$this->assertSame( array(), $audit[0]['params']['after']['recipients'] );
		\DMJobs\Alerts\AlertScheduler::unschedule();
	}

	public function test_preview_and_check_now(): void {
		$job = Fixtures::job( $this->pipeline_id, $this->flow_id, 'processing', gmdate( 'Y-m-d H:i:s', time() - 2 * HOUR_IN_SECONDS ) );
		$preview = $this->admin_request( 'GET', '/alerts/preview', array( 'rule' => 'stuck' ) )->get_data();
		$this->assertSame( array( $job ), $preview['alerts'][0]['details']['oldest_ids'] );
		$this->assertIsFloat( $preview['took_ms'] );
		$this->assertSame( array(), $this->mails, 'a preview sends nothing' );

		$checked = $this->admin_request( 'POST', '/alerts/evaluate' )->get_data();
		$this->assertSame( array(), $checked['report']['rules'], 'no rule is on' );

		$this->admin_request( 'POST', '/alerts/rules/stuck', array( 'enabled' => true ) );
		$checked = $this->admin_request( 'POST', '/alerts/evaluate' )->get_data();
		$this->assertTrue( $checked['report']['rules']['stuck']['sent'] );
		$stuck = array_column( $checked['rules'], null, 'id' )['stuck'];
		$this->assertSame( 'stuck:site', $stuck['active'][0]['key'] );
		$this->assertNotNull( $stuck['active'][0]['since'] );
		$this->assertCount( 1, $this->mails );
		\DMJobs\Alerts\AlertScheduler::unschedule();
	}

	public function test_the_list_flags_stuck_jobs(): void {
		$old      = Fixtures::job( $this->pipeline_id, $this->flow_id, 'processing', gmdate( 'Y-m-d H:i:s', time() - 2 * HOUR_IN_SECONDS ) );
		$fresh    = Fixtures::job( $this->pipeline_id, $this->flow_id, 'pending', gmdate( 'Y-m-d H:i:s', time() - 10 * MINUTE_IN_SECONDS ) );
		$finished = Fixtures::job( $this->pipeline_id, $this->flow_id, 'failed', gmdate( 'Y-m-d H:i:s', time() - 5 * HOUR_IN_SECONDS ), gmdate( 'Y-m-d H:i:s', time() - 5 * HOUR_IN_SECONDS ) );

		$flags = static function ( array $items ): array {
			$flags = array_column( $items, 'is_stuck', 'id' );
			ksort( $flags );
			return $flags;
		};
		$this->assertSame( array( $old => true, $fresh => false, $finished => false ), $flags( $this->admin_request( 'GET', '/jobs' )->get_data() ) );

		$this->admin_request( 'POST', '/alerts/rules/stuck', array( 'minutes' => 5 ) );
		$this->assertSame( array( $old => true, $fresh => true, $finished => false ), $flags( $this->admin_request( 'GET', '/jobs' )->get_data() ) );
		$this->assertTrue( $this->admin_request( 'GET', "/jobs/{$fresh}" )->get_data()['is_stuck'] );
	}
}
