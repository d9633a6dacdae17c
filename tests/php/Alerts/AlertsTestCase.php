<?php
/**
 * Shared set-up for the alert tests: empty rollups and alert state, a pipeline with a flow, emails
 * captured at WordPress's `pre_wp_mail` (wp_mail builds the message; nothing of ours is replaced),
 * `dm_jobs_alert` actions recorded, and an evaluator whose clock the test moves.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Alerts;

use DMJobs\Alerts\AlertEvaluator;
use DMJobs\Alerts\AlertSettings;
use DMJobs\Alerts\AlertState;
use DMJobs\Alerts\StuckCutoff;
use DMJobs\Metrics\Repository\RollupRepository;
use DMJobs\Metrics\RollupService;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

abstract class AlertsTestCase extends TestCase {

	/**
	 * @var array<int, array{to: string|string[], subject: string, message: string}>
	 */
	protected array $mails = array();

	/**
	 * @var array<int, array{0: array<string, mixed>, 1: string}>
	 */
	protected array $announced = array();

	protected int $pipeline_id;
	protected int $flow_id;
	protected int $now;

	protected function setUp(): void {
		parent::setUp();
		update_option( 'timezone_string', 'UTC' );
		update_option( 'gmt_offset', 0 );
		update_option( 'admin_email', 'site-admin@example.test' );
		( new RollupRepository() )->delete_all();
		delete_option( AlertSettings::OPTION );
		delete_option( AlertState::OPTION );
		delete_option( AlertState::LOCK_OPTION );
		StuckCutoff::forget();
		$this->pipeline_id = Fixtures::pipeline( 'Feeds' );
		$this->flow_id     = Fixtures::flow( $this->pipeline_id, 'Hourly import' );
		$this->now         = time();
		add_filter( 'pre_wp_mail', array( $this, 'capture_mail' ), 99, 2 );
		add_action( 'dm_jobs_alert', array( $this, 'capture_alert' ), 10, 2 );
	}

	protected function tearDown(): void {
		remove_filter( 'pre_wp_mail', array( $this, 'capture_mail' ), 99 );
		remove_action( 'dm_jobs_alert', array( $this, 'capture_alert' ), 10 );
		StuckCutoff::forget();
		parent::tearDown();
	}

	/**
	 * WordPress's own short-circuit of wp_mail(): the arguments wp_mail() was called with.
	 *
	 * @param null|bool            $short_circuit
	 * @param array<string, mixed> $atts
	 */
	public function capture_mail( $short_circuit, $atts ): bool {
		$this->mails[] = $atts;
		return true;
	}

	/**
	 * @param array<string, mixed> $alert
	 */
	public function capture_alert( $alert, $event ): void {
		$this->announced[] = array( $alert, $event );
	}

	/**
	 * @param array<string, mixed> $values
	 */
	protected function enable( string $rule, array $values = array() ): void {
		( new AlertSettings() )->save_rule( $rule, array( 'enabled' => true ) + $values );
	}

	protected function evaluator(): AlertEvaluator {
		return new AlertEvaluator( now: fn (): int => $this->now );
	}

	/**
	 * @return array<string, mixed>
	 */
	protected function evaluate(): array {
		return $this->evaluator()->run();
	}

	/**
	 * Jobs straight into dm_jobs, as Data Machine writes them, in multi-row statements.
	 */
	protected function insert_jobs( int $count, string $status, int $created_at, ?int $completed_at = null, ?int $flow_id = null ): void {
		global $wpdb;
		$flow     = $flow_id ?? $this->flow_id;
		$pipeline = null === $flow_id ? $this->pipeline_id : (int) $wpdb->get_var( $wpdb->prepare( "SELECT pipeline_id FROM {$wpdb->prefix}dm_flows WHERE flow_id = %d", $flow ) );
		for ( $done = 0; $done < $count; $done += 200 ) {
			$rows   = array();
			$values = array();
			for ( $i = $done; $i < min( $count, $done + 200 ); $i++ ) {
				$rows[] = '(%d, %d, %s, %s, %s, ' . ( null === $completed_at ? 'NULL' : '%s' ) . ')';
				array_push( $values, $pipeline, $flow, $status, '{}', gmdate( 'Y-m-d H:i:s', $created_at ) );
				if ( null !== $completed_at ) {
					$values[] = gmdate( 'Y-m-d H:i:s', $completed_at );
				}
			}
			$this->assertNotFalse( $wpdb->query( $wpdb->prepare( "INSERT INTO {$wpdb->prefix}dm_jobs (pipeline_id, flow_id, status, engine_data, created_at, completed_at) VALUES " . implode( ', ', $rows ), $values ) ) );
		}
	}

	protected function catch_up(): void {
		( new RollupService() )->catch_up( 60 );
	}

	/**
	 * @return array<int, array<string, mixed>> Audit entries of the alerts category, newest first.
	 */
	protected function alert_audit(): array {
		return $this->admin_request( 'GET', '/audit', array( 'category' => 'alerts', 'per_page' => 100 ) )->get_data();
	}
}
