<?php
/**
 * @package DMJobs
 */

namespace DMJobs\Tests\Demo;

use DMJobs\Demo\DemoSeeder;
use DMJobs\Jobs\EngineDataDecoder;
use DMJobs\Status\StatusParser;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class DemoSeederTest extends TestCase {

	public function test_seeds_data_machines_real_mix(): void {
		global $wpdb;
		$summary = ( new DemoSeeder() )->seed( 900, true );

		$this->assertSame( 900, $summary['jobs'] );
		$this->assertSame( 900, Fixtures::job_count() );
		$this->assertSame( array_sum( $summary['by_status'] ), 900 );

		$rows  = $wpdb->get_results( "SELECT status, engine_data, created_at, completed_at FROM {$wpdb->prefix}dm_jobs", ARRAY_A );
		$bases = array();
		$json  = 0;
		$php   = 0;
		foreach ( $rows as $row ) {
			$parsed                            = StatusParser::parse( $row['status'] );
			$bases[ $parsed->base_value() ][] = $row['status'];
			$this->assertNotNull( $parsed->base, "unrecognised seeded status {$row['status']}" );
			$this->assertLessThanOrEqual( 20, strlen( $row['status'] ), 'a seeded status does not fit Data Machine\'s varchar(20)' );
			$this->assertGreaterThan( gmdate( 'Y-m-d H:i:s', time() - 91 * DAY_IN_SECONDS ), $row['created_at'] );
			$this->assertSame( $parsed->is_final(), null !== $row['completed_at'], "completed_at of {$row['status']}" );

			str_starts_with( $row['engine_data'], '{' ) ? ++$json : ++$php;
			$data = EngineDataDecoder::decode( $row['engine_data'] );
			$this->assertIsArray( $data );
			if ( 'failed' === $parsed->base_value() ) {
				$this->assertNotEmpty( $data['error_message'] );
				$this->assertNotEmpty( $data['error_step_id'] );
				$this->assertNotEmpty( $data['error_trace'] );
			}
		}

		foreach ( array( 'completed_no_items', 'agent_skipped', 'completed', 'failed', 'processing', 'pending', 'cancelled' ) as $base ) {
			$this->assertArrayHasKey( $base, $bases, "no {$base} jobs seeded" );
		}
		$this->assertGreaterThan( count( $bases['completed'] ) + count( $bases['failed'] ), count( $bases['completed_no_items'] ) + count( $bases['agent_skipped'] ), 'most jobs should find nothing new or be skipped' );
		$this->assertNotEmpty( array_filter( $bases['failed'], static fn ( string $raw ): bool => 'failed' !== $raw ), 'no compound failed statuses' );
		$this->assertContains( 'running', $bases['processing'] );
		$this->assertGreaterThan( 100, $json );
		$this->assertGreaterThan( 100, $php );
		$this->assertLessThan( count( $bases['completed_no_items'] ), count( $bases['pending'] ) + count( $bases['processing'] ) );

		$this->assertGreaterThan( 0, $summary['processed_items'] );
		$this->assertSame( (string) $summary['processed_items'], (string) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}dm_processed_items" ) );
	}

	public function test_newest_jobs_get_step_logs_and_reset_clears_them(): void {
		global $wpdb;
		$logs = $wpdb->prefix . 'dm_job_logs';
		( new DemoSeeder() )->seed( 60, true, 7, 20 );
		$with_logs = $wpdb->get_col( "SELECT DISTINCT job_id FROM {$logs}" );
		$newest    = $wpdb->get_col( "SELECT job_id FROM {$wpdb->prefix}dm_jobs ORDER BY job_id DESC LIMIT 20" );
		$failed    = $wpdb->get_col( "SELECT job_id FROM {$wpdb->prefix}dm_jobs WHERE status LIKE 'failed%'" );
		$this->assertNotEmpty( $failed );
		$this->assertEqualsCanonicalizing( array_unique( array_merge( $newest, $failed ) ), $with_logs, 'the newest jobs and every failed one have a log, no other' );
		foreach ( $wpdb->get_results( "SELECT job_id, status FROM {$wpdb->prefix}dm_jobs WHERE job_id IN (" . implode( ',', array_map( 'intval', $newest ) ) . ')', ARRAY_A ) as $job ) {
			$errors = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$logs} WHERE job_id = %d AND level = 'error'", $job['job_id'] ) );
			$this->assertSame( 'failed' === StatusParser::parse( $job['status'] )->base_value() ? 1 : 0, $errors, "error lines of a {$job['status']} job" );
		}

		( new DemoSeeder() )->seed( 5, true );
		$this->assertSame( '0', (string) $wpdb->get_var( "SELECT COUNT(*) FROM {$logs} WHERE job_id NOT IN (SELECT job_id FROM {$wpdb->prefix}dm_jobs)" ), 'reset left the old jobs\' lines' );
	}

	public function test_reset_replaces_and_no_reset_adds(): void {
		$seeder = new DemoSeeder();
		$seeder->seed( 50, true );
		$seeder->seed( 30 );
		$this->assertSame( 80, Fixtures::job_count() );
		$seeder->seed( 10, true );
		$this->assertSame( 10, Fixtures::job_count() );

		global $wpdb;
		$seeder->seed( 0, true );
		$seeder->seed( 20 );
		$this->assertSame( '6', (string) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}dm_pipelines" ), 'seeding again duplicated the pipelines' );
	}

	public function test_every_run_tells_one_story(): void {
		global $wpdb;
		( new DemoSeeder() )->seed( 1500, true, 20261129, 400 );
		$now   = gmdate( 'Y-m-d H:i:s', time() + 1 );
		$flows = array();
		foreach ( $wpdb->get_results( "SELECT flow_id, flow_name, flow_config FROM {$wpdb->prefix}dm_flows", ARRAY_A ) as $flow ) {
			foreach ( json_decode( $flow['flow_config'], true ) as $flow_step_id => $step ) {
				$flows[ (int) $flow['flow_id'] ][ $step['step_type'] ] = array(
					'flow_step_id' => $flow_step_id,
					'handler'      => $step['handler_slug'] ?? null,
				);
			}
		}

		$failures = array();
		$rows     = $wpdb->get_results( "SELECT job_id, flow_id, status, engine_data, created_at, completed_at FROM {$wpdb->prefix}dm_jobs", ARRAY_A );
		foreach ( $rows as $row ) {
			$id = $row['job_id'];
			if ( null !== $row['completed_at'] ) {
				$this->assertGreaterThanOrEqual( $row['created_at'], $row['completed_at'], "job {$id} completed before it was created" );
			}
			$lines = $wpdb->get_results( $wpdb->prepare( "SELECT level, step, message, context, created_at FROM {$wpdb->prefix}dm_job_logs WHERE job_id = %d ORDER BY log_id", $id ), ARRAY_A );
			foreach ( $lines as $line ) {
				$this->assertGreaterThanOrEqual( $row['created_at'], $line['created_at'], "job {$id} logged before it was created" );
				$this->assertLessThanOrEqual( $row['completed_at'] ?? $now, $line['created_at'], "job {$id} logged after it finished" );
			}

			$parsed = StatusParser::parse( $row['status'] );
			if ( 'failed' !== $parsed->base_value() ) {
				continue;
			}
			$data   = EngineDataDecoder::decode( $row['engine_data'] );
			$reason = $data['error_reason'];
			$failures[ $reason ] = ( $failures[ $reason ] ?? 0 ) + 1;
			if ( null !== $parsed->reason ) {
				$this->assertSame( $parsed->reason, $reason, "job {$id}: the stored status and engine_data name different reasons" );
			}
			$step = null;
			foreach ( $flows[ (int) $row['flow_id'] ] as $type => $flow_step ) {
				$step = $flow_step['flow_step_id'] === $data['error_step_id'] ? $type : $step;
			}
			$this->assertNotNull( $step, "job {$id}: error_step_id is not a step of its flow" );
			$handler = $flows[ (int) $row['flow_id'] ][ $step ]['handler'] ?? null;
			if ( in_array( $reason, array( 'http_500', 'timeout' ), true ) ) {
				$this->assertContains( $step, array( 'fetch', 'publish' ), "job {$id}: {$reason} from a step that calls nothing" );
				if ( '' !== $handler ) { // Before the publish handler was removed, it named the handler it had then.
					$this->assertStringContainsString( "The {$handler} handler", $data['error_message'], "job {$id}: the message names another handler than the failed step's" );
				}
			}
			if ( 'no_config' === $reason ) {
				$this->assertSame( 'publish', $step );
				$this->assertSame( '', $handler, "job {$id}: not configured, yet its flow has a publish handler" );
			}
			if ( $lines ) {
				$error = array_values( array_filter( $lines, static fn ( array $line ): bool => 'error' === $line['level'] ) );
				$this->assertCount( 1, $error );
				$this->assertSame( $data['error_message'], $error[0]['message'], "job {$id}: the error line and engine_data disagree" );
				$this->assertSame( $step, $error[0]['step'] );
				$this->assertSame( $row['completed_at'], $error[0]['created_at'], "job {$id}: the run went on after its error" );
			}
		}
		$this->assertGreaterThanOrEqual( 4, count( $failures ), 'failures should come from several causes: ' . wp_json_encode( $failures ) );

		// The flow whose runs fail as "not configured" shows that in its configuration checks, and only that flow.
		$no_config = $wpdb->get_col( "SELECT job_id FROM {$wpdb->prefix}dm_jobs WHERE status = 'failed - no_config' ORDER BY job_id DESC LIMIT 1" );
		$this->assertNotEmpty( $no_config );
		$checks = $this->admin_request( 'GET', '/jobs/' . $no_config[0] )->get_data()['config_checks'];
		$this->assertContains( 'error', array_column( $checks, 'status' ), 'a "not configured" failure under configuration checks that find no problem' );
		$other = $wpdb->get_var( "SELECT job_id FROM {$wpdb->prefix}dm_jobs WHERE status = 'failed: http_500' ORDER BY job_id DESC LIMIT 1" );
		$checks = $this->admin_request( 'GET', '/jobs/' . $other )->get_data()['config_checks'];
		$this->assertNotContains( 'error', array_column( $checks, 'status' ) );
	}

	public function test_pipelines_differ_in_duration_and_one_gets_slower(): void {
		global $wpdb;
		( new DemoSeeder() )->seed( 3000, true );
		$rows = $wpdb->get_results(
			"SELECT p.pipeline_name, j.created_at, j.completed_at FROM {$wpdb->prefix}dm_jobs j JOIN {$wpdb->prefix}dm_pipelines p ON p.pipeline_id = j.pipeline_id WHERE j.status IN ('completed', 'complete')",
			ARRAY_A
		);
		$by_pipeline = array();
		$half        = gmdate( 'Y-m-d H:i:s', time() - 45 * DAY_IN_SECONDS );
		foreach ( $rows as $row ) {
			$by_pipeline[ $row['pipeline_name'] ][ $row['created_at'] < $half ? 'old' : 'new' ][] = strtotime( $row['completed_at'] ) - strtotime( $row['created_at'] );
		}
		$median = static function ( array $values ): float {
			sort( $values );
			return (float) $values[ intdiv( count( $values ), 2 ) ];
		};
		$all = array_map( static fn ( array $halves ): float => $median( array_merge( ...array_values( $halves ) ) ), $by_pipeline );
		$this->assertGreaterThan( 4 * min( $all ), max( $all ), 'every pipeline takes about as long: ' . wp_json_encode( $all ) );
		$slowing = $by_pipeline['AI Content Enrichment'];
		$this->assertGreaterThan( 1.4 * $median( $slowing['old'] ), $median( $slowing['new'] ), 'the slowing pipeline does not get slower' );
	}

	public function test_insights_tell_pipelines_apart(): void {
		update_option( 'timezone_string', 'UTC' );
		( new DemoSeeder() )->seed( 3000, true );
		( new \DMJobs\Metrics\RollupService() )->catch_up();
		$response = $this->admin_request( 'GET', '/metrics', array( 'range' => '90d' ) );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();

		$p95 = array_column( $data['durations'], 'p95_seconds', 'pipeline_name' );
		$this->assertCount( 6, $p95 );
		$this->assertGreaterThanOrEqual( 5, count( array_unique( $p95 ) ), 'p95 is the same for most pipelines: ' . wp_json_encode( $p95 ) );

		$trends = array_column( $data['duration_trend'], null, 'pipeline_name' );
		$this->assertCount( 6, $trends );
		$points = $trends['AI Content Enrichment']['points'];
		$mean   = static function ( array $points ): float {
			$sum   = 0.0;
			$timed = 0;
			foreach ( $points as $point ) {
				$sum   += (float) $point['avg_seconds'] * $point['timed'];
				$timed += $point['timed'];
			}
			return $sum / max( 1, $timed );
		};
		$third = intdiv( count( $points ), 3 );
		$this->assertGreaterThan( 1.5 * $mean( array_slice( $points, 0, $third ) ), $mean( array_slice( $points, -$third ) ), 'the slowing pipeline\'s trend does not rise' );
		$this->assertSame( array_sum( array_column( $points, 'timed' ) ), $trends['AI Content Enrichment']['timed_jobs'] );
	}
}
