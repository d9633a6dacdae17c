<?php
/**
 * Cleanup under load (MariaDB): ≥100,000 old rows removed while 4 writer processes insert new jobs
 * (which the cleanup's filter would match): every new row survives, every eligible old row is gone,
 * no lock conflict reaches the caller. Then two cleanups started at the same moment in separate
 * processes: their counts add up to the eligible rows exactly.
 *
 * Runs on MariaDB only (on SQLite one writer at a time holds the whole database file).
 *
 * @group concurrency
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Operations;

use DMJobs\Audit\Actor;
use DMJobs\Operations\OperationParams;
use DMJobs\Operations\OperationService;
use DMJobs\Operations\OperationType;
use DMJobs\Shared\Repository\Retry;
use DMJobs\Tests\AdminTools\AdminToolsTestCase;
use DMJobs\Tests\CommittedTestCase;

PHP_SAPI === 'cli' || exit;


final class ConcurrencyTest extends CommittedTestCase {

	private const OLD_ROWS = 100000;
	private const WRITERS  = 4;

	private string $work_dir = '';

	protected function setUp(): void {
		if ( 'mariadb' !== getenv( 'DM_JOBS_TEST_DB' ) ) {
			$this->markTestSkipped( 'Concurrency is tested on MariaDB.' );
		}
		parent::setUp();
		$this->work_dir = sys_get_temp_dir() . '/dm-jobs-concurrency-' . getmypid();
		AdminToolsTestCase::remove_dir( $this->work_dir );
		mkdir( $this->work_dir, 0777, true );
	}

	protected function tearDown(): void {
		AdminToolsTestCase::remove_dir( $this->work_dir );
		parent::tearDown();
	}

	/**
	 * @return array<int, resource>
	 */
	private function spawn( array $args ): mixed {
		$command = array_merge( array( PHP_BINARY ), $args );
		$process = proc_open( $command, array( 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ), $pipes );
		$this->assertIsResource( $process );
		return array( $process, $pipes );
	}

	/**
	 * @return array{0: string, 1: string, 2: int} stdout, stderr, exit code
	 */
	private function finish( array $spawned ): array {
		[ $process, $pipes ] = $spawned;
		$out                 = stream_get_contents( $pipes[1] );
		$err                 = stream_get_contents( $pipes[2] );
		fclose( $pipes[1] );
		fclose( $pipes[2] );
		return array( (string) $out, (string) $err, proc_close( $process ) );
	}

	public function test_cleanup_of_100k_rows_while_four_writers_insert(): void {
		$wordpress = (string) getenv( 'DM_JOBS_WP_DIR' );
		$statuses  = array( 'completed', 'complete', 'completed - ok', 'completed_no_items', 'agent_skipped: dup', 'completed:' );
		$this->seed( self::OLD_ROWS, $statuses, '2020-01-01 00:00:00' );
		$this->seed( 500, array( 'pending', 'processing', 'failed - step_execut' ), '2020-01-01 00:00:00' );
		$this->assertSame( self::OLD_ROWS + 500, $this->count_jobs() );

		$go      = $this->work_dir . '/go';
		$stop    = $this->work_dir . '/stop';
		$writers = array();
		for ( $w = 0; $w < self::WRITERS; $w++ ) {
			$writers[] = $this->spawn( array( __DIR__ . '/bin/writer.php', $wordpress, (string) $this->pipeline_id, (string) $this->flow_id, $go, $stop, $this->work_dir . "/writer-{$w}.json" ) );
		}
		usleep( 500000 ); // The writers load WordPress and wait for the go file.

		$service = new OperationService();
		$params  = OperationParams::normalize( OperationType::CleanupJobs, array( 'statuses' => OperationParams::COMPLETED_FAMILY, 'older_than_days' => 30, 'pipeline_id' => $this->pipeline_id ) );
		$preview = $service->preview( OperationType::CleanupJobs, $params, time() );
		$started = $service->start( OperationType::CleanupJobs, $params, $preview['count'], $preview['max_id'], Actor::system() );
		touch( $go ); // From here on every inserted job is "new": it must survive.
		$begin   = microtime( true );
		$final   = $service->run_until_done( (int) $started['id'] );
		$end     = microtime( true );
		$seconds = $end - $begin;
		usleep( 200000 );
		touch( $stop );

		$written  = array();
		$worst_ms = 0.0;
		$first_at = PHP_INT_MAX;
		foreach ( $writers as $w => $writer ) {
			[ , $err, $code ] = $this->finish( $writer );
			$this->assertSame( 0, $code, $err );
			$result = json_decode( (string) file_get_contents( $this->work_dir . "/writer-{$w}.json" ), true );
			$this->assertSame( array(), $result['errors'], 'no insert failed (no deadlock or timeout reached a writer)' );
			$this->assertGreaterThan( 10, $result['inserts'] );
			array_push( $written, ...$result['ids'] );
			$worst_ms = max( $worst_ms, (float) $result['max_ms'] );
			$first_at = min( $first_at, (float) $result['first_at'] );
		}
		$this->assertLessThan( $end - 1, $first_at, 'the writers were inserting while the cleanup ran' );

		$this->assertSame( 'completed', $final['state'], (string) $final['message'] );
		$this->assertSame( self::OLD_ROWS, $preview['count'] );
		$this->assertSame( self::OLD_ROWS, $final['affected'], 'every eligible old row is gone, counted once' );
		$this->assertSame( 0, $this->count_jobs( 'job_id <= ' . (int) $preview['max_id'] . " AND status NOT IN ('pending', 'processing', 'failed - step_execut')" ) );
		$this->assertSame( 500, $this->count_jobs( 'job_id <= ' . (int) $preview['max_id'] ) );
		global $wpdb;
		$present = 0;
		foreach ( array_chunk( $written, 1000 ) as $chunk ) {
			$present += (int) $wpdb->get_var( "SELECT COUNT(*) FROM " . \DMJobs\Schema\Repository\TableNames::jobs() . " WHERE job_id IN (" . implode( ',', array_map( 'intval', $chunk ) ) . ')' );
		}
		$this->assertSame( count( $written ), $present, 'every row the writers inserted survives' );
		$this->assertGreaterThan( (int) $preview['max_id'], min( $written ) );

		fwrite( STDERR, sprintf( "\n    [concurrency] %s rows in %.1fs (%s rows/s) with %d writers: %d inserts, worst insert %.1f ms, %d statement retries\n", number_format( self::OLD_ROWS ), $seconds, number_format( self::OLD_ROWS / max( 0.001, $seconds ) ), self::WRITERS, count( $written ), $worst_ms, Retry::$retries ) );
	}

	public function test_two_overlapping_cleanups_add_up(): void {
		$wordpress = (string) getenv( 'DM_JOBS_WP_DIR' );
		$this->seed( 20000, array( 'completed', 'completed - x', 'agent_skipped' ), '2020-01-01 00:00:00' );
		$this->seed( 100, array( 'failed' ), '2020-01-01 00:00:00' );

		$go      = $this->work_dir . '/go';
		$runners = array(
			$this->spawn( array( __DIR__ . '/bin/cleanup-runner.php', $wordpress, (string) $this->pipeline_id, $go ) ),
			$this->spawn( array( __DIR__ . '/bin/cleanup-runner.php', $wordpress, (string) $this->pipeline_id, $go ) ),
		);
		usleep( 500000 );
		touch( $go );

		$affected = array();
		foreach ( $runners as $runner ) {
			[ $out, $err, $code ] = $this->finish( $runner );
			$this->assertSame( 0, $code, $err );
			$result = json_decode( $out, true );
			$this->assertIsArray( $result, $out . $err );
			$this->assertSame( 'completed', $result['operation']['state'], (string) $result['operation']['message'] );
			$affected[] = (int) $result['operation']['affected'];
		}
		$this->assertSame( 20000, array_sum( $affected ), 'two runs together removed each eligible row exactly once' );
		$this->assertSame( 100, $this->count_jobs(), 'only the failed jobs are left' );
		fwrite( STDERR, sprintf( "\n    [concurrency] overlapping runs removed %s\n", implode( ' + ', $affected ) ) );
	}
}
