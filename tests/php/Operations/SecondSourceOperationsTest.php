<?php
/**
 * A site that upgraded Data Machine has both table sets: today's datamachine_* (the primary source) and
 * 0.1's dm_* (the second source, `generation=dm`). The same job IDs exist in both. An operation started
 * for the older source keeps working on the older source's tables when it continues without the
 * request that started it: a slice run by a process that reads the primary source, then WP-Cron's
 * background run (the scheduled dm_jobs_run_operation event).
 *
 * Today's tables are created with Data Machine's own statements and get DM Jobs' columns through the
 * schema upgrade, as when Data Machine appears on a real site. DDL commits, so this test creates and
 * drops them itself and restores the schema options it changed.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Operations;

use DMJobs\DataMachine\Adapters;
use DMJobs\DataMachine\CurrentGeneration;
use DMJobs\DataMachine\LegacyGeneration;
use DMJobs\DataMachine\StandaloneGeneration;
use DMJobs\Jobs\Repository\JobColumns;
use DMJobs\Metrics\Repository\RollupTables;
use DMJobs\Metrics\RollupService;
use DMJobs\Operations\BackgroundRunner;
use DMJobs\Operations\OperationService;
use DMJobs\Schema\Repository\SchemaRepository;
use DMJobs\Tests\DataMachine\CurrentTables;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/../DataMachine/CurrentTables.php';

final class SecondSourceOperationsTest extends TestCase {

	private const OLD = '2020-03-01 10:00:00';

	private const SCHEMA_OPTIONS = array(
		SchemaRepository::VERSION_OPTION,
		SchemaRepository::APPLIED_OPTION,
		SchemaRepository::OWNED_OPTION,
		SchemaRepository::ADDED_OPTION,
		SchemaRepository::GENERATIONS_OPTION,
	);

	/**
	 * @var string[] Today's tables this test created (and drops).
	 */
	private array $created = array();

	/**
	 * @var array<string, mixed> Schema options before the test (restored after it).
	 */
	private array $options = array();

	/**
	 * First job ID of this test: above every ID either table has, so both tables get the same new IDs.
	 */
	private int $first_id = 0;

	protected function setUp(): void {
		global $wpdb;
		parent::setUp();
		$wpdb->query( 'COMMIT' );
		foreach ( self::SCHEMA_OPTIONS as $option ) {
			$this->options[ $option ] = get_option( $option, null );
		}
		$this->created = CurrentTables::create();
		Adapters::forget();
		// Data Machine's tables appeared: DM Jobs adds its columns to them, as on a real site.
		( new SchemaRepository() )->upgrade();
		$wpdb->query( 'START TRANSACTION' );

		// The dm_* tables are Data Machine 0.1's (not DM Jobs' own): the older source of an upgraded site.
		update_option( SchemaRepository::OWNED_OPTION, array_values( array_diff( (array) get_option( SchemaRepository::OWNED_OPTION, array() ), array( 'dm_jobs', 'dm_pipelines', 'dm_flows', 'dm_processed_items' ) ) ) );
		$legacy         = ( new LegacyGeneration() )->tables()->jobs;
		$today          = ( new CurrentGeneration() )->tables()->jobs;
		$this->first_id = 1000 + max( (int) $wpdb->get_var( "SELECT MAX(job_id) FROM {$legacy}" ), (int) $wpdb->get_var( "SELECT MAX(job_id) FROM {$today}" ) );
	}

	protected function tearDown(): void {
		global $wpdb;
		parent::tearDown();
		foreach ( $this->created as $table ) {
			$wpdb->query( "DROP TABLE IF EXISTS `{$table}`" );
		}
		foreach ( $this->options as $option => $value ) {
			null === $value ? delete_option( $option ) : update_option( $option, $value, true );
		}
		remove_all_filters( 'dm_jobs_operation_batch_size' );
		remove_all_filters( 'dm_jobs_data_machine_generation' );
		JobColumns::forget();
		Adapters::forget();
	}

	/**
	 * Data Machine 0.1's Jobs::create_job() and its status writes: job IDs given, so both tables share them.
	 */
	private function legacy_job( int $job_id, string $status, string $created_at = self::OLD ): void {
		global $wpdb;
		$wpdb->insert(
			( new LegacyGeneration() )->tables()->jobs,
			array(
				'job_id'       => $job_id,
				'pipeline_id'  => 4,
				'flow_id'      => 9,
				'status'       => $status,
				'engine_data'  => serialize( array( 'flow_config' => array() ) ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.serialize_serialize
				'created_at'   => $created_at,
				'completed_at' => gmdate( 'Y-m-d H:i:s', (int) strtotime( $created_at . ' UTC' ) + 60 ),
			)
		);
	}

	/**
	 * Today's Jobs::create_job() for a flow job, then its final status.
	 */
	private function todays_job( int $job_id, string $status ): void {
		CurrentTables::job(
			array(
				'job_id'       => $job_id,
				'status'       => $status,
				'created_at'   => self::OLD,
				'completed_at' => '2020-03-01 10:01:00',
			)
		);
	}

	/**
	 * @return int[] Job IDs of this test still in a generation's jobs table.
	 */
	private function remaining( string $table ): array {
		global $wpdb;
		return array_map( 'intval', $wpdb->get_col( $wpdb->prepare( "SELECT job_id FROM {$table} WHERE job_id >= %d ORDER BY job_id", $this->first_id ) ) );
	}

	/**
	 * The metrics rollups (today's jobs: Insights reads the primary source), row by row.
	 *
	 * @return array<string, array<int, array<string, mixed>>>
	 */
	private function rollups(): array {
		global $wpdb;
		$rows = array();
		foreach ( array( RollupTables::hourly(), RollupTables::daily(), RollupTables::hourly_shape(), RollupTables::daily_shape() ) as $table ) {
			$rows[ $table ] = $wpdb->get_results( "SELECT * FROM {$table} ORDER BY 1, 2, 3", ARRAY_A );
		}
		return $rows;
	}

	/**
	 * Old completed jobs under the same IDs in both sources, and older-source ones above today's newest ID
	 * (today's table started again from 1 on a real site); the older source also has jobs the cleanup
	 * leaves (a failed one, a recent one).
	 *
	 * @return array{0: int[], 1: int[], 2: int[]} selected older-source IDs, other older-source IDs, today's IDs
	 */
	private function both_sources(): array {
		$selected = array_merge( range( $this->first_id, $this->first_id + 4 ), array( $this->first_id + 20, $this->first_id + 21 ) );
		$others   = array( $this->first_id + 5, $this->first_id + 6 );
		foreach ( $selected as $job_id ) {
			$this->legacy_job( $job_id, 'completed' );
		}
		$this->legacy_job( $others[0], 'failed' );
		$this->legacy_job( $others[1], 'completed', gmdate( 'Y-m-d H:i:s', time() - HOUR_IN_SECONDS ) );
		$today = range( $this->first_id, $this->first_id + 6 );
		foreach ( $today as $job_id ) {
			$this->todays_job( $job_id, 'completed' );
		}
		Adapters::forget();
		$this->assertSame( array( CurrentGeneration::KEY, LegacyGeneration::KEY ), Adapters::available_keys(), 'the site has both generations, today\'s first' );
		return array( $selected, $others, $today );
	}

	/**
	 * Dry run and start of a cleanup of old completed jobs, both over REST with generation=dm.
	 *
	 * @return array<string, mixed> The operation.
	 */
	private function start_older_source_cleanup( int $expected_count ): array {
		$params  = array(
			'type'            => 'cleanup_jobs',
			'statuses'        => array( 'completed' ),
			'older_than_days' => 30,
			'generation'      => LegacyGeneration::KEY,
		);
		$preview = $this->admin_request( 'POST', '/operations', $params + array( 'dry_run' => true ) );
		$this->assertSame( 200, $preview->get_status(), (string) wp_json_encode( $preview->get_data() ) );
		$this->assertSame( $expected_count, $preview->get_data()['count'] );
		$started = $this->admin_request(
			'POST',
			'/operations',
			$params + array(
				'confirm_count' => $preview->get_data()['count'],
				'max_id'        => $preview->get_data()['max_id'],
				'as_of'         => $preview->get_data()['as_of'],
			)
		);
		$this->assertSame( 201, $started->get_status(), (string) wp_json_encode( $started->get_data() ) );
		$operation = $started->get_data();
		$this->assertSame( LegacyGeneration::KEY, $operation['generation'] );
		$this->assertTrue( Adapters::using_primary(), 'the request that started it is over' );
		return $operation;
	}

	public function test_a_cleanup_started_for_the_older_source_is_continued_there_by_the_background_runner(): void {
		[ $selected, $others, $today ] = $this->both_sources();
		set_transient( 'dm_job_' . $selected[0], array( 'cached' => true ), HOUR_IN_SECONDS );
		set_transient( 'datamachine_flow_health_7', array( 'consecutive_failures' => 0 ), DAY_IN_SECONDS );
		( new RollupService() )->run( 10.0 );
		$rollups = $this->rollups();
		$this->assertNotEmpty( array_filter( $rollups ), 'today\'s jobs are in the metrics' );
		$operation = $this->start_older_source_cleanup( count( $selected ) );
		$this->assertNotFalse( wp_next_scheduled( BackgroundRunner::HOOK, array( $operation['id'] ) ), 'a background run was scheduled' );

		// A slice run by a process that reads the primary source (a poll without the parameter, a resume).
		add_filter( 'dm_jobs_operation_batch_size', static fn (): int => 2 );
		$slice = ( new OperationService() )->run( (int) $operation['id'], 0.0 );
		$this->assertSame( 'running', $slice['state'] );
		$this->assertSame( 2, $slice['affected'] );
		$legacy = ( new LegacyGeneration() )->tables()->jobs;
		$todays = ( new CurrentGeneration() )->tables()->jobs;
		$left = array_merge( array_slice( $selected, 2 ), $others );
		sort( $left );
		$this->assertSame( $left, $this->remaining( $legacy ) );
		$this->assertSame( $today, $this->remaining( $todays ), 'today\'s jobs under the same IDs are untouched' );

		// WP-Cron runs the scheduled event: the background runner finishes the operation.
		do_action( BackgroundRunner::HOOK, $operation['id'] );

		$finished = $this->admin_request( 'GET', '/operations/' . $operation['id'] )->get_data();
		$this->assertSame( 'completed', $finished['state'], (string) wp_json_encode( $finished ) );
		$this->assertSame( count( $selected ), $finished['affected'] );
		$this->assertSame( LegacyGeneration::KEY, $finished['generation'] );
		$this->assertSame( $others, $this->remaining( $legacy ), 'only the selected older-source jobs are gone' );
		$this->assertSame( $today, $this->remaining( $todays ), 'today\'s jobs under the same IDs are untouched' );
		$this->assertFalse( get_transient( 'dm_job_' . $selected[0] ), 'Data Machine 0.1\'s job cache was cleared (its housekeeping ran)' );
		$this->assertNotFalse( get_transient( 'datamachine_flow_health_7' ), 'today\'s housekeeping did not run for those IDs' );
		$this->assertFalse( wp_next_scheduled( BackgroundRunner::HOOK, array( $operation['id'] ) ), 'nothing left scheduled' );
		$this->assertSame( $rollups, $this->rollups(), 'the metrics (today\'s jobs) did not count the older source\'s deletions' );
		$this->assertTrue( Adapters::using_primary(), 'the background run handed the primary source back' );
	}

	public function test_an_operation_whose_source_is_gone_fails_instead_of_running_on_another(): void {
		[ $selected, $others, $today ] = $this->both_sources();
		$operation = $this->start_older_source_cleanup( count( $selected ) );

		// Only today's tables are read from now on (as if the dm_* tables had been dropped).
		add_filter( 'dm_jobs_data_machine_generation', static fn (): string => CurrentGeneration::KEY );
		Adapters::forget();
		do_action( BackgroundRunner::HOOK, $operation['id'] );

		$finished = ( new OperationService() )->get( (int) $operation['id'] );
		$this->assertIsArray( $finished );
		$this->assertSame( 'failed', $finished['state'] );
		$this->assertSame( 0, $finished['affected'] );
		$this->assertStringContainsString( LegacyGeneration::KEY, (string) $finished['message'] );
		$this->assertSame( $today, $this->remaining( ( new CurrentGeneration() )->tables()->jobs ), 'nothing was deleted from today\'s tables' );
		$all = array_merge( $selected, $others );
		sort( $all );
		$this->assertSame( $all, $this->remaining( ( new LegacyGeneration() )->tables()->jobs ) );
	}

	public function test_an_operation_continues_when_its_tables_are_read_under_another_name(): void {
		[ $selected, $others, $today ] = $this->both_sources();
		$operation = $this->start_older_source_cleanup( count( $selected ) );

		// Data Machine 0.1 deactivated: the same dm_* tables are now DM Jobs' own ("standalone").
		add_filter( 'dm_jobs_data_machine_generation', static fn (): string => StandaloneGeneration::KEY );
		Adapters::forget();
		$this->assertSame( ( new LegacyGeneration() )->tables()->jobs, ( new StandaloneGeneration() )->tables()->jobs );
		do_action( BackgroundRunner::HOOK, $operation['id'] );

		$finished = ( new OperationService() )->get( (int) $operation['id'] );
		$this->assertIsArray( $finished );
		$this->assertSame( 'completed', $finished['state'], (string) $finished['message'] );
		$this->assertSame( count( $selected ), $finished['affected'] );
		$this->assertSame( $others, $this->remaining( ( new LegacyGeneration() )->tables()->jobs ) );
		$this->assertSame( $today, $this->remaining( ( new CurrentGeneration() )->tables()->jobs ), 'today\'s tables untouched' );
	}

	public function test_each_source_lists_its_own_operations(): void {
		[ $selected ] = $this->both_sources();
		$older        = $this->start_older_source_cleanup( count( $selected ) );
		$todays       = $this->admin_request(
			'POST',
			'/operations',
			array(
				'type'          => 'delete_jobs',
				'ids'           => array( $this->first_id ),
				'confirm_count' => 1,
			)
		);
		$this->assertSame( 201, $todays->get_status(), (string) wp_json_encode( $todays->get_data() ) );
		$this->assertSame( CurrentGeneration::KEY, $todays->get_data()['generation'] );

		$listed_ids = fn ( array $params ): array => array_column( $this->admin_request( 'GET', '/operations', $params )->get_data(), 'id' );
		$this->assertSame( array( $todays->get_data()['id'] ), array_values( array_intersect( $listed_ids( array() ), array( $older['id'], $todays->get_data()['id'] ) ) ), 'today\'s screen lists today\'s operation only' );
		$this->assertSame( array( $older['id'] ), array_values( array_intersect( $listed_ids( array( 'generation' => LegacyGeneration::KEY ) ), array( $older['id'], $todays->get_data()['id'] ) ) ), 'the older source\'s screen lists its own operation only' );
		$running = $listed_ids(
			array(
				'generation' => LegacyGeneration::KEY,
				'state'      => array( 'running' ),
			)
		);
		$this->assertContains( $older['id'], $running, 'the older source re-attaches to its running operation' );
		$this->assertNotContains( $todays->get_data()['id'], $running );

		// Data Machine 0.1 deactivated: the same dm_* tables are read as "standalone" and keep their operations.
		add_filter( 'dm_jobs_data_machine_generation', static fn (): string => StandaloneGeneration::KEY );
		Adapters::forget();
		$this->assertContains( $older['id'], $listed_ids( array() ) );
		$this->assertNotContains( $todays->get_data()['id'], $listed_ids( array() ) );
	}
}
