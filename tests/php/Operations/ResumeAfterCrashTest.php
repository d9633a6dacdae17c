<?php
/**
 * Operations finish with the tab closed, even through a crash (MariaDB): a 100,000-row cleanup is
 * started (which schedules its background run), a background run in its own process is killed with
 * SIGKILL in the middle of the work, the MariaDB server is killed and restarted, and then plain
 * `wp-cron.php` runs (no browser) finish it: exactly the confirmed rows are gone, every other row is
 * still there, the operation's counts match, and the audit has one entry saying so.
 *
 * @group concurrency
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Operations;

use DMJobs\Tests\CommittedTestCase;
use DMJobs\Audit\Actor;
use DMJobs\Operations\BackgroundRunner;
use DMJobs\Operations\OperationParams;
use DMJobs\Operations\OperationService;
use DMJobs\Operations\OperationType;

PHP_SAPI === 'cli' || exit;


final class ResumeAfterCrashTest extends CommittedTestCase {

	private const OLD_ROWS = 100000;
	private const LEASE    = 3;

	protected function setUp(): void {
		if ( 'mariadb' !== getenv( 'DM_JOBS_TEST_DB' ) ) {
			$this->markTestSkipped( 'Killing and restarting the database server is tested on MariaDB.' );
		}
		parent::setUp();
	}

	public function test_a_killed_cleanup_resumes_after_a_database_restart_and_deletes_exactly_the_confirmed_rows(): void {
		global $wpdb;
		$wordpress = (string) getenv( 'DM_JOBS_WP_DIR' );
		$old       = '2020-01-01 00:00:00';
		$this->seed( self::OLD_ROWS, array( 'completed', 'complete', 'completed - ok', 'completed_no_items', 'agent_skipped: dup' ), $old );
		$this->seed( 300, array( 'pending', 'processing', 'failed - timeout' ), $old );
		$this->seed( 200, array( 'completed' ), gmdate( 'Y-m-d H:i:s' ) );
		$survivors = $this->ids_where( "NOT ( created_at = '{$old}' AND status NOT IN ('pending', 'processing', 'failed - timeout') )" );
		$this->assertCount( 500, $survivors );

		$service = new OperationService();
		$params  = OperationParams::normalize(
			OperationType::CleanupJobs,
			array(
				'statuses'        => OperationParams::COMPLETED_FAMILY,
				'older_than_days' => 30,
				'pipeline_id'     => $this->pipeline_id,
			)
		);
		$preview = $service->preview( OperationType::CleanupJobs, $params, time() );
		$this->assertSame( self::OLD_ROWS, $preview['count'] );
		$started = $service->start( OperationType::CleanupJobs, $params, $preview['count'], $preview['max_id'], Actor::system() );
		$id      = (int) $started['id'];
		$this->assertNotNull( $this->next_background_run( $id ), 'starting schedules a background run' );

		// A background run in its own process, killed in the middle of its work.
		$log    = (string) tempnam( sys_get_temp_dir(), 'dm-jobs-run' );
		$runner = proc_open( array( PHP_BINARY, __DIR__ . '/bin/background-run.php', $wordpress, (string) $id, (string) self::LEASE, '1000' ), array( 1 => array( 'file', $log, 'a' ), 2 => array( 'file', $log, 'a' ) ), $pipes );
		$this->assertIsResource( $runner );
		$deadline = microtime( true ) + 120;
		do {
			usleep( 50000 );
			$processed = (int) $wpdb->get_var( $wpdb->prepare( "SELECT processed FROM {$wpdb->prefix}dm_jobs_operations WHERE operation_id = %d", $id ) );
		} while ( $processed < 30000 && microtime( true ) < $deadline && proc_get_status( $runner )['running'] );
		$this->assertTrue( proc_get_status( $runner )['running'], sprintf( 'the run was still working (processed %d, operation %s): %s', $processed, wp_json_encode( $service->get( $id ) ), file_get_contents( $log ) ) );
		$runner_pid = (int) proc_get_status( $runner )['pid'];
		proc_terminate( $runner, 9 );
		proc_close( $runner );
		$this->assertFalse( posix_kill( $runner_pid, 0 ), 'the run is gone' );
		@unlink( $log ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged
		$deleted_before_crash = self::OLD_ROWS + 500 - $this->count_jobs();

		$this->restart_database_server();

		$operation = $service->get( $id );
		$this->assertSame( 'running', $operation['state'] );
		$this->assertGreaterThanOrEqual( 30000, $deleted_before_crash );
		$this->assertLessThan( self::OLD_ROWS, $operation['processed'], 'killed before the end' );
		$this->assertSame( $operation['affected'], self::OLD_ROWS + 500 - $this->count_jobs(), 'the progress saved before the crash matches the rows gone (batches are atomic)' );
		$fallback = $this->next_background_run( $id );
		$this->assertNotNull( $fallback, 'the killed run left a fallback background run' );

		// No browser from here on: only WP-Cron, run as a server's cron job would run it.
		$runs = 0;
		while ( 'running' === $service->get( $id )['state'] && $runs < 30 ) {
			$wait = (int) $this->next_background_run( $id ) - time();
			if ( $wait > 0 ) {
				sleep( min( $wait, 15 ) );
			}
			$this->run_wp_cron( $wordpress );
			++$runs;
		}

		$final = $service->get( $id );
		$this->assertSame( 'completed', $final['state'], (string) $final['message'] );
		$this->assertSame( self::OLD_ROWS, $final['total'] );
		$this->assertSame( self::OLD_ROWS, $final['affected'], 'each confirmed row deleted and counted once' );
		$this->assertSame( $survivors, $this->ids_where( '1=1' ), 'nothing else was deleted' );
		$this->assertNull( $this->next_background_run( $id ), 'nothing left scheduled' );

		$entries = $wpdb->get_results( "SELECT action, affected, params FROM {$wpdb->prefix}dm_jobs_audit WHERE action = 'cleanup.jobs'", ARRAY_A );
		$this->assertCount( 1, $entries );
		$this->assertSame( self::OLD_ROWS, (int) $entries[0]['affected'] );
		$audit = json_decode( (string) $entries[0]['params'], true );
		$this->assertSame( $id, $audit['operation_id'] );
		$this->assertSame( 'completed', $audit['state'] );
		fwrite( STDERR, sprintf( "\n    [resume] killed after %s rows, database restarted, finished by %d wp-cron.php run(s)\n", number_format( $deleted_before_crash ), $runs ) );
	}

	/**
	 * @return int[]
	 */
	private function ids_where( string $where ): array {
		global $wpdb;
		return array_map( 'intval', $wpdb->get_col( $wpdb->prepare( "SELECT job_id FROM {$wpdb->prefix}dm_jobs WHERE pipeline_id = %d AND {$where} ORDER BY job_id", $this->pipeline_id ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	private function next_background_run( int $operation_id ): ?int {
		wp_cache_delete( 'cron', 'options' );
		wp_cache_delete( 'alloptions', 'options' );
		return BackgroundRunner::next_run( $operation_id );
	}

	private function run_wp_cron( string $wordpress ): void {
		$code    = '$_SERVER["HTTP_HOST"] = "localhost"; require $argv[1] . "/wp-cron.php";';
		$process = proc_open( array( PHP_BINARY, '-r', $code, rtrim( $wordpress, '/' ) ), array( 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ), $pipes );
		$out     = stream_get_contents( $pipes[1] ) . stream_get_contents( $pipes[2] );
		fclose( $pipes[1] );
		fclose( $pipes[2] );
		$this->assertSame( 0, proc_close( $process ), $out );
	}

	/**
	 * Kills the private MariaDB server (SIGKILL: a crash, not a clean shutdown), starts it again with
	 * the same command line and reconnects.
	 */
	private function restart_database_server(): void {
		global $wpdb;
		$pid_file = (string) $wpdb->get_var( 'SELECT @@pid_file' );
		$datadir  = (string) $wpdb->get_var( 'SELECT @@datadir' );
		$pid      = (int) trim( (string) file_get_contents( str_starts_with( $pid_file, '/' ) ? $pid_file : $datadir . $pid_file ) );
		$this->assertGreaterThan( 1, $pid );
		$command = array_values( array_filter( explode( "\0", (string) file_get_contents( "/proc/{$pid}/cmdline" ) ), 'strlen' ) );
		$this->assertStringContainsString( 'mariadbd', $command[0] . ( $command[1] ?? '' ) );
		posix_kill( $pid, 9 );
		for ( $i = 0; $i < 200 && file_exists( "/proc/{$pid}" ) && ! str_contains( (string) @file_get_contents( "/proc/{$pid}/status" ), 'State:	Z' ); $i++ ) {
			usleep( 50000 );
		}
		exec( 'setsid ' . implode( ' ', array_map( 'escapeshellarg', $command ) ) . ' </dev/null >/dev/null 2>&1 &' );
		$wpdb->close();
		set_error_handler( static fn (): bool => true ); // Connection attempts warn while the server starts.
		try {
			for ( $i = 0; $i < 300; $i++ ) {
				usleep( 100000 );
				if ( $wpdb->db_connect( false ) ) {
					return;
				}
			}
		} finally {
			restore_error_handler();
		}
		$this->fail( 'MariaDB did not come back' );
	}
}
