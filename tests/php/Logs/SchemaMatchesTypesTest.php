<?php
/**
 * The REST schemas and the TypeScript types of the detail view stay in step: the test reads
 * src/features/job-details/types.ts and compares its field names with what the PHP side documents and sends.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Logs;

use DMJobs\Logs\LogService;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class SchemaMatchesTypesTest extends TestCase {

	/**
	 * Field names of an exported TS interface in src/features/job-details/types.ts.
	 *
	 * @return string[]
	 */
	private function ts_fields( string $interface ): array {
		$source = (string) file_get_contents( dirname( __DIR__, 3 ) . '/src/features/job-details/types.ts' );
		$this->assertMatchesRegularExpression( '/export interface ' . $interface . '\b/', $source );
		preg_match( '/export interface ' . $interface . '\b[^{]*\{(.*?)\n\}/s', $source, $body );
		// Drop comments, then take "name:" at the start of a line.
		$code = (string) preg_replace( '#/\*.*?\*/|//[^\n]*#s', '', $body[1] ?? '' );
		preg_match_all( '/^\s*([a-z_]+)\??:/m', $code, $names );
		$fields = $names[1];
		sort( $fields );
		return $fields;
	}

	public function test_log_line_type_matches_schema_and_response(): void {
		$response   = $this->admin_request( 'OPTIONS', '/jobs/1/logs' );
		$properties = array_keys( $response->get_data()['schema']['properties'] );
		sort( $properties );
		$this->assertSame( $this->ts_fields( 'LogLine' ), $properties );

		$pipeline = Fixtures::pipeline( 'Schema' );
		$job      = Fixtures::job( $pipeline, Fixtures::flow( $pipeline, 'Flow' ), 'processing', '2026-01-01 00:00:00' );
		LogService::forget_known_jobs();
		$line = dm_jobs_log( $job, 'info', 'x' );
		$keys = array_keys( $line );
		sort( $keys );
		$this->assertSame( $properties, $keys );

		$page = array_keys( $this->admin_request( 'GET', '/jobs/' . $job . '/logs' )->get_data() );
		sort( $page );
		$this->assertSame( $this->ts_fields( 'LogPage' ), $page );
	}

	public function test_job_detail_type_matches_the_added_fields(): void {
		$added = array( 'started_at', 'steps', 'failure_context', 'resolution', 'config_checks', 'api_responses', 'log_counts', 'engine_data', 'failure' );
		sort( $added );
		$this->assertSame( $this->ts_fields( 'JobDetail' ), $added );

		$pipeline = Fixtures::pipeline( 'Schema' );
		$job      = Fixtures::job( $pipeline, Fixtures::flow( $pipeline, 'Flow' ), 'failed', '2026-01-01 00:00:00', '2026-01-01 00:01:00' );
		$data     = $this->admin_request( 'GET', '/jobs/' . $job )->get_data();
		foreach ( $added as $field ) {
			$this->assertArrayHasKey( $field, $data );
		}
		$this->assertSame( $this->ts_fields( 'Resolution' ), $this->sorted_keys( $data['resolution'] ) );
		$this->assertSame( $this->ts_fields( 'ConfigCheck' ), $this->sorted_keys( $data['config_checks'][0] ) );
		$this->assertSame( $this->ts_fields( 'JobStep' ), $this->sorted_keys( $data['steps'][0] ?? array_fill_keys( $this->ts_fields( 'JobStep' ), 1 ) ) );
		$this->assertSame( $this->ts_fields( 'LogCounts' ), $this->sorted_keys( $data['log_counts'] ) );
		$this->assertSame( $this->ts_fields( 'FailureContext' ), $this->sorted_keys( $data['failure_context'] ) );
	}

	public function test_api_response_entry_type_matches(): void {
		$pipeline = Fixtures::pipeline( 'Schema' );
		$job      = Fixtures::job(
			$pipeline,
			Fixtures::flow( $pipeline, 'Flow' ),
			'failed',
			'2026-01-01 00:00:00',
			'2026-01-01 00:01:00',
			array( 'engine_data' => '{"api_response":{"http_status":500}}' )
		);
		$data = $this->admin_request( 'GET', '/jobs/' . $job )->get_data();
		$this->assertSame( $this->ts_fields( 'ApiResponseEntry' ), $this->sorted_keys( $data['api_responses'][0] ) );
	}

	/**
	 * @param array<string, mixed> $value
	 * @return string[]
	 */
	private function sorted_keys( array $value ): array {
		$keys = array_keys( $value );
		sort( $keys );
		return $keys;
	}
}
