<?php
/**
 * Right after rows are written straight into the jobs table (as Data Machine does; no plugin code, no
 * WP-Cron), the derived state (count snapshot, page anchors, created_at zones) is behind. Every answer
 * must still be right, and the state must catch up a bounded slice per request, not in one request.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Jobs;

use DMJobs\Demo\DemoSeeder;
use DMJobs\Jobs\CreatedAtZones;
use DMJobs\Jobs\JobCounts;
use DMJobs\Jobs\JobLister;
use DMJobs\Jobs\JobQuery;
use DMJobs\Jobs\PageAnchors;
use DMJobs\Jobs\Repository\JobColumns;
use DMJobs\Jobs\SortOrder;
use DMJobs\Status\StatusParser;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class DerivedStateAfterDirectInsertsTest extends TestCase {

	private const STEP = 25;

	protected function setUp(): void {
		parent::setUp();
		( new DemoSeeder() )->seed( 400, true );
		( new JobCounts() )->refresh();
		( new PageAnchors( step: self::STEP ) )->refresh();
		( new CreatedAtZones( new PageAnchors( step: self::STEP ) ) )->refresh();
	}

	/**
	 * Data Machine's way: plain INSERTs. Copies of the oldest rows, so they carry old created_at values
	 * (a restore or a backfill), open and final statuses alike.
	 */
	private function insert_directly( int $rows ): void {
		global $wpdb;
		$table = \DMJobs\Schema\Repository\TableNames::jobs();
		$ids   = $wpdb->get_col( $wpdb->prepare( "SELECT job_id FROM {$table} ORDER BY job_id ASC LIMIT %d", $rows ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		foreach ( array_chunk( $ids, 100 ) as $chunk ) {
			$wpdb->query( "INSERT INTO {$table} (pipeline_id, flow_id, status, engine_data, created_at, completed_at) SELECT pipeline_id, flow_id, status, engine_data, created_at, completed_at FROM {$table} WHERE job_id IN (" . implode( ',', array_map( 'intval', $chunk ) ) . ') ORDER BY job_id' ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
	}

	/**
	 * The counts as plain SQL sees them.
	 *
	 * @return array{total: int, by_status: array<string, int>, by_pipeline: array<string, int>}
	 */
	private function true_counts(): array {
		global $wpdb;
		$rows   = $wpdb->get_results( "SELECT status, pipeline_id FROM " . \DMJobs\Schema\Repository\TableNames::jobs() . "", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$counts = array(
			'total'       => count( $rows ),
			'by_status'   => array(),
			'by_pipeline' => array(),
		);
		foreach ( $rows as $row ) {
			$base                                           = StatusParser::parse( $row['status'] )->base_value();
			$counts['by_status'][ $base ]                   = ( $counts['by_status'][ $base ] ?? 0 ) + 1;
			$counts['by_pipeline'][ $row['pipeline_id'] ] = ( $counts['by_pipeline'][ $row['pipeline_id'] ] ?? 0 ) + 1;
		}
		ksort( $counts['by_status'] );
		ksort( $counts['by_pipeline'] );
		return $counts;
	}

	/**
	 * @param array<int, array<string, string|null>> $rows
	 * @return int[]
	 */
	private static function row_ids( array $rows ): array {
		return array_map( static fn ( array $row ): int => (int) $row['job_id'], $rows );
	}

	/**
	 * Job IDs of a page as plain SQL orders them (job ID, optionally within created_at bounds).
	 *
	 * @return int[]
	 */
	private function expected_page( JobQuery $query ): array {
		global $wpdb;
		$where  = '1=1';
		$values = array();
		if ( null !== $query->created_after ) {
			$where   .= ' AND created_at >= %s';
			$values[] = $query->created_after;
		}
		if ( null !== $query->created_before ) {
			$where   .= ' AND created_at <= %s';
			$values[] = $query->created_before;
		}
		$values[] = $query->per_page;
		$values[] = $query->offset();
		$order    = SortOrder::Asc === $query->order ? 'ASC' : 'DESC';
		return array_map( 'intval', $wpdb->get_col( $wpdb->prepare( "SELECT job_id FROM " . \DMJobs\Schema\Repository\TableNames::jobs() . " WHERE {$where} ORDER BY job_id {$order} LIMIT %d OFFSET %d", $values ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	public function test_a_few_direct_inserts_are_counted_exactly_at_once(): void {
		$this->insert_directly( 60 );
		$response = $this->admin_request( 'GET', '/jobs/counts' );
		$truth    = $this->true_counts();
		$this->assertSame( 200, $response->get_status() );
		$this->assertTrue( $response->get_data()['exact'] );
		$this->assertSame( $truth['total'], $response->get_data()['total'] );
		$this->assertSame( $truth['total'], (int) $this->admin_request( 'GET', '/jobs', array( 'per_page' => 1 ) )->get_headers()['X-WP-Total'] );
	}

	public function test_counts_catch_up_a_bounded_slice_per_request_and_are_exact_whenever_they_say_so(): void {
		$this->insert_directly( 300 );
		$truth    = $this->true_counts();
		$requests = 0;
		do {
			$before  = (int) get_option( JobCounts::OPTION )['max_id'];
			$current = ( new JobCounts( tail_inline: 20, fold_slice: 40, fold_budget: 0.0 ) )->current();
			$after   = (int) get_option( JobCounts::OPTION )['max_id'];
			++$requests;
			$folded = (int) $GLOBALS['wpdb']->get_var( $GLOBALS['wpdb']->prepare( 'SELECT COUNT(*) FROM ' . \DMJobs\Schema\Repository\TableNames::jobs() . ' WHERE job_id > %d AND job_id <= %d', $before, $after ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			$this->assertLessThanOrEqual( 40, $folded, 'one request folded more than one slice of jobs' );
			if ( $current['exact'] ) {
				$by_status = $current['by_status'];
				ksort( $by_status );
				$by_pipeline = array_filter( $current['by_pipeline'] );
				ksort( $by_pipeline );
				$this->assertSame( $truth['total'], $current['total'] );
				$this->assertSame( $truth['by_status'], $by_status );
				$this->assertEquals( $truth['by_pipeline'], $by_pipeline );
			} else {
				// An estimate while catching up, never presented as exact, and in the right range.
				$this->assertEqualsWithDelta( $truth['total'], $current['total'], 0.1 * $truth['total'] );
			}
		} while ( ! $current['exact'] && $requests < 50 );
		$this->assertTrue( $current['exact'], 'the counts never caught up' );
		$this->assertGreaterThanOrEqual( 7, $requests, 'the catching up was not spread over requests' );
	}

	/**
	 * Auto-increment leaves gaps (rolled-back inserts, the newest jobs deleted): the jobs written after a
	 * gap of a million IDs are few, and counted as the few rows they are.
	 */
	public function test_jobs_after_a_gap_in_ids_are_counted_by_rows_not_by_id_distance(): void {
		global $wpdb;
		$table = \DMJobs\Schema\Repository\TableNames::jobs();
		$next  = (int) $wpdb->get_var( "SELECT MAX(job_id) FROM {$table}" ) + 1000000; // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$wpdb->query( $wpdb->prepare( "INSERT INTO {$table} (job_id, pipeline_id, flow_id, status, created_at) VALUES (%d, 1, 1, 'pending', %s)", $next, gmdate( 'Y-m-d H:i:s' ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->insert_directly( 300 );
		$truth    = $this->true_counts();
		$requests = 0;
		do {
			$current = ( new JobCounts( tail_inline: 20, fold_slice: 40, fold_budget: 0.0 ) )->current();
			++$requests;
		} while ( ! $current['exact'] && $requests < 50 );
		$this->assertTrue( $current['exact'], 'the counts never caught up over the gap' );
		$this->assertSame( $truth['total'], $current['total'] );
		$this->assertLessThanOrEqual( 10, $requests, 'the gap was folded as if it held jobs' );

		$wpdb->query( $wpdb->prepare( "INSERT INTO {$table} (job_id, pipeline_id, flow_id, status, created_at) VALUES (%d, 1, 1, 'failed', %s)", $next + 2000000, gmdate( 'Y-m-d H:i:s' ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$current = ( new JobCounts( tail_inline: 20, fold_slice: 40, fold_budget: 0.0 ) )->current();
		$this->assertTrue( $current['exact'] );
		$this->assertSame( $truth['total'] + 1, $current['total'] );
	}

	public function test_a_missing_snapshot_on_a_big_table_is_built_slice_by_slice(): void {
		delete_option( JobCounts::OPTION );
		$truth    = $this->true_counts();
		$requests = 0;
		do {
			$current = ( new JobCounts( inline_max_rows: 0, tail_inline: 20, fold_slice: 100, fold_budget: 0.0 ) )->current();
			++$requests;
		} while ( ! $current['exact'] && $requests < 50 );
		$this->assertTrue( $current['exact'] );
		$this->assertSame( $truth['total'], $current['total'] );
		if ( JobColumns::uses_sqlite() ) {
			$this->assertSame( 1, $requests, 'SQLite counts in one go' );
		} else {
			$this->assertGreaterThan( 3, $requests, 'one request built the whole snapshot' );
		}
	}

	public function test_deep_pages_are_right_on_every_request_and_anchored_once_caught_up(): void {
		$this->insert_directly( 250 );
		$reads = 0;
		add_filter(
			'query',
			static function ( string $sql ) use ( &$reads ): string {
				$reads += str_contains( $sql, 'WHERE j.job_id >= ' ) ? 1 : 0;
				return $sql;
			}
		);
		for ( $request = 0; $request < 12; $request++ ) {
			$lister = new JobLister(
				counts: new JobCounts( tail_inline: 20, fold_slice: 60, fold_budget: 0.0 ),
				anchors: new PageAnchors( step: self::STEP, extend_budget: 0.0005 ),
				anchor_min_offset: 0,
			);
			foreach ( array( SortOrder::Desc, SortOrder::Asc ) as $order ) {
				foreach ( array( 3, 11, 17 ) as $page ) {
					$query = new JobQuery( page: $page, per_page: 20, order: $order );
					$this->assertSame( $this->expected_page( $query ), self::row_ids( $lister->page( $query )->rows ), "request {$request}, {$order->value} page {$page}" );
				}
			}
		}
		$this->assertGreaterThan( 0, $reads, 'deep pages were never read from the anchors' );
		$this->assertTrue( ( new JobCounts() )->current()['exact'] );
	}

	public function test_date_filters_are_right_on_every_request_and_the_zone_map_catches_up(): void {
		$this->insert_directly( 300 );
		global $wpdb;
		$windows = array(
			array( time() - 30 * DAY_IN_SECONDS, null ),
			array( null, time() - 30 * DAY_IN_SECONDS ),
			array( time() - 60 * DAY_IN_SECONDS, time() - 45 * DAY_IN_SECONDS ),
		);
		for ( $request = 0; $request < 10; $request++ ) {
			$anchors = new PageAnchors( step: self::STEP, extend_budget: 0.0 );
			$lister  = new JobLister( anchors: $anchors, zones: new CreatedAtZones( $anchors, extend_budget: 0.002 ) );
			foreach ( $windows as [ $after, $before ] ) {
				$query = new JobQuery(
					per_page: 50,
					created_after: null === $after ? null : gmdate( 'Y-m-d H:i:s', $after ),
					created_before: null === $before ? null : gmdate( 'Y-m-d H:i:s', $before ),
				);
				$this->assertSame( $this->expected_page( $query ), self::row_ids( $lister->page( $query )->rows ), "request {$request}" );
			}
		}
		$max_id = (int) $wpdb->get_var( "SELECT MAX(job_id) FROM " . \DMJobs\Schema\Repository\TableNames::jobs() . "" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertGreaterThan( $max_id - 2 * self::STEP, ( new CreatedAtZones() )->mapped_up_to(), 'the zone map did not catch up with the inserted rows' );
	}

	public function test_the_live_poll_sees_direct_inserts(): void {
		$token = $this->admin_request( 'GET', '/jobs/changes', array( 'token' => '' ) )->get_data()['token'];
		global $wpdb;
		$newest = (int) $wpdb->get_var( "SELECT MAX(job_id) FROM " . \DMJobs\Schema\Repository\TableNames::jobs() . "" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->insert_directly( 30 );
		$answer = $this->admin_request(
			'GET',
			'/jobs/changes',
			array(
				'token'    => $token,
				'since_id' => $newest,
			)
		)->get_data();
		$this->assertTrue( $answer['changed'] );
		$this->assertSame( 30, $answer['new_jobs'] );
	}
}
