<?php
/**
 * `wp dm-jobs …` through the real WP-CLI binary (vendor/bin/wp, from composer) against the test site:
 * answers match the REST API, bad input is refused naming the parameter, destructive commands
 * change nothing on --dry-run or without confirmation and exactly the counted set with --yes.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Cli;

use DMJobs\Tests\CommittedTestCase;
use DMJobs\Tests\Fixtures;

PHP_SAPI === 'cli' || exit;

final class WpCliCommandsTest extends CommittedTestCase {

	private const OLD = '2026-01-05 10:00:00';

	/** @var mixed */
	private $retention_before;

	protected function setUp(): void {
		parent::setUp();
		$this->retention_before = get_option( 'dm_jobs_retention', null );
	}

	protected function tearDown(): void {
		if ( null === $this->retention_before ) {
			delete_option( 'dm_jobs_retention' );
		} else {
			update_option( 'dm_jobs_retention', $this->retention_before );
		}
		parent::tearDown();
	}

	/**
	 * Runs vendor/bin/wp with the test site's path.
	 *
	 * @param string[] $args  Arguments after `wp`.
	 * @param string   $stdin What to type.
	 * @return array{code: int, out: string, err: string}
	 */
	private function wp( array $args, string $stdin = '' ): array {
		$binary = dirname( __DIR__, 3 ) . '/vendor/bin/wp';
		$this->assertFileExists( $binary, 'WP-CLI is missing: run composer install (bin/test-php.sh does)' );
		$command = array_merge( array( $binary, '--path=' . ABSPATH ), $args );
		$process = proc_open(
			$command,
			array( array( 'pipe', 'r' ), array( 'pipe', 'w' ), array( 'pipe', 'w' ) ),
			$pipes,
			null,
			array_merge(
				getenv(),
				array(
					'WP_CLI_ALLOW_ROOT' => '1',
					'WP_CLI_PHP'        => PHP_BINARY,
				)
			)
		);
		$this->assertIsResource( $process );
		fwrite( $pipes[0], $stdin );
		fclose( $pipes[0] );
		$out = (string) stream_get_contents( $pipes[1] );
		$err = (string) stream_get_contents( $pipes[2] );
		fclose( $pipes[1] );
		fclose( $pipes[2] );
		return array(
			'code' => proc_close( $process ),
			'out'  => $out,
			'err'  => $err,
		);
	}

	/**
	 * @param string[] $args Arguments after `wp`.
	 * @return mixed The decoded JSON the command printed.
	 */
	private function wp_json( array $args ) {
		$result = $this->wp( $args );
		$this->assertSame( 0, $result['code'], 'wp ' . implode( ' ', $args ) . ' failed: ' . $result['err'] );
		$decoded = json_decode( $result['out'], true );
		$this->assertNotNull( $decoded, 'not JSON: ' . $result['out'] );
		return $decoded;
	}

	/**
	 * @return int[] IDs of this test's jobs with the given stored status.
	 */
	private function ids_with_status( string $status ): array {
		global $wpdb;
		return array_map( 'intval', $wpdb->get_col( $wpdb->prepare( "SELECT job_id FROM {$wpdb->prefix}dm_jobs WHERE pipeline_id = %d AND status = %s ORDER BY job_id", $this->pipeline_id, $status ) ) );
	}

	public function test_list_matches_the_rest_api_in_every_format(): void {
		$this->seed( 12, array( 'completed', 'failed - timeout', 'pending' ), self::OLD );
		$filters = array(
			'pipeline_id' => $this->pipeline_id,
			'status'      => 'failed,completed',
			'orderby'     => 'created_at',
			'order'       => 'asc',
			'per_page'    => 5,
			'page'        => 2,
		);
		$rest    = $this->admin_request( 'GET', '/jobs', $filters );
		$this->assertSame( 200, $rest->get_status() );

		$options = array();
		foreach ( $filters as $name => $value ) {
			$options[] = "--$name=$value";
		}
		$fields = 'id,pipeline_id,flow_name,status,status_reason,raw_status,created_at,completed_at,duration';
		$listed = $this->wp_json( array_merge( array( 'dm-jobs', 'list', '--format=json', "--fields=$fields" ), $options ) );
		$expect = array_map(
			static fn ( array $job ): array => array_intersect_key( $job, array_flip( explode( ',', $fields ) ) ),
			$rest->get_data()
		);
		$this->assertCount( 3, $listed, 'page 2 of 8 matching jobs at 5 a page' );
		$this->assertSame( $expect, $listed );
		$this->assertContains( 'timeout', array_column( $listed, 'status_reason' ) );

		$count = $this->wp( array_merge( array( 'dm-jobs', 'list', '--format=count' ), $options ) );
		$this->assertSame( '8', trim( $count['out'] ) );

		$csv = $this->wp( array_merge( array( 'dm-jobs', 'list', '--format=csv', '--fields=id,status' ), $options ) );
		$this->assertSame( 0, $csv['code'] );
		$lines = array_map( 'str_getcsv', array_filter( explode( "\n", trim( $csv['out'] ) ) ) );
		$this->assertSame( array( 'id', 'status' ), $lines[0] );
		$this->assertSame( array_column( $expect, 'id' ), array_map( 'intval', array_column( array_slice( $lines, 1 ), 0 ) ) );

		$table = $this->wp( array_merge( array( 'dm-jobs', 'list' ), $options ) );
		$this->assertStringContainsString( 'Page 2 of 2, 8 jobs.', $table['out'] );
	}

	public function test_bad_input_is_refused_naming_the_parameter(): void {
		foreach (
			array(
				array( array( 'dm-jobs', 'list', '--status=bogus' ), 'status' ),
				array( array( 'dm-jobs', 'list', '--per_page=1000' ), 'per_page' ),
				array( array( 'dm-jobs', 'list', '--orderby=password' ), 'orderby' ),
				array( array( 'dm-jobs', 'list', '--after=yesterday' ), 'after' ),
				array( array( 'dm-jobs', 'status', '1', 'exploded' ), 'status' ),
			) as $case
		) {
			[ $args, $param ] = $case;
			$result           = $this->wp( $args );
			$this->assertSame( 1, $result['code'], implode( ' ', $args ) );
			$this->assertMatchesRegularExpression( '/Invalid parameter\(s\): .*\b' . $param . '\b/', $result['err'], implode( ' ', $args ) );
		}
		$missing = $this->wp( array( 'dm-jobs', 'get', '999999999' ) );
		$this->assertSame( 1, $missing['code'] );
		$this->assertStringContainsString( 'Error:', $missing['err'] );
	}

	public function test_get_shows_the_job_detail_of_the_rest_api(): void {
		$id  = Fixtures::job(
			$this->pipeline_id,
			$this->flow_id,
			'failed',
			self::OLD,
			'2026-01-05 10:02:00',
			array( 'engine_data' => wp_json_encode( array( 'error_message' => 'Feed returned 500', 'items' => array( 1, 2 ) ) ) )
		);
		$job = $this->wp_json( array( 'dm-jobs', 'get', (string) $id, '--format=json' ) );
		$this->assertSame( $id, $job[0]['id'] );
		$this->assertSame( 'failed', $job[0]['status'] );
		$this->assertSame( array( 1, 2 ), $job[0]['engine_data']['items'] );
		$this->assertSame( 120, $job[0]['duration'] );

		$table = $this->wp( array( 'dm-jobs', 'get', (string) $id ) );
		$this->assertMatchesRegularExpression( '/^status\s+"failed"$/m', $table['out'] );
	}

	public function test_status_changes_the_job_through_the_api(): void {
		$id     = Fixtures::job( $this->pipeline_id, $this->flow_id, 'processing', self::OLD );
		$result = $this->wp( array( 'dm-jobs', 'status', (string) $id, 'failed', '--reason=timeout' ) );
		$this->assertSame( 0, $result['code'], $result['err'] );
		$this->assertStringContainsString( "Job $id is now failed (timeout).", $result['out'] );
		$job = dm_jobs_get_job( $id );
		$this->assertSame( 'failed', $job['status'] );
		$this->assertSame( 'timeout', $job['status_reason'] );
		$this->assertNotNull( $job['completed_at'] );
	}

	public function test_delete_dry_run_and_refusal_change_nothing_and_yes_deletes_exactly_the_counted_jobs(): void {
		$this->seed( 9, array( 'failed', 'completed', 'processing' ), self::OLD );
		$failed = $this->ids_with_status( 'failed' );
		$this->assertCount( 3, $failed );

		$args = array( 'dm-jobs', 'delete', '--pipeline_id=' . $this->pipeline_id, '--status=failed,processing' );
		$dry  = $this->wp( array_merge( $args, array( '--dry-run' ) ) );
		$this->assertSame( 0, $dry['code'], $dry['err'] );
		$this->assertStringContainsString( 'Dry run: 3 jobs would be affected', $dry['out'], 'processing jobs are left out without --include_active' );
		$this->assertSame( 9, $this->count_jobs() );

		$declined = $this->wp( $args, "n\n" );
		$this->assertStringContainsString( 'Affect exactly 3 jobs?', $declined['out'] );
		$this->assertSame( 9, $this->count_jobs(), 'answering no deletes nothing' );

		$nothing = $this->wp( array( 'dm-jobs', 'delete' ) );
		$this->assertSame( 1, $nothing['code'] );
		$this->assertStringContainsString( '--all', $nothing['err'] );

		$deleted = $this->wp( array_merge( $args, array( '--yes' ) ) );
		$this->assertSame( 0, $deleted['code'], $deleted['err'] );
		$this->assertMatchesRegularExpression( '/Success: Operation \d+ completed: 3 jobs affected\./', $deleted['out'] );
		$this->assertSame( array(), $this->ids_with_status( 'failed' ) );
		$this->assertSame( 6, $this->count_jobs(), 'completed and processing jobs stay' );

		$by_id = $this->wp( array( 'dm-jobs', 'delete', (string) $this->ids_with_status( 'completed' )[0], '--yes' ) );
		$this->assertSame( 0, $by_id['code'], $by_id['err'] );
		$this->assertSame( 5, $this->count_jobs() );

		$audit = $this->admin_request( 'GET', '/audit', array( 'action' => 'jobs.bulk_delete' ) )->get_data();
		$this->assertSame( array( 1, 3 ), array_map( 'intval', wp_list_pluck( $audit, 'affected' ) ), 'both deletions are in the audit trail, newest first' );
		$this->assertSame( 'admin', $audit[0]['actor']['login'] ?? null, 'by the user the command acted as' );
	}

	public function test_cleanup_removes_old_finished_jobs_of_the_chosen_statuses_only(): void {
		$this->seed( 4, array( 'completed', 'failed' ), self::OLD );
		$this->seed( 2, array( 'completed' ), gmdate( 'Y-m-d H:i:s' ) );
		$args = array( 'dm-jobs', 'cleanup', 'jobs', '--statuses=completed', '--older_than_days=30', '--pipeline_id=' . $this->pipeline_id );

		$dry = $this->wp( array_merge( $args, array( '--dry-run' ) ) );
		$this->assertStringContainsString( 'Dry run: 2 jobs would be affected', $dry['out'], $dry['err'] );
		$this->assertSame( 6, $this->count_jobs() );

		$run = $this->wp( array_merge( $args, array( '--yes' ) ) );
		$this->assertSame( 0, $run['code'], $run['err'] );
		$this->assertSame( 4, $this->count_jobs() );
		$this->assertSame( 2, $this->count_jobs( "status = 'completed'" ), 'the recent completed jobs stay' );
		$this->assertSame( 2, $this->count_jobs( "status = 'failed'" ) );
	}

	public function test_retention_show_set_and_dry_run(): void {
		$set = $this->wp( array( 'dm-jobs', 'retention', 'set', '--completed_days=45', '--keep_failed=true' ) );
		$this->assertSame( 0, $set['code'], $set['err'] );
		$rows = array_column( $this->wp_json( array( 'dm-jobs', 'retention', '--format=json' ) ), null, 'setting' );
		$this->assertSame( '45', (string) $rows['completed_days']['saved'] );
		$this->assertSame( 'true', $rows['keep_failed']['effective'] );

		$bad = $this->wp( array( 'dm-jobs', 'retention', 'set', '--completed_days=-4' ) );
		$this->assertSame( 1, $bad['code'] );
		$this->assertStringContainsString( 'completed_days', $bad['err'] );

		$this->seed( 3, array( 'completed' ), self::OLD );
		$dry = $this->wp( array( 'dm-jobs', 'retention', 'run', '--dry-run', '--format=json' ) );
		$this->assertSame( 0, $dry['code'], $dry['err'] );
		$this->assertStringContainsString( 'Nothing was changed', $dry['out'] );
		$this->assertSame( 3, $this->count_jobs() );
	}

	public function test_stats_logs_and_refresh(): void {
		$this->seed( 5, array( 'completed', 'failed' ), self::OLD );
		$stats = $this->wp_json( array( 'dm-jobs', 'stats', '--format=json' ) );
		$rest  = $this->admin_request( 'GET', '/jobs/counts' )->get_data();
		$this->assertSame( $rest['by_status'], $stats['by_status'] );
		$this->assertSame( $rest['total'], $stats['total'] );

		$id = Fixtures::job( $this->pipeline_id, $this->flow_id, 'processing', self::OLD );
		dm_jobs_log( $id, 'info', 'Fetching the feed', array(), 'fetch' );
		dm_jobs_log( $id, 'error', 'Feed returned 500', array( 'http_status' => 500 ), 'fetch' );
		$lines = $this->wp_json( array( 'dm-jobs', 'logs', (string) $id, '--format=json' ) );
		$this->assertSame( array( 'Fetching the feed', 'Feed returned 500' ), array_column( $lines, 'message' ) );
		$errors = $this->wp_json( array( 'dm-jobs', 'logs', (string) $id, '--level=error', '--format=json' ) );
		$this->assertSame( array( 'error' ), array_column( $errors, 'level' ) );

		$refresh = $this->wp( array( 'dm-jobs', 'refresh' ) );
		$this->assertSame( 0, $refresh['code'], $refresh['err'] );
		$this->assertStringContainsString( 'Success: Derived state refreshed', $refresh['out'] );
	}
}
