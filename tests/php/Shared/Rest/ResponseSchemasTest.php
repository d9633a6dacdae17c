<?php
/**
 * Every admin, metrics and alert route answers exactly what its declared response schema says (the schema the
 * TypeScript types and guards in src/generated/rest-contract.ts are generated from), with real data: fields in
 * the schema's order, required ones present, values valid, maps as JSON objects even when empty.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Shared\Rest;

use DMJobs\Alerts\AlertNotices;
use DMJobs\Alerts\Schema\AlertSchema;
use DMJobs\Alerts\AlertSettings;
use DMJobs\Alerts\AlertState;
use DMJobs\Alerts\StuckCutoff;
use DMJobs\Audit\Schema\AuditSchema;
use DMJobs\Maintenance\Schema\MaintenanceSchema;
use DMJobs\Metrics\Reports\Schema\PipelineReportSchema;
use DMJobs\Metrics\Repository\RollupRepository;
use DMJobs\Metrics\RollupService;
use DMJobs\Metrics\Schema\MetricsSchema;
use DMJobs\Operations\Schema\OperationSchema;
use DMJobs\Pipelines\Schema\PipelineSchema;
use DMJobs\Retention\Schema\RetentionSchema;
use DMJobs\Shared\Rest\ResponseSchemas;
use DMJobs\Tests\AdminTools\AdminToolsTestCase;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\ResponseSchemaAssertions;

PHP_SAPI === 'cli' || exit;

final class ResponseSchemasTest extends AdminToolsTestCase {

	use ResponseSchemaAssertions;

	protected function setUp(): void {
		parent::setUp();
		update_option( 'timezone_string', 'UTC' );
		update_option( 'gmt_offset', 0 );
		( new RollupRepository() )->delete_all();
		delete_option( AlertSettings::OPTION );
		delete_option( AlertState::OPTION );
		delete_option( AlertState::LOCK_OPTION );
		StuckCutoff::forget();
		add_filter( 'pre_wp_mail', '__return_true' );
	}

	protected function tearDown(): void {
		remove_filter( 'pre_wp_mail', '__return_true' );
		StuckCutoff::forget();
		parent::tearDown();
	}

	public function test_retention_audit_report_and_maintenance_answer_their_schemas(): void {
		foreach ( array( 'completed', 'completed', 'failed - timeout', 'cancelled' ) as $status ) {
			$this->job( $status );
		}
		$stuck = $this->job( 'processing', $this->days_ago( 1 ) );

		$state = $this->answer( 'GET', '/retention' );
		$this->assertNull( $state['last_run'] );
		$this->answer( 'POST', '/retention', array( 'completed_days' => 30 ) );
		$dry_run = $this->answer( 'POST', '/retention/run', array( 'dry_run' => true ) );
		$this->assertTrue( $dry_run['dry_run'] );
		$report = $this->answer(
			'POST',
			'/retention/run',
			array(
				'dry_run' => false,
				'confirm' => true,
			)
		);
		$this->assertSame( 'completed', $report['state'] );
		$this->assertSame( 2, $report['removed']->completed );
		$state = $this->answer( 'GET', '/retention' );
		$this->assertSame( 'completed', $state['last_run']['state'] );

		$entries = $this->answer( 'GET', '/audit' );
		$this->assertContains( 'retention.run', array_column( $entries, 'action' ) );
		$this->assertContains( 'retention.settings_saved', $this->answer( 'GET', '/audit/actions' ) );

		$report = $this->answer( 'GET', '/reports/pipelines', array( 'after' => '2020-01-01T00:00:00Z' ) );
		$this->assertSame( 3, $report['totals']['total'] );
		$empty = $this->answer( 'GET', '/reports/pipelines', array( 'after' => '2001-01-01T00:00:00Z', 'before' => '2001-01-02T00:00:00Z' ) );
		$this->assertSame( array(), $empty['pipelines'] );

		$metrics = $this->answer( 'GET', '/maintenance/metrics', array( 'refresh' => true ) );
		$this->assertSame( array( $stuck ), array_column( $metrics['stuck']['sample'], 'id' ) );
		$this->assertTrue( $this->answer( 'GET', '/maintenance/metrics' )['cached'] );

		$first = $this->answer( 'GET', '/jobs/changes', array( 'watch' => array( $stuck ) ) );
		$this->assertSame( array( $stuck ), array_column( $first['watched'], 'id' ) );
		$this->job( 'pending', $this->days_ago( 0 ) );
		$moved = $this->answer( 'GET', '/jobs/changes', array( 'token' => 'abc', 'since_id' => $stuck ) );
		$this->assertSame( 1, $moved['new_jobs'] );
		$this->answer( 'GET', '/jobs/counts' );

		$this->assertSame( array( 'Admin tools pipeline' ), array_column( $this->answer( 'GET', '/pipelines' ), 'name' ) );
		$this->assertCount( 2, $this->answer( 'GET', '/flows' ) );
	}

	public function test_every_operation_preview_and_the_operation_list_answer_their_schemas(): void {
		$ids = array( $this->job( 'completed' ), $this->job( 'failed' ) );
		$this->add_log( $ids[0] );
		$previews = array(
			'delete_jobs'             => array( 'ids' => $ids ),
			'update_status'           => array(
				'ids'           => $ids,
				'target_status' => 'cancelled',
			),
			'cleanup_jobs'            => array( 'statuses' => array( 'completed' ) ),
			'cleanup_orphan_jobs'     => array(),
			'cleanup_processed_items' => array( 'flow_id' => $this->flow_id ),
			'cleanup_orphan_logs'     => array(),
			'cleanup_orphan_files'    => array(),
			'shed_engine_data'        => array( 'older_than_days' => 30 ),
			'optimize_tables'         => array(),
			'prune_audit'             => array( 'older_than_days' => 30 ),
		);
		foreach ( $previews as $type => $params ) {
			$preview = $this->answer( 'POST', '/operations', array( 'type' => $type, 'dry_run' => true ) + $params );
			$this->assertAnswerMatches( $preview, OperationSchema::preview(), "{$type} preview" );
		}
		// Nothing matches: the counts by status are still a map.
		$none = $this->answer( 'POST', '/operations', array( 'type' => 'cleanup_jobs', 'dry_run' => true, 'statuses' => array( 'agent_skipped' ) ) );
		$this->assertSame( 0, $none['count'] );

		$params = array( 'statuses' => array( 'failed' ) );
		$this->start( 'cleanup_jobs', $params, $this->preview( 'cleanup_jobs', $params ) );
		$this->assertCount( 1, $this->answer( 'GET', '/operations' ) );
	}

	public function test_metrics_answers_match_their_schemas(): void {
		$other = Fixtures::pipeline( 'Second' );
		$flow  = Fixtures::flow( $other, 'Second flow' );
		$now   = time();
		for ( $index = 0; $index < 40; $index++ ) {
			$created = $now - ( $index % 10 ) * DAY_IN_SECONDS - 3600;
			Fixtures::job( $this->pipeline_id, $this->flow_id, 0 === $index % 4 ? 'failed - timeout' : 'completed', gmdate( 'Y-m-d H:i:s', $created ), gmdate( 'Y-m-d H:i:s', $created + 30 + $index ) );
			Fixtures::job( $other, $flow, 0 === $index % 9 ? 'cancelled' : 'completed_no_items', gmdate( 'Y-m-d H:i:s', $created ), gmdate( 'Y-m-d H:i:s', $created + 5 ) );
		}
		$this->answer( 'GET', '/metrics/capacity' );
		( new RollupService() )->catch_up( 120 );

		$degradation = $this->answer( 'GET', '/metrics/degradation' );
		$this->assertCount( 2, $degradation['pipelines'] );
		$capacity = $this->answer( 'GET', '/metrics/capacity', array( 'max_size_mb' => 1 ) );
		$this->assertIsArray( $capacity['limit'] );
		foreach ( array( '24h', '7d', '90d' ) as $range ) {
			$resources = $this->answer( 'GET', '/metrics/resources', array( 'range' => $range ) );
			$this->assertSame( $range, $resources['range']['preset'] );
			$this->answer( 'GET', '/metrics', array( 'range' => $range ) );
		}
		$this->answer( 'GET', '/metrics/rollup' );
		$this->answer( 'POST', '/metrics/rollup' );
	}

	public function test_alert_answers_match_their_schemas(): void {
		$this->job( 'processing', $this->days_ago( 1 ) );
		$this->answer( 'GET', '/alerts' );
		$this->answer( 'POST', '/alerts', array( 'recipients' => array( 'ops@example.test' ) ) );
		$this->answer(
			'POST',
			'/alerts/rules/stuck',
			array(
				'enabled' => true,
				'minutes' => 30,
			)
		);
		$preview = $this->answer( 'GET', '/alerts/preview', array( 'rule' => 'stuck' ) );
		$this->assertCount( 1, $preview['alerts'] );
		$evaluated = $this->answer( 'POST', '/alerts/evaluate' );
		$stuck     = array_column( $evaluated['rules'], null, 'id' )['stuck'];
		$this->assertCount( 1, $stuck['active'] );
		$this->assertSame( 'stuck', $this->answer( 'GET', '/alerts' )['rules'][2]['id'] );
		$this->assertTrue( $this->answer( 'POST', '/alerts/test' )['emailed'] );
		$token = ( new AlertNotices() )->for_user( get_current_user_id(), time() )[0]['token'];
		$this->assertSame( $token, $this->answer( 'POST', '/alerts/dismiss', array( 'key' => $token ) )['dismissed'] );
	}

	public function test_schemas_name_their_shared_parts_once(): void {
		$this->assertSame( ResponseSchemas::actor(), OperationSchema::operation()['properties']['actor'] );
		$this->assertSame( ResponseSchemas::actor(), AuditSchema::entry()['properties']['actor'] );
		$this->assertSame( ResponseSchemas::actor(), RetentionSchema::report()['properties']['actor'] );
		$this->assertSame( MetricsSchema::progress(), MetricsSchema::capacity()['properties']['rollup'] );
		$this->assertSame( MetricsSchema::bucket(), MetricsSchema::overview()['properties']['volume']['items']['allOf'][0] );
		$this->assertSame( AlertSchema::alerts(), AlertSchema::evaluation()['allOf'][1] );
		$this->assertSame( MaintenanceSchema::table_size()['title'], 'dm-table-size' );
		$this->assertSame( 'dm-pipeline-report', PipelineReportSchema::report()['title'] );
		$this->assertSame( 'dm-alerts', AlertSchema::alerts()['title'] );
		$this->assertSame( 'dm-pipeline', PipelineSchema::pipeline()['title'] );
	}
}
