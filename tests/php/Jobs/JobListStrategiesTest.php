<?php
/**
 * The fast paths of the jobs list (merged per-status reads, name-group walks, anchored deep pages,
 * snapshot counts) must return exactly what plain SQL returns.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Jobs;

use DMJobs\Demo\DemoSeeder;
use DMJobs\Jobs\JobCounts;
use DMJobs\Jobs\JobLister;
use DMJobs\Jobs\JobOrderBy;
use DMJobs\Jobs\JobQuery;
use DMJobs\Jobs\PageAnchors;
use DMJobs\Jobs\Repository\JobColumns;
use DMJobs\Jobs\SortOrder;
use DMJobs\Status\BaseStatus;
use DMJobs\Status\StatusParser;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class JobListStrategiesTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		( new DemoSeeder() )->seed( 1200, true );
		// A job of a pipeline that no longer exists, and one whose reason was written by our API.
		global $wpdb;
		Fixtures::job( 987654, 987655, 'failed - gone', '2026-01-01 00:00:00', '2026-01-01 00:00:03' );
		Fixtures::set_reason( (int) $wpdb->get_var( 'SELECT MAX(job_id) FROM ' . \DMJobs\Schema\Repository\TableNames::jobs() . " WHERE status = 'failed'" ), 'quota exceeded' );
		delete_option( JobCounts::OPTION );
		delete_option( PageAnchors::OPTION );
	}

	/**
	 * Every job, in PHP, ordered the way the list defines it.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private function all_jobs(): array {
		global $wpdb;
		$p = $wpdb->prefix;
		return $wpdb->get_results(
			"SELECT j.job_id, j.pipeline_id, j.flow_id, j.status, " . JobColumns::status_reason_sql( 'j.' ) . " AS status_reason, j.created_at, j.completed_at, p.pipeline_name, f.flow_name
			FROM " . \DMJobs\Schema\Repository\TableNames::jobs() . " j LEFT JOIN " . \DMJobs\Schema\Repository\TableNames::pipelines() . " p ON p.pipeline_id = j.pipeline_id LEFT JOIN " . \DMJobs\Schema\Repository\TableNames::flows() . " f ON f.flow_id = j.flow_id",
			ARRAY_A
		);
	}

	/**
	 * @param array<int, array<string, mixed>> $jobs
	 * @return int[]
	 */
	private function expected_ids( array $jobs, JobQuery $query ): array {
		$jobs = array_values(
			array_filter(
				$jobs,
				static function ( array $job ) use ( $query ): bool {
					$base = StatusParser::parse( $job['status'] )->base_value();
					if ( $query->statuses && ! in_array( $base, array_map( static fn ( BaseStatus $s ): string => $s->value, $query->statuses ), true ) ) {
						return false;
					}
					if ( null !== $query->pipeline_id && (int) $job['pipeline_id'] !== $query->pipeline_id ) {
						return false;
					}
					if ( null !== $query->created_before && $job['created_at'] > $query->created_before ) {
						return false;
					}
					return null === $query->created_after || $job['created_at'] >= $query->created_after;
				}
			)
		);
		$key = static function ( array $job ) use ( $query ) {
			return match ( $query->order_by ) {
				JobOrderBy::JobId       => 0,
				JobOrderBy::CreatedAt   => $job['created_at'],
				JobOrderBy::CompletedAt => $job['completed_at'],
				JobOrderBy::Status      => StatusParser::parse( $job['status'] )->base_value(),
				JobOrderBy::Pipeline    => $job['pipeline_name'],
				JobOrderBy::Flow        => $job['flow_name'],
				JobOrderBy::Duration    => null === $job['completed_at'] ? null : strtotime( $job['completed_at'] . ' UTC' ) - strtotime( $job['created_at'] . ' UTC' ),
			};
		};
		usort(
			$jobs,
			static function ( array $a, array $b ) use ( $key, $query ): int {
				$ka  = $key( $a );
				$kb  = $key( $b );
				$cmp = null === $ka || null === $kb ? ( null === $ka ? -1 : 1 ) * ( $ka === $kb ? 0 : 1 ) : ( is_string( $ka ) ? strcasecmp( $ka, $kb ) : $ka <=> $kb );
				$cmp = 0 === $cmp ? (int) $a['job_id'] <=> (int) $b['job_id'] : $cmp;
				return SortOrder::Desc === $query->order ? -$cmp : $cmp;
			}
		);
		return array_map( static fn ( array $job ): int => (int) $job['job_id'], array_slice( $jobs, $query->offset(), $query->per_page ) );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public static function queries(): array {
		$cases = array();
		foreach ( JobOrderBy::cases() as $order_by ) {
			foreach ( SortOrder::cases() as $order ) {
				foreach ( array( 1, 30 ) as $page ) {
					$cases[ "{$order_by->value} {$order->value} page {$page}" ] = array( array( 'order_by' => $order_by, 'order' => $order, 'page' => $page ) );
				}
			}
		}
		$cases['two statuses, deep page']   = array( array( 'statuses' => array( BaseStatus::Cancelled, BaseStatus::Failed ), 'page' => 5 ) );
		$cases['three statuses, asc']       = array( array( 'statuses' => array( BaseStatus::Pending, BaseStatus::Processing, BaseStatus::AgentSkipped ), 'order' => SortOrder::Asc, 'page' => 2 ) );
		$cases['status and pipeline sort']  = array( array( 'statuses' => array( BaseStatus::Failed ), 'order_by' => JobOrderBy::Pipeline, 'page' => 2 ) );
		$cases['after date, flow sort']     = array( array( 'created_after' => gmdate( 'Y-m-d H:i:s', time() - 20 * DAY_IN_SECONDS ), 'order_by' => JobOrderBy::Flow, 'order' => SortOrder::Desc, 'page' => 3 ) );
		return $cases;
	}

	/**
	 * @dataProvider queries
	 * @param array<string, mixed> $args JobQuery arguments.
	 */
	public function test_page_matches_a_plain_sort( array $args ): void {
		$query = new JobQuery( ...array_merge( array( 'per_page' => 25 ), $args ) );
		$page  = ( new JobLister() )->page( $query );
		$ids   = array_map( static fn ( array $row ): int => (int) $row['job_id'], $page->rows );
		$this->assertSame( $this->expected_ids( $this->all_jobs(), $query ), $ids );
	}

	public function test_totals_are_exact_and_follow_changes(): void {
		global $wpdb;
		$lister = new JobLister();
		$all    = $this->all_jobs();
		$failed = count( array_filter( $all, static fn ( array $job ): bool => 'failed' === StatusParser::parse( $job['status'] )->base_value() ) );

		$this->assertSame( array( count( $all ), true ), $lister->total( new JobQuery() ) );
		$this->assertSame( array( $failed, true ), $lister->total( new JobQuery( statuses: array( BaseStatus::Failed ) ) ) );

		// Data Machine finishes an open job and adds two more, straight in the table.
		$open = (int) $wpdb->get_var( "SELECT MIN(job_id) FROM " . \DMJobs\Schema\Repository\TableNames::jobs() . " WHERE status IN ('pending','processing')" );
		$this->assertGreaterThan( 0, $open );
		$wpdb->update( \DMJobs\Schema\Repository\TableNames::jobs(), array( 'status' => 'failed: late', 'completed_at' => gmdate( 'Y-m-d H:i:s' ) ), array( 'job_id' => $open ) );
		$pipeline = (int) $all[0]['pipeline_id'];
		Fixtures::job( $pipeline, (int) $all[0]['flow_id'], 'failed', gmdate( 'Y-m-d H:i:s' ), gmdate( 'Y-m-d H:i:s' ) );
		Fixtures::job( $pipeline, (int) $all[0]['flow_id'], 'pending', gmdate( 'Y-m-d H:i:s' ) );

		$lister = new JobLister();
		$this->assertSame( array( count( $all ) + 2, true ), $lister->total( new JobQuery() ) );
		$this->assertSame( array( $failed + 2, true ), $lister->total( new JobQuery( statuses: array( BaseStatus::Failed ) ) ) );
		$by_pipeline = count( array_filter( $all, static fn ( array $job ): bool => (int) $job['pipeline_id'] === $pipeline ) ) + 2;
		$this->assertSame( array( $by_pipeline, true ), $lister->total( new JobQuery( pipeline_id: $pipeline ) ) );
		$this->assertSame( $failed + 2, ( new JobCounts() )->current()['by_status']['failed'] );

		// A deletion through DM Jobs: a big table's counts turn approximate until WP-Cron recounts;
		// a small one is recounted at once.
		do_action( 'dm_jobs_jobs_deleted', array( $open ) );
		$wpdb->delete( \DMJobs\Schema\Repository\TableNames::jobs(), array( 'job_id' => $open ) );
		$as_if_big = new JobLister( counts: new JobCounts( inline_max_rows: 0 ) );
		$this->assertSame( JobColumns::uses_sqlite(), $as_if_big->total( new JobQuery() )[1], 'SQLite always counts; MySQL says the snapshot is stale' );
		$this->assertSame( array( count( $all ) + 1, true ), ( new JobLister() )->total( new JobQuery() ) );
	}

	public function test_capped_and_estimated_totals(): void {
		$lister = new JobLister();
		$search = $lister->total( new JobQuery( search: 'Tech' ) );
		$this->assertTrue( $search[1] );
		$expected = count(
			array_filter( $this->all_jobs(), static fn ( array $job ): bool => false !== stripos( (string) $job['flow_name'], 'Tech' ) || false !== stripos( (string) $job['pipeline_name'], 'Tech' ) )
		);
		$this->assertSame( $expected, $search[0] );
	}

	public function test_a_narrow_filter_reads_its_page_and_exact_total_in_one_pass(): void {
		$all      = $this->all_jobs();
		$pipeline = (int) $all[0]['pipeline_id'];
		$windowed = $this->count_queries_like( 'COUNT(*) OVER ()' );
		$capped   = $this->count_queries_like( ") capped" );
		$pages    = 0;
		foreach ( array( SortOrder::Desc, SortOrder::Asc ) as $order ) {
			foreach ( array( 1, 2, 40 ) as $page ) {
				$query    = new JobQuery(
					page: $page,
					per_page: 5,
					order: $order,
					statuses: array( BaseStatus::Completed, BaseStatus::Failed ),
					pipeline_id: $pipeline,
					created_after: gmdate( 'Y-m-d H:i:s', time() - 40 * DAY_IN_SECONDS ),
				);
				$expected = $this->expected_ids( $all, $query );
				$matches  = 0;
				for ( $all_page = 1; array() !== $this->expected_ids( $all, new JobQuery( ...array_merge( get_object_vars( $query ), array( 'page' => $all_page, 'per_page' => 100 ) ) ) ); $all_page++ ) {
					$matches += count( $this->expected_ids( $all, new JobQuery( ...array_merge( get_object_vars( $query ), array( 'page' => $all_page, 'per_page' => 100 ) ) ) ) );
				}
				$result = ( new JobLister() )->page( $query );
				$this->assertSame( $expected, array_map( static fn ( array $row ): int => (int) $row['job_id'], $result->rows ), "{$order->value} page {$page}" );
				if ( array() !== $expected ) {
					++$pages;
					$this->assertSame( array( $matches, true ), array( $result->total, $result->total_exact ), "{$order->value} page {$page}" );
				}
			}
		}
		$this->assertGreaterThan( 0, $pages );
		if ( ! JobColumns::uses_sqlite() ) {
			// One read per page gives both; only a page past the end needs the count as well.
			$this->assertSame( 6, $windowed() );
			$this->assertSame( 6 - $pages, $capped() );
		}
	}

	public function test_a_search_alone_is_not_read_through_one_window(): void {
		$all      = $this->all_jobs();
		$ids      = array_map( 'intval', array_column( $all, 'job_id' ) );
		$id       = min( $ids );
		$job      = $all[ array_search( $id, $ids, true ) ];
		$windowed = $this->count_queries_like( 'COUNT(*) OVER ()' );

		$alone = ( new JobLister() )->page( new JobQuery( search: (string) $id, per_page: 5, order: SortOrder::Asc ) );
		$this->assertContains( $id, array_map( static fn ( array $row ): int => (int) $row['job_id'], $alone->rows ) );
		if ( JobColumns::uses_sqlite() ) {
			return;
		}
		// Its estimate counts what the indexes find, not the jobs its LIKE reads beyond the labels table.
		$this->assertSame( 0, $windowed(), 'a search alone is counted, then paged' );
		$narrowed = ( new JobLister() )->page( new JobQuery( search: (string) $id, per_page: 5, order: SortOrder::Asc, pipeline_id: (int) $job['pipeline_id'] ) );
		$this->assertContains( $id, array_map( static fn ( array $row ): int => (int) $row['job_id'], $narrowed->rows ) );
		$this->assertSame( 1, $windowed(), 'a search narrowed by a pipeline reads its page and total in one pass' );
	}

	public function test_deep_pages_through_anchors_match_offset(): void {
		( new JobCounts() )->refresh();
		$anchors = new PageAnchors( step: 100 );
		$all     = $this->all_jobs();
		$this->assertSame( (int) ceil( count( $all ) / 100 ), $anchors->refresh() );
		$lister = new JobLister( anchors: $anchors, anchor_min_offset: 0 );
		$reads  = $this->count_queries_like( 'WHERE j.job_id >= ' );
		foreach ( array( SortOrder::Desc, SortOrder::Asc ) as $order ) {
			foreach ( array( 2, 3, 17, 48, 49, 50 ) as $page ) {
				$query = new JobQuery( page: $page, per_page: 25, order: $order );
				$rows  = $lister->page( $query )->rows;
				$this->assertSame( $this->expected_ids( $all, $query ), array_map( static fn ( array $row ): int => (int) $row['job_id'], $rows ), "{$order->value} page {$page}" );
			}
		}
		// Twelve pages; those past the end are answered without a query.
		$within = count( array_filter( array( 2, 3, 17, 48, 49, 50 ), static fn ( int $page ): bool => ( $page - 1 ) * 25 < count( $all ) ) );
		$this->assertSame( 2 * $within, $reads(), 'deep pages were not read from the anchors' );
	}

	/**
	 * Counts the queries (from now on) that contain a fragment.
	 *
	 * @return callable(): int
	 */
	private function count_queries_like( string $fragment ): callable {
		$count = 0;
		add_filter(
			'query',
			static function ( string $query ) use ( $fragment, &$count ): string {
				$count += str_contains( $query, $fragment ) ? 1 : 0;
				return $query;
			}
		);
		return static function () use ( &$count ): int {
			return $count;
		};
	}

	public function test_date_filters_read_only_matching_zones_and_stay_exact(): void {
		global $wpdb;
		$all = $this->all_jobs();
		// Rows written later with old dates (a restore, a backfill): zones must still find them.
		$late_old = Fixtures::job( (int) $all[0]['pipeline_id'], (int) $all[0]['flow_id'], 'failed', gmdate( 'Y-m-d H:i:s', time() - 80 * DAY_IN_SECONDS ), gmdate( 'Y-m-d H:i:s', time() - 80 * DAY_IN_SECONDS + 5 ) );
		$anchors  = new PageAnchors( step: 50 );
		$anchors->refresh();
		$zones = new \DMJobs\Jobs\CreatedAtZones( $anchors, anchors_each: 2 );
		$this->assertGreaterThan( 10, $zones->refresh() );
		Fixtures::job( (int) $all[0]['pipeline_id'], (int) $all[0]['flow_id'], 'pending', gmdate( 'Y-m-d H:i:s', time() - 85 * DAY_IN_SECONDS ) );

		$lister = new JobLister( anchors: $anchors, zones: $zones );
		$all    = $this->all_jobs();
		$ranged = $this->count_queries_like( 'j.job_id BETWEEN' );
		$windows = array(
			array( time() - 30 * DAY_IN_SECONDS, null ),
			array( null, time() - 30 * DAY_IN_SECONDS ),
			array( time() - 60 * DAY_IN_SECONDS, time() - 45 * DAY_IN_SECONDS ),
			array( time() - 82 * DAY_IN_SECONDS, time() - 79 * DAY_IN_SECONDS ),
			array( time() + DAY_IN_SECONDS, null ),
		);
		foreach ( $windows as [ $after, $before ] ) {
			foreach ( array( SortOrder::Desc, SortOrder::Asc ) as $order ) {
				$query = new JobQuery(
					per_page: 100,
					created_after: null === $after ? null : gmdate( 'Y-m-d H:i:s', $after ),
					created_before: null === $before ? null : gmdate( 'Y-m-d H:i:s', $before ),
					order: $order,
				);
				$page     = $lister->page( $query );
				$expected = $this->expected_ids( $all, $query );
				$this->assertSame( $expected, array_map( static fn ( array $row ): int => (int) $row['job_id'], $page->rows ) );
				$matching = count(
					array_filter(
						$all,
						static fn ( array $job ): bool => ( null === $query->created_after || $job['created_at'] >= $query->created_after )
							&& ( null === $query->created_before || $job['created_at'] <= $query->created_before )
					)
				);
				$this->assertSame( array( $matching, true ), array( $page->total, $page->total_exact ) );
			}
		}
		$this->assertContains( $late_old, array_map( static fn ( array $row ): int => (int) $row['job_id'], $lister->page( new JobQuery( per_page: 100, created_after: gmdate( 'Y-m-d H:i:s', time() - 82 * DAY_IN_SECONDS ), created_before: gmdate( 'Y-m-d H:i:s', time() - 79 * DAY_IN_SECONDS ) ) )->rows ) );
		$this->assertGreaterThan( 0, $ranged(), 'date filters did not use the zone map' );
	}

	public function test_a_zone_map_stored_by_an_earlier_release_reads_the_same(): void {
		$anchors = new PageAnchors( step: 50 );
		$anchors->refresh();
		( new \DMJobs\Jobs\CreatedAtZones( $anchors, anchors_each: 2 ) )->refresh();
		$stored = get_option( \DMJobs\Jobs\CreatedAtZones::OPTION );
		$this->assertIsString( $stored['starts'], 'the map is stored as columns' );
		$windows = array(
			array( gmdate( 'Y-m-d H:i:s', time() - 30 * DAY_IN_SECONDS ), null ),
			array( null, gmdate( 'Y-m-d H:i:s', time() - 30 * DAY_IN_SECONDS ) ),
			array( gmdate( 'Y-m-d H:i:s', time() - 60 * DAY_IN_SECONDS ), gmdate( 'Y-m-d H:i:s', time() - 45 * DAY_IN_SECONDS ) ),
		);
		$ranges = static function () use ( $anchors, $windows ): array {
			$zones = new \DMJobs\Jobs\CreatedAtZones( $anchors, anchors_each: 2, extend_budget: 0 );
			return array_map( static fn ( array $window ): ?array => $zones->id_ranges( ...$window ), $windows );
		};
		$expected = $ranges();
		$this->assertNotContains( null, $expected );

		$rows   = array();
		$starts = explode( ',', $stored['starts'] );
		$ends   = explode( ',', $stored['ends'] );
		$mins   = explode( ',', $stored['mins'] );
		$maxs   = explode( ',', $stored['maxs'] );
		foreach ( $starts as $index => $start ) {
			$rows[] = array( (int) $start, (int) $ends[ $index ], '' === $mins[ $index ] ? null : $mins[ $index ], '' === $maxs[ $index ] ? null : $maxs[ $index ] );
		}
		update_option(
			\DMJobs\Jobs\CreatedAtZones::OPTION,
			array(
				'version' => $stored['version'],
				'zones'   => $rows,
				'tail'    => $stored['tail'],
			),
			false
		);
		$this->assertSame( $expected, $ranges() );
	}
}
