<?php
/**
 * @package DMJobs
 */

namespace DMJobs\Tests\Demo;

use DMJobs\Demo\DemoSeeder;
use DMJobs\Payload\EngineDataDecoder;
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
		$this->assertCount( 20, $with_logs );
		$newest = $wpdb->get_col( "SELECT job_id FROM {$wpdb->prefix}dm_jobs ORDER BY job_id DESC LIMIT 20" );
		$this->assertEqualsCanonicalizing( $newest, $with_logs );
		foreach ( $wpdb->get_results( "SELECT job_id, status FROM {$wpdb->prefix}dm_jobs WHERE job_id IN (" . implode( ',', array_map( 'intval', $newest ) ) . ')', ARRAY_A ) as $job ) {
			$errors = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$logs} WHERE job_id = %d AND level = 'error'", $job['job_id'] ) );
			$this->assertSame( 'failed' === StatusParser::parse( $job['status'] )->base_value() ? 1 : 0, $errors, "error lines of a {$job['status']} job" );
		}

		( new DemoSeeder() )->seed( 5, true );
		$this->assertSame( '0', (string) $wpdb->get_var( "SELECT COUNT(*) FROM {$logs}" ) );
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
}
