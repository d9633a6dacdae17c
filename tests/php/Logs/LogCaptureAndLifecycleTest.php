<?php
/**
 * The PHP function, Data Machine's dm_log capture, deletion with the job, and inert payloads.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Logs;

use DMJobs\Logs\LogService;
use DMJobs\Logs\Repository\LogRepository;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

/**
 * Instantiating this class would be visible.
 */
PHP_SAPI === 'cli' || exit;

final class DmJobsLogTripwire {
	public static int $woken = 0;
	public string $command   = 'rm -rf /';

	public function __wakeup(): void {
		++self::$woken;
	}

	public function __destruct() {
		++self::$woken;
	}
}

final class LogCaptureAndLifecycleTest extends TestCase {

	private int $pipeline_id;
	private int $flow_id;
	private int $job_id;

	protected function setUp(): void {
		parent::setUp();
		LogService::forget_known_jobs();
		$this->pipeline_id = Fixtures::pipeline( 'Capture' );
		$this->flow_id     = Fixtures::flow( $this->pipeline_id, 'Hourly' );
		$this->job_id      = Fixtures::job( $this->pipeline_id, $this->flow_id, 'processing', '2026-01-01 00:00:00' );
	}

	/**
	 * @return array<int, array<string, mixed>>
	 */
	private function lines( int $job_id ): array {
		return dm_jobs_test_log_lines( $job_id );
	}

	public function test_php_function_truncates_with_a_flag_instead_of_failing(): void {
		$line = dm_jobs_log( $this->job_id, 'info', str_repeat( 'x', LogService::MAX_MESSAGE_CHARS + 500 ), array( 'big' => str_repeat( 'y', LogService::MAX_CONTEXT_BYTES ) ), str_repeat( 's', 150 ) );
		$this->assertIsArray( $line );
		$this->assertTrue( $line['truncated'] );
		$this->assertSame( LogService::MAX_MESSAGE_CHARS, mb_strlen( $line['message'] ) );
		$this->assertSame( 100, mb_strlen( (string) $line['step'] ) );
		$this->assertTrue( $line['context']['_truncated'] );
		$this->assertGreaterThan( LogService::MAX_CONTEXT_BYTES, $line['context']['original_bytes'] );

		$bad = dm_jobs_log( $this->job_id, 'verbose', 'x' );
		$this->assertWPError( $bad, 'rest_invalid_param' );
		$this->assertWPError( dm_jobs_log( $this->job_id, 'info', '   ' ), 'rest_invalid_param' );
		$this->assertWPError( dm_jobs_log( 999999, 'info', 'x' ), 'dm_jobs_job_not_found' );
		$this->assertCount( 1, $this->lines( $this->job_id ) );

		// Invalid UTF-8 is stored without breaking JSON.
		$line = dm_jobs_log( $this->job_id, 'notice', "bad \xC3\x28 bytes", array( 'raw' => "\xFF" ) );
		$this->assertIsArray( $line );
		$this->assertNotFalse( wp_json_encode( $line ) );
	}

	public function test_dm_log_calls_with_a_job_id_are_captured(): void {
		if ( \DMJobs\Tests\Fixtures::today() ) {
			$this->markTestSkipped( 'Today\'s Data Machine stores its own lines (datamachine_logs); TodaysGenerationTest reads them there.' );
		}
		do_action( 'dm_log', 'error', 'Step execution failed', array( 'job_id' => $this->job_id, 'flow_step_id' => 'abc_' . $this->flow_id, 'exception' => 'boom', 'http_status' => 502 ) );
		do_action( 'dm_log', 'WARN', 'Loose level', array( 'job_id' => (string) $this->job_id ) );
		do_action( 'datamachine_log', 'debug', 'Newer Data Machine hook', array( 'job_id' => $this->job_id, 'step_type' => 'fetch' ) );
		// Ignored: no job, unknown job, management operations, odd arguments.
		do_action( 'dm_log', 'info', 'No job here', array( 'flow_id' => 3 ) );
		do_action( 'dm_log', 'info', 'Unknown job', array( 'job_id' => 999999 ) );
		do_action( 'dm_log', 'clear_all', null, null );
		do_action( 'dm_log', 'cleanup', 10, 30 );
		do_action( 'dm_log', 'error', array( 'not a string' ), array( 'job_id' => $this->job_id ) );
		do_action( 'dm_log', 'error', 'context is a string', 'job_id=' . $this->job_id );
		do_action( 'dm_log', 'error' );

		$lines = $this->lines( $this->job_id );
		$this->assertSame( array( 'Step execution failed', 'Loose level', 'Newer Data Machine hook' ), array_column( $lines, 'message' ) );
		$this->assertSame( array( 'error', 'warning', 'debug' ), array_column( $lines, 'level' ) );
		$this->assertSame( 'abc_' . $this->flow_id, $lines[0]['step'] );
		$this->assertSame( 502, $lines[0]['http_status'] );
		$this->assertSame( 'boom', $lines[0]['context']['exception'] );
		$this->assertSame( 'fetch', $lines[2]['step'] );

		// A site can opt out.
		add_filter( 'dm_jobs_capture_dm_log', '__return_false' );
		do_action( 'dm_log', 'info', 'Not captured', array( 'job_id' => $this->job_id ) );
		remove_filter( 'dm_jobs_capture_dm_log', '__return_false' );
		$this->assertCount( 3, $this->lines( $this->job_id ) );
	}

	public function test_logs_are_deleted_with_their_jobs(): void {
		$other = Fixtures::job( $this->pipeline_id, $this->flow_id, 'failed', '2026-01-01 00:00:00', '2026-01-01 00:01:00' );
		$third = Fixtures::job( $this->pipeline_id, $this->flow_id, 'failed', '2026-01-01 00:00:00', '2026-01-01 00:01:00' );
		foreach ( array( $this->job_id, $other, $third ) as $job ) {
			for ( $i = 0; $i < 3; $i++ ) {
				dm_jobs_log( $job, 'info', 'line ' . $i );
			}
		}

		// DELETE /jobs/{id} fires dm_jobs_job_deleted.
		$this->assertSame( 200, $this->admin_request( 'DELETE', '/jobs/' . $this->job_id )->get_status() );
		$this->assertSame( array(), $this->lines( $this->job_id ) );
		$this->assertCount( 3, $this->lines( $other ) );

		// Bulk deletions fire dm_jobs_jobs_deleted with the IDs.
		do_action( 'dm_jobs_jobs_deleted', array( $other, 'junk', -4 ) );
		$this->assertSame( array(), $this->lines( $other ) );
		$this->assertCount( 3, $this->lines( $third ) );

		// A deleted job takes no new lines.
		$this->assertWPError( dm_jobs_log( $this->job_id, 'info', 'after delete' ), 'dm_jobs_job_not_found' );
	}

	public function test_long_logs_finish_deleting_in_wp_cron(): void {
		for ( $i = 0; $i < 12; $i++ ) {
			dm_jobs_log( $this->job_id, 'info', 'line ' . $i );
		}
		$limit = static fn (): int => 5;
		add_filter( 'dm_jobs_log_delete_inline_limit', $limit );
		do_action( 'dm_jobs_jobs_deleted', array( $this->job_id ) );
		remove_filter( 'dm_jobs_log_delete_inline_limit', $limit );

		$repository = new LogRepository();
		$this->assertSame( 7, $repository->count_for_job( $this->job_id ), 'five deleted in the request' );
		$args = array( array( $this->job_id ) );
		$this->assertNotFalse( wp_next_scheduled( \DMJobs\Logs\LogHooks::DELETE_EVENT, $args ) );

		do_action( \DMJobs\Logs\LogHooks::DELETE_EVENT, array( $this->job_id ) );
		$this->assertSame( 0, $repository->count_for_job( $this->job_id ) );
		wp_clear_scheduled_hook( \DMJobs\Logs\LogHooks::DELETE_EVENT, $args );
	}

	public function test_counts_of_long_logs_are_cached_until_a_line_is_added(): void {
		for ( $i = 0; $i < 6; $i++ ) {
			dm_jobs_log( $this->job_id, 0 === $i % 2 ? 'info' : 'error', 'line ' . $i, array(), 'fetch' );
		}
		$stats = new \DMJobs\Jobs\Details\LogStats( new LogRepository(), 5 );
		$first = $stats->for_job( $this->job_id );
		$this->assertSame( 3, $first['by_level']['error'] );
		$this->assertSame( 6, $first['steps'][0]['lines'] );
		$this->assertIsArray( get_transient( 'dm_jobs_log_stats_' . $this->job_id ) );

		// A cached answer is reused while no line is added...
		global $wpdb;
		if ( \DMJobs\Tests\Fixtures::today() ) {
			// Today's Data Machine: the lines are its own, in datamachine_logs (only this job's exist here).
			$wpdb->query( 'UPDATE ' . \DMJobs\Schema\Repository\TableNames::data_machine_logs() . " SET level = 'debug'" );
		} else {
			$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->prefix}dm_job_logs SET level = 'debug' WHERE job_id = %d", $this->job_id ) );
		}
		$this->assertSame( $first, $stats->for_job( $this->job_id ) );
		// ...and recomputed after one is.
		dm_jobs_log( $this->job_id, 'critical', 'new' );
		$this->assertSame( array( 'critical' => 1, 'debug' => 6 ), $stats->for_job( $this->job_id )['by_level'] );

		// Once the job and its lines are gone, the cached counts are never served again.
		do_action( 'dm_jobs_job_deleted', $this->job_id, array( 'id' => $this->job_id ) );
		$this->assertSame(
			array(
				'by_level' => array(),
				'steps'    => array(),
			),
			$stats->for_job( $this->job_id )
		);
	}

	public function test_batched_delete_removes_every_line(): void {
		for ( $i = 0; $i < 23; $i++ ) {
			dm_jobs_log( $this->job_id, 'info', 'line ' . $i );
		}
		$deleted = ( new LogRepository() )->delete_for_jobs( array( $this->job_id ), 5 );
		$this->assertSame( 23, $deleted );
		$this->assertSame( 0, ( new LogRepository() )->count_for_job( $this->job_id ) );
	}

	public function test_serialized_object_payloads_stay_inert(): void {
		DmJobsLogTripwire::$woken = 0;
		$serialized               = serialize( array( 'payload' => new DmJobsLogTripwire(), 'error_message' => 'HTTP 500 from feed' ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.serialize_serialize
		DmJobsLogTripwire::$woken = 0;

		$job = Fixtures::job( $this->pipeline_id, $this->flow_id, 'failed', '2026-01-01 00:00:00', '2026-01-01 00:01:00', array( 'engine_data' => $serialized ) );
		dm_jobs_log( $job, 'error', $serialized, array( 'raw' => $serialized ) );

		$detail = $this->admin_request( 'GET', '/jobs/' . $job );
		$this->assertSame( 200, $detail->get_status() );
		$data = $detail->get_data();
		$this->assertSame( DmJobsLogTripwire::class, $data['engine_data']['payload']['__php_class'] );
		$this->assertSame( 'http_5xx', $data['resolution']['code'] );

		$lines = $this->admin_request( 'GET', '/jobs/' . $job . '/logs' )->get_data()['items'];
		$this->assertSame( $serialized, $lines[0]['message'], 'kept as the literal string' );
		$this->assertSame( $serialized, $lines[0]['context']['raw'] );

		$export = '';
		$this->admin_request( 'GET', '/jobs/' . $job . '/logs/export', array( 'format' => 'json' ) )->stream(
			static function ( string $chunk ) use ( &$export ): void {
				$export .= $chunk;
			}
		);
		$this->assertStringContainsString( 'DmJobsLogTripwire', $export );
		$this->assertSame( 0, DmJobsLogTripwire::$woken, 'the serialized object was instantiated' );
	}

	private function assertWPError( mixed $value, string $code ): void {
		$this->assertInstanceOf( \WP_Error::class, $value );
		$this->assertSame( $code, $value->get_error_code() );
	}
}

/**
 * Every line of a job, through the service (oldest first).
 *
 * @return array<int, array<string, mixed>>
 */
function dm_jobs_test_log_lines( int $job_id ): array {
	return ( new LogService() )->page( new \DMJobs\Logs\LogQuery( $job_id, per_page: 1000 ) )['items'];
}
