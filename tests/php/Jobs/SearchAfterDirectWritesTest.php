<?php
/**
 * Search stays exactly right for rows written, changed and deleted straight in the jobs table (as Data
 * Machine does; no DM Jobs code runs): every page and X-WP-Total equal a plain case-insensitive
 * substring match over pipeline name, flow name, status reason and (today's generation) label, or the
 * job ID. On today's tables on MySQL/MariaDB labels are found through DM Jobs' table of distinct labels,
 * which catches up a bounded slice per search and is never needed to be current for a right answer.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Jobs;

use DMJobs\Demo\DemoSeeder;
use DMJobs\Jobs\JobCounts;
use DMJobs\Jobs\JobLister;
use DMJobs\Jobs\JobQuery;
use DMJobs\Jobs\LabelDictionary;
use DMJobs\Jobs\Repository\JobListRepository;
use DMJobs\Jobs\Repository\SearchTermRepository;
use DMJobs\Jobs\Repository\LabelDictionaryRepository;
use DMJobs\Schema\Repository\TableNames;
use DMJobs\Status\StatusParser;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class SearchAfterDirectWritesTest extends TestCase {

	private int $pipeline;
	private int $flow;

	protected function setUp(): void {
		parent::setUp();
		( new DemoSeeder() )->seed( 300, true );
		$this->pipeline = Fixtures::pipeline( 'Harbour reports' );
		$this->flow     = Fixtures::flow( $this->pipeline, 'Tide tables' );
		( new JobCounts() )->refresh();
		self::refresh_labels();
	}

	/**
	 * What WP-Cron does (where the labels table is in use).
	 */
	private static function refresh_labels(): void {
		if ( LabelDictionary::usable() ) {
			( new LabelDictionary() )->refresh();
		}
	}

	/**
	 * Jobs inserted the way Data Machine inserts them: today's with text IDs, source and label (direct,
	 * contextless and fan-out children with item titles), the older generation's with numbers.
	 *
	 * @return int[] New job IDs.
	 */
	private function insert_directly( int $rows, string $title ): array {
		$ids = array();
		for ( $i = 0; $i < $rows; $i++ ) {
			$extra = array();
			$ids_of_job = array( $this->pipeline, $this->flow );
			if ( Fixtures::today() ) {
				$kind  = $i % 3;
				$extra = array(
					'source' => 0 === $kind ? 'pipeline' : ( 1 === $kind ? 'system' : 'chat' ),
					'label'  => 0 === $kind ? 'Tide tables' : "{$title} #{$i}",
				);
				if ( 1 === $kind ) {
					$extra['pipeline_id'] = 'direct';
					$extra['flow_id']     = 'direct';
				} elseif ( 2 === $kind ) {
					$extra['pipeline_id'] = null;
					$extra['flow_id']     = null;
				}
			}
			if ( 0 === $i % 7 ) {
				$extra['status_reason'] = 'Upstream quota exhausted';
			}
			$ids[] = Fixtures::job( $ids_of_job[0], $ids_of_job[1], 0 === $i % 5 ? 'processing' : 'failed', '2026-11-02 10:00:00', 0 === $i % 5 ? null : '2026-11-02 10:00:09', $extra );
		}
		return $ids;
	}

	/**
	 * What the search must return, computed in PHP from every row.
	 *
	 * @return int[] Job IDs, newest first.
	 */
	private function expected( string $term ): array {
		global $wpdb;
		$jobs      = TableNames::jobs();
		$label     = Fixtures::today() ? 'j.label' : 'NULL';
		$reason    = Fixtures::today() ? 'j.engine_data' : 'j.status_reason';
		$rows      = $wpdb->get_results( "SELECT j.job_id, j.pipeline_id, j.flow_id, j.status, {$reason} AS reason, {$label} AS label, p.pipeline_name, f.flow_name FROM {$jobs} j LEFT JOIN " . TableNames::pipelines() . ' p ON p.pipeline_id = j.pipeline_id LEFT JOIN ' . TableNames::flows() . ' f ON f.flow_id = j.flow_id ORDER BY j.job_id DESC', ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$ids       = array();
		$contains  = static fn ( ?string $text ): bool => null !== $text && '' !== $text && false !== mb_stripos( $text, $term );
		foreach ( $rows as $row ) {
			$reason = $row['reason'];
			if ( Fixtures::today() ) {
				$data   = json_decode( (string) $reason, true );
				$reason = is_array( $data ) && isset( $data['job_status_reason'] ) ? (string) $data['job_status_reason'] : null;
			}
			$matches = ( ctype_digit( $term ) && (int) $term === (int) $row['job_id'] )
				|| $contains( $row['pipeline_name'] ) || $contains( $row['flow_name'] ) || $contains( $row['label'] )
				|| $contains( $reason ) || $contains( StatusParser::parse( (string) $row['status'] )->reason );
			if ( $matches ) {
				$ids[] = (int) $row['job_id'];
			}
		}
		return $ids;
	}

	/**
	 * Every page of the search (per page 100) and its total, as GET /jobs answers them.
	 *
	 * @return array{ids: int[], total: int}
	 */
	private function search( string $term, ?JobLister $lister = null ): array {
		$lister = $lister ?? new JobLister();
		$ids    = array();
		$total  = null;
		for ( $page = 1; $page <= 20; $page++ ) {
			wp_cache_flush();
			$found = $lister->page( new JobQuery( page: $page, per_page: 100, search: $term ) );
			$total = $total ?? $found->total;
			$this->assertTrue( $found->total_exact, "the total of '{$term}' is exact" );
			$ids = array_merge( $ids, array_map( static fn ( array $row ): int => (int) $row['job_id'], $found->rows ) );
			if ( count( $found->rows ) < 100 ) {
				break;
			}
		}
		return array(
			'ids'   => $ids,
			'total' => (int) $total,
		);
	}

	private function assertSearchIsRight( string $term, ?JobLister $lister = null ): void {
		$expected = $this->expected( $term );
		$this->assertNotSame( array(), $expected, "'{$term}' matches something (else the test proves little)" );
		$found = $this->search( $term, $lister );
		$this->assertSame( $expected, $found['ids'], "jobs matching '{$term}'" );
		$this->assertSame( count( $expected ), $found['total'], "total of '{$term}'" );
	}

	public function test_search_is_right_after_direct_inserts_while_the_labels_catch_up(): void {
		$new   = $this->insert_directly( 450, 'Lighthouse log' );
		$slow   = new LabelDictionary( fold_slice: 20, fold_budget: 0.0 );
		$lister = new JobLister( new JobListRepository( new SearchTermRepository( $slow ) ) );

		$terms = array( 'Tide tab', 'quota exhausted', (string) $new[200], (string) $new[7] );
		if ( Fixtures::today() ) {
			array_unshift( $terms, 'lighthouse LOG #1' );
		}
		foreach ( $terms as $term ) {
			$this->assertSearchIsRight( $term, $lister );
		}
		if ( ! LabelDictionary::usable() ) {
			return;
		}
		$through = (int) get_option( LabelDictionary::OPTION )['through'];
		$this->assertLessThan( max( $new ) - LabelDictionary::FRESH_MARGIN, $through, 'each search folds one bounded slice, not everything' );
		self::refresh_labels();
		$this->assertSame( max( $new ) - LabelDictionary::FRESH_MARGIN, (int) get_option( LabelDictionary::OPTION )['through'] );
		$this->assertContains( 'Lighthouse log #1', ( new LabelDictionaryRepository() )->labels_like( 'lighthouse log #1', 100 ) );
		$this->assertSearchIsRight( 'lighthouse LOG #1' );
	}

	public function test_search_is_right_after_direct_deletes(): void {
		global $wpdb;
		$new = $this->insert_directly( 300, 'Buoy reading' );
		self::refresh_labels();
		$gone = array_slice( $new, 0, 150 );
		$wpdb->query( 'DELETE FROM ' . TableNames::jobs() . ' WHERE job_id IN (' . implode( ',', $gone ) . ')' ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared

		foreach ( Fixtures::today() ? array( 'buoy reading', 'Buoy reading #2', 'quota', 'Tide' ) : array( 'quota', 'Tide' ) as $term ) {
			$this->assertSearchIsRight( $term );
		}
		$this->assertSame( array(), array_intersect( $gone, $this->search( 'Tide' )['ids'] ) );
		if ( LabelDictionary::usable() ) {
			self::refresh_labels();
			$this->assertSame( array(), ( new LabelDictionaryRepository() )->labels_like( 'Buoy reading #10', 100 ), 'labels of deleted jobs are pruned' );
		}
	}

	public function test_search_follows_labels_changed_in_the_table(): void {
		global $wpdb;
		if ( ! Fixtures::today() ) {
			$this->assertFalse( LabelDictionary::usable(), 'only today\'s jobs have labels' );
			return;
		}
		$new = $this->insert_directly( 300, 'Pier camera' );
		self::refresh_labels();
		$open     = $new[10]; // 10 % 5 = 0: processing, a system task.
		$finished = $new[4];
		$jobs     = TableNames::jobs();
		$wpdb->query( $wpdb->prepare( "UPDATE {$jobs} SET label = %s WHERE job_id = %d", 'Storm warning relay', $open ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$wpdb->query( $wpdb->prepare( "UPDATE {$jobs} SET label = %s WHERE job_id = %d", 'Pier camera #250', $finished ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared

		// The old labels no longer match; a running job's new label and a label other jobs carry match at once.
		$this->assertSearchIsRight( 'Pier camera #1' );
		$this->assertNotContains( $open, $this->search( 'Pier camera #10' )['ids'] );
		$this->assertSame( array( $open ), $this->search( 'storm warning' )['ids'] );
		$this->assertSearchIsRight( 'Pier camera #250' );
		$this->assertContains( $finished, $this->search( 'Pier camera #250' )['ids'] );

		// A finished job relabelled with a label no job had (Data Machine never relabels jobs) is found
		// once WP-Cron walked the label index.
		$wpdb->query( $wpdb->prepare( "UPDATE {$jobs} SET label = %s WHERE job_id = %d", 'Harbour master note', $finished ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		self::refresh_labels();
		$this->assertSame( array( $finished ), $this->search( 'harbour master' )['ids'] );
		$this->assertSearchIsRight( 'Pier camera' );
	}

	public function test_job_id_search_reads_a_handful_of_rows(): void {
		global $wpdb;
		$new = $this->insert_directly( 150, 'Quay sensor' );
		self::refresh_labels();
		$term = (string) $new[140];
		$this->assertSearchIsRight( $term );
		if ( ! LabelDictionary::usable() ) {
			return;
		}
		// The page's plan reads the matching job and the labels' jobs through their indexes, not the table.
		[ $where, $values ] = ( new JobListRepository() )->filter_sql( new JobQuery( search: $term ) );
		$plan               = $wpdb->get_row( $wpdb->prepare( 'EXPLAIN SELECT j.job_id FROM ' . TableNames::jobs() . " j WHERE {$where} ORDER BY j.job_id DESC LIMIT 20", $values ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertContains( $plan['type'], array( 'index_merge', 'range', 'ref', 'eq_ref', 'const' ), 'no table or full index scan: ' . wp_json_encode( $plan ) );
		$this->assertLessThan( Fixtures::job_count() / 2, (int) $plan['rows'], (string) wp_json_encode( $plan ) );
	}

	/**
	 * Copies of the jobs from $first_id on, inserted straight into the table (one INSERT … SELECT per
	 * doubling, as a busy Data Machine would add them, no DM Jobs code) until $rows were added, finished.
	 * Today's copies are labelled by their flow name, as Data Machine labels pipeline jobs.
	 */
	private function copy_directly( int $first_id, int $rows ): void {
		global $wpdb;
		$jobs    = TableNames::jobs();
		$columns = 'pipeline_id, flow_id, status, engine_data, created_at, completed_at' . ( Fixtures::today() ? ', source, label' : '' );
		// Finished, as all but Data Machine's newest few jobs are.
		$select  = "pipeline_id, flow_id, CASE WHEN status = 'processing' THEN 'completed' ELSE status END, engine_data, created_at, COALESCE(completed_at, created_at)" . ( Fixtures::today() ? ", source, 'Tide tables'" : '' );
		$added   = 0;
		while ( $added < $rows ) {
			$copied = (int) $wpdb->query( $wpdb->prepare( "INSERT INTO {$jobs} ({$columns}) SELECT {$select} FROM {$jobs} WHERE job_id >= %d ORDER BY job_id ASC LIMIT %d", $first_id, $rows - $added ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$this->assertGreaterThan( 0, $copied );
			$added += $copied;
		}
	}

	/**
	 * The bench's stale phase in small: far more jobs than a "many matches" search above the job ID the
	 * labels table covers. A job-ID search must still read the one job and the uncovered range once (a
	 * primary-key range), not walk the table in job-ID order, and answer exactly.
	 */
	public function test_job_id_search_after_many_direct_inserts_reads_the_uncovered_range_once(): void {
		$old = $this->insert_directly( 30, 'Quay sensor' );
		$this->copy_directly( $old[0], 6000 );
		self::refresh_labels();
		$covered = Fixtures::job_count();
		$first   = $this->insert_directly( 1, 'Slipway gauge' )[0];
		// Copies of a job labelled by its flow name.
		$new     = JobListRepository::DENSE_SEARCH_ROWS + 5000;
		$this->copy_directly( $first, $new - 1 );
		$term   = (string) $old[3];
		$slow   = new LabelDictionary( fold_slice: 20, fold_budget: 0.0 );
		$lister = new JobLister( new JobListRepository( new SearchTermRepository( $slow ) ) );

		$this->assertSearchIsRight( $term, $lister );
		$this->assertContains( $old[3], $this->search( $term, $lister )['ids'] );
		if ( ! LabelDictionary::usable() ) {
			return;
		}
		$this->assertLessThan( $first, (int) get_option( LabelDictionary::OPTION )['through'], 'the labels table has not caught up (each search folds a bounded slice)' );
		$read   = self::rows_read(
			static function () use ( $lister, $term ): void {
				wp_cache_flush();
				$lister->page( new JobQuery( search: $term ) );
			}
		);
		// Walking the table in job-ID order (the page, then its total) reads every job, twice.
		$this->assertLessThan( $new + 2000, $read, "a job-ID search reads the uncovered jobs once, not the {$covered} covered ones" );
	}

	/**
	 * Pipeline and flow sorts over jobs without a saved pipeline/flow (NULL, "direct", a deleted flow)
	 * and flows that share a name, paged across the group boundaries, in both directions.
	 */
	public function test_name_sorts_page_through_unnamed_and_shared_names(): void {
		$twin = Fixtures::flow( $this->pipeline, 'Tide tables' );
		$this->insert_directly( 60, 'Dock tally' );
		for ( $i = 0; $i < 12; $i++ ) {
			Fixtures::job( $this->pipeline, $twin, 'completed', '2026-11-03 10:00:00', '2026-11-03 10:00:05', Fixtures::today() ? array( 'label' => 'Tide tables' ) : array() );
			Fixtures::job( 424242, 424243, 'failed', '2026-11-03 10:00:00', '2026-11-03 10:00:05' );
		}
		global $wpdb;
		$rows = $wpdb->get_results( 'SELECT j.job_id, p.pipeline_name, f.flow_name FROM ' . TableNames::jobs() . ' j LEFT JOIN ' . TableNames::pipelines() . ' p ON p.pipeline_id = j.pipeline_id LEFT JOIN ' . TableNames::flows() . ' f ON f.flow_id = j.flow_id', ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		foreach ( array( 'pipeline_name' => \DMJobs\Jobs\JobOrderBy::Pipeline, 'flow_name' => \DMJobs\Jobs\JobOrderBy::Flow ) as $column => $order_by ) {
			foreach ( \DMJobs\Jobs\SortOrder::cases() as $order ) {
				$sorted = $rows;
				usort(
					$sorted,
					static function ( array $a, array $b ) use ( $column ): int {
						// Jobs without a name (NULL, "direct", gone) come first ascending, as NULL does in SQL.
						$cmp = ( null !== $a[ $column ] ) <=> ( null !== $b[ $column ] );
						$cmp = 0 === $cmp && null !== $a[ $column ] ? strcasecmp( $a[ $column ], $b[ $column ] ) : $cmp;
						return 0 === $cmp ? (int) $a['job_id'] <=> (int) $b['job_id'] : $cmp;
					}
				);
				$expected = array_map( static fn ( array $row ): int => (int) $row['job_id'], \DMJobs\Jobs\SortOrder::Desc === $order ? array_reverse( $sorted ) : $sorted );
				$found    = array();
				for ( $page = 1; $page <= (int) ceil( count( $rows ) / 7 ); $page++ ) {
					wp_cache_flush();
					$found = array_merge( $found, array_map( static fn ( array $row ): int => (int) $row['job_id'], ( new JobLister() )->page( new JobQuery( page: $page, per_page: 7, order_by: $order_by, order: $order ) )->rows ) );
				}
				$this->assertSame( $expected, $found, "{$column} {$order->value}" );
			}
		}
	}

	public function test_first_page_of_a_name_sort_reads_a_page_of_each_unnamed_value_not_the_group(): void {
		if ( \DMJobs\Jobs\Repository\JobColumns::uses_sqlite() ) {
			$this->assertFalse( LabelDictionary::usable() );
			return;
		}
		$this->insert_directly( 240, 'Crane log' );
		for ( $i = 0; $i < 60; $i++ ) {
			Fixtures::job( 424242, 424243, 'failed', '2026-11-03 10:00:00', '2026-11-03 10:00:05' );
		}
		$list = new JobListRepository();
		foreach ( array( \DMJobs\Jobs\JobOrderBy::Pipeline, \DMJobs\Jobs\JobOrderBy::Flow ) as $order_by ) {
			$query = new JobQuery( per_page: 10, order_by: $order_by, order: \DMJobs\Jobs\SortOrder::Asc );
			$list->find_page( $query ); // Warm up (statistics, name lists).
			$read = self::rows_read( static fn () => $list->find_page( $query ) );
			// The unnamed group holds 60 + (today) 160 jobs; a page needs 10 of each stored value at most.
			$this->assertLessThan( 200, $read, "{$order_by->value} asc reads a page per value, not every job without a name" );
		}
	}
}
