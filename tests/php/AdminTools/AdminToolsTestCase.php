<?php
/**
 * Shared setup for the admin tools' tests: a pipeline with flows, jobs in every stored status form,
 * log lines, per-job folders in a temporary files root, and a helper that runs an operation the way
 * the modal does (dry run → start with the confirmed count → run slices until it ends).
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\AdminTools;

use DMJobs\Logs\Repository\JobLogCleanupRepository;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;
use WP_REST_Response;

PHP_SAPI === 'cli' || exit;

abstract class AdminToolsTestCase extends TestCase {

	protected const OLD = '2020-01-15 10:00:00';

	protected int $pipeline_id;
	protected int $flow_id;
	protected int $other_flow_id;
	protected string $files_root = '';

	protected function setUp(): void {
		parent::setUp();
		$this->pipeline_id   = Fixtures::pipeline( 'Admin tools pipeline' );
		$this->flow_id       = Fixtures::flow( $this->pipeline_id, 'Main flow' );
		$this->other_flow_id = Fixtures::flow( $this->pipeline_id, 'Other flow' );
		$this->files_root    = sys_get_temp_dir() . '/dm-jobs-test-files-' . getmypid() . '-' . wp_generate_password( 8, false );
		mkdir( $this->files_root, 0777, true );
		add_filter( 'dm_jobs_job_files_dir', array( $this, 'files_root' ) );
		JobLogCleanupRepository::reset();
		delete_transient( 'dm_jobs_system_metrics_60_30' );
	}

	protected function tearDown(): void {
		remove_filter( 'dm_jobs_job_files_dir', array( $this, 'files_root' ) );
		self::remove_dir( $this->files_root );
		parent::tearDown();
	}

	public function files_root(): string {
		return $this->files_root;
	}

	protected function days_ago( int $days ): string {
		return gmdate( 'Y-m-d H:i:s', time() - $days * DAY_IN_SECONDS );
	}

	/**
	 * A job straight into the table (as Data Machine writes it).
	 */
	protected function job( string $status, string $created_at = self::OLD, ?int $flow_id = null, array $overrides = array() ): int {
		$final = ! in_array( strtolower( trim( explode( ' ', str_replace( ':', ' ', $status ) )[0] ) ), array( 'pending', 'processing', 'running' ), true );
		return Fixtures::job(
			$this->pipeline_id,
			$flow_id ?? $this->flow_id,
			$status,
			$created_at,
			$final ? gmdate( 'Y-m-d H:i:s', (int) strtotime( $created_at . ' UTC' ) + 90 ) : null,
			$overrides
		);
	}

	protected function job_exists( int $job_id ): bool {
		global $wpdb;
		return null !== $wpdb->get_var( $wpdb->prepare( "SELECT job_id FROM " . \DMJobs\Schema\Repository\TableNames::jobs() . " WHERE job_id = %d", $job_id ) );
	}

	/**
	 * @param int[] $ids
	 * @return int[] Those that still exist.
	 */
	protected function surviving( array $ids ): array {
		return array_values( array_filter( $ids, array( $this, 'job_exists' ) ) );
	}

	protected function logs_table_exists(): bool {
		return ( new JobLogCleanupRepository() )->table_exists();
	}

	protected function add_log( int $job_id, string $message = 'line' ): int {
		global $wpdb;
		$wpdb->insert(
			$wpdb->prefix . 'dm_job_logs',
			array(
				'job_id'     => $job_id,
				'level'      => 'info',
				'message'    => $message,
				'created_at' => gmdate( 'Y-m-d H:i:s' ),
			)
		);
		return (int) $wpdb->insert_id;
	}

	protected function log_count( int $job_id ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}dm_job_logs WHERE job_id = %d", $job_id ) );
	}

	protected function add_folder( int|string $name ): string {
		$dir = $this->files_root . '/' . $name;
		mkdir( $dir . '/nested', 0777, true );
		file_put_contents( $dir . '/output.json', str_repeat( 'x', 100 ) );
		file_put_contents( $dir . '/nested/image.txt', 'y' );
		return $dir;
	}

	/**
	 * Dry run over REST.
	 *
	 * @param array<string, mixed> $params
	 * @return array<string, mixed>
	 */
	protected function preview( string $type, array $params = array() ): array {
		$response = $this->admin_request( 'POST', '/operations', array( 'type' => $type, 'dry_run' => true ) + $params );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	/**
	 * Starts an operation with the dry run's count and snapshot, as the modal does.
	 *
	 * @param array<string, mixed> $params
	 * @param array<string, mixed> $preview
	 * @return array<string, mixed> The operation.
	 */
	protected function start( string $type, array $params, array $preview ): array {
		$response = $this->admin_request(
			'POST',
			'/operations',
			array(
				'type'          => $type,
				'confirm_count' => $preview['count'],
				'max_id'        => $preview['max_id'],
				'as_of'         => $preview['as_of'],
			) + $params
		);
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	/**
	 * POST /operations/{id}/run until the operation ends.
	 *
	 * @return array<string, mixed> The final operation.
	 */
	protected function run_to_end( int $operation_id ): array {
		for ( $i = 0; $i < 1000; $i++ ) {
			$response = $this->admin_request( 'POST', "/operations/{$operation_id}/run", array( 'budget' => 5 ) );
			$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
			$operation = $response->get_data();
			if ( 'running' !== $operation['state'] ) {
				return $operation;
			}
		}
		$this->fail( 'The operation did not end.' );
	}

	/**
	 * Dry run, start, run to the end; asserts the dry run's count equals the rows affected.
	 *
	 * @param array<string, mixed> $params
	 * @return array{0: array<string, mixed>, 1: array<string, mixed>} preview, final operation
	 */
	protected function perform( string $type, array $params = array() ): array {
		$preview   = $this->preview( $type, $params );
		$operation = $this->run_to_end( $this->start( $type, $params, $preview )['id'] );
		$this->assertSame( 'completed', $operation['state'], (string) wp_json_encode( $operation ) );
		$this->assertSame( $preview['count'], $operation['affected'], 'the dry run counted exactly what was removed' );
		return array( $preview, $operation );
	}

	/**
	 * The newest audit entries (REST), newest first.
	 *
	 * @param array<string, mixed> $filters
	 * @return array<int, array<string, mixed>>
	 */
	protected function audit_entries( array $filters = array() ): array {
		$response = $this->admin_request( 'GET', '/audit', $filters + array( 'per_page' => 100 ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	protected function assertUnchangedAfter( callable $request_fn ): WP_REST_Response {
		$before   = $this->snapshot_tables();
		$response = $request_fn();
		$this->assertSame( $before, $this->snapshot_tables(), 'a refused request changed nothing' );
		return $response;
	}

	/**
	 * @return array<string, string>
	 */
	protected function snapshot_tables(): array {
		global $wpdb;
		$snapshot = array();
		$tables = array(
			'dm_jobs'            => \DMJobs\Schema\Repository\TableNames::jobs(),
			'dm_processed_items' => \DMJobs\Schema\Repository\TableNames::processed_items(),
			'dm_jobs_operations' => $wpdb->prefix . 'dm_jobs_operations',
			'dm_jobs_audit'      => $wpdb->prefix . 'dm_jobs_audit',
		);
		foreach ( $tables as $name => $table ) {
			$snapshot[ $name ] = md5( (string) wp_json_encode( $wpdb->get_results( "SELECT * FROM {$table}", ARRAY_A ) ) );
		}
		$snapshot['retention'] = (string) wp_json_encode( get_option( 'dm_jobs_retention' ) );
		return $snapshot;
	}

	public static function remove_dir( string $dir ): void {
		if ( '' === $dir || ! file_exists( $dir ) ) {
			return;
		}
		$items = new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( $dir, \FilesystemIterator::SKIP_DOTS ), \RecursiveIteratorIterator::CHILD_FIRST );
		foreach ( $items as $item ) {
			$item->isDir() && ! $item->isLink() ? rmdir( $item->getPathname() ) : unlink( $item->getPathname() );
		}
		rmdir( $dir );
	}
}
