<?php
/**
 * The labels containing a term, read through the labels' trigrams, are exactly the jobs the label
 * column's LIKE finds (case- and accent-insensitive, the collation's own rules, short terms too), also
 * for labels recorded after WP-Cron built the trigrams, and trigrams of pruned labels go with them.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Jobs;

use DMJobs\Jobs\JobLister;
use DMJobs\Jobs\JobQuery;
use DMJobs\Jobs\LabelDictionary;
use DMJobs\Jobs\LabelGrams;
use DMJobs\Jobs\Repository\LabelDictionaryRepository;
use DMJobs\Schema\Repository\TableNames;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class LabelGramsTest extends TestCase {

	private const LABELS = array(
		'Crème brûlée recipe',
		'CREME BRULEE',
		'Straße am Meer',
		'strasse',
		'Æther notes',
		'aether',
		'ＡＢＣ wide letters',
		'abc',
		'Post with emoji 😀 inside',
		'Trailing spaces  ',
		'Ünïcode Test',
		'naïve café',
		'NAIVE CAFE',
		'Tab	inside',
		'Ｚ',
	);

	private const TERMS = array(
		'creme',
		'BRÛL',
		'brulee recipe',
		'ss',
		'straße',
		'STRASSE',
		'ae',
		'æth',
		'abc',
		'ａｂｃ',
		'😀 in',
		'ces  ',
		'es ',
		'unicode',
		'ïc',
		'cafe',
		'naive café',
		'e',
		'z',
		'Item title #12',
		'title #3',
		'item TITLE',
		'b	i',
		'no such label anywhere',
		'%',
		'_',
	);

	private int $flow;

	protected function setUp(): void {
		parent::setUp();
		$pipeline   = Fixtures::pipeline( 'Gram pipeline' );
		$this->flow = Fixtures::flow( $pipeline, 'Gram flow' );
	}

	private function skipped(): bool {
		if ( ! Fixtures::today() || ! LabelDictionary::usable() ) {
			$this->assertFalse( LabelDictionary::usable(), 'the labels table is used only for today\'s jobs on MySQL/MariaDB' );
			return true;
		}
		return false;
	}

	/**
	 * @param string[] $labels
	 * @return int[] New job IDs.
	 */
	private function jobs_labelled( array $labels ): array {
		$ids = array();
		foreach ( $labels as $label ) {
			$ids[] = Fixtures::job(
				0,
				0,
				'completed',
				'2026-11-02 10:00:00',
				'2026-11-02 10:00:05',
				array(
					'source'      => 'system',
					'label'       => $label,
					'pipeline_id' => 'direct',
					'flow_id'     => 'direct',
				)
			);
		}
		return $ids;
	}

	/**
	 * Jobs whose label contains the term, by the collation's LIKE over every job.
	 *
	 * @return int[]
	 */
	private static function jobs_like( string $term ): array {
		global $wpdb;
		return array_map( 'intval', $wpdb->get_col( $wpdb->prepare( 'SELECT job_id FROM ' . TableNames::jobs() . ' WHERE label LIKE %s ORDER BY job_id', '%' . $wpdb->esc_like( $term ) . '%' ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Jobs carrying one of the labels the dictionary found (what the search then reads by label).
	 *
	 * @param string[] $labels
	 * @return int[]
	 */
	private static function jobs_labelled_as( array $labels ): array {
		global $wpdb;
		if ( ! $labels ) {
			return array();
		}
		return array_map( 'intval', $wpdb->get_col( $wpdb->prepare( 'SELECT job_id FROM ' . TableNames::jobs() . ' WHERE label IN (' . implode( ', ', array_fill( 0, count( $labels ), '%s' ) ) . ') ORDER BY job_id', $labels ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	private function assertFoundAsLike( LabelDictionary $dictionary, string $term, int $newest ): void {
		$found = $dictionary->labels_containing( $term );
		$this->assertNotNull( $found['labels'], "'{$term}' matches at most MAX_LABELS labels here" );
		$jobs = array_values( array_unique( array_merge( self::jobs_labelled_as( $found['labels'] ), array_filter( self::jobs_like( $term ), static fn ( int $id ): bool => $id > $found['through'] ) ) ) );
		sort( $jobs );
		$this->assertSame( self::jobs_like( $term ), array_values( array_filter( $jobs, static fn ( int $id ): bool => $id <= $newest ) ), "jobs whose label contains '{$term}'" );
	}

	public function test_trigrams_of_a_weight_string(): void {
		$this->assertSame( array(), LabelGrams::of( "\x0E\x33\x0E\x4A" ), 'two elements make no trigram' );
		$this->assertSame( array( crc32( "\x0E\x33\x0E\x4A\x0E\x60" ) ), LabelGrams::of( "\x0E\x33\x0E\x4A\x0E\x60" ) );
		$this->assertCount( 2, LabelGrams::of( "\x0E\x33\x0E\x4A\x0E\x60\x0E\x33" ) );
		$this->assertCount( 1, LabelGrams::of( "\x0E\x33\x0E\x33\x0E\x33\x0E\x33" ), 'repeated trigrams are listed once' );
	}

	public function test_labels_found_through_trigrams_are_what_like_finds(): void {
		if ( $this->skipped() ) {
			return;
		}
		$titles = array();
		for ( $i = 0; $i < 400; $i++ ) {
			$titles[] = "Item title #{$i}";
		}
		$ids = $this->jobs_labelled( array_merge( self::LABELS, $titles, array_fill( 0, LabelDictionary::FRESH_MARGIN, 'Newest job' ) ) );
		( new LabelDictionary() )->refresh();
		$state = get_option( LabelDictionary::OPTION );
		$this->assertSame( ( new LabelDictionaryRepository() )->gram_collation(), $state['gram_collation'] );
		$this->assertNotSame( '', $state['gram_collation'], 'the test site\'s collation can be cut into trigrams' );
		global $wpdb;
		$this->assertSame( (int) $wpdb->get_var( 'SELECT MAX(label_id) FROM ' . LabelDictionaryRepository::table() ), $state['grams_through'], 'WP-Cron built the trigrams of every label' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared

		foreach ( self::TERMS as $term ) {
			$this->assertFoundAsLike( new LabelDictionary(), $term, max( $ids ) );
		}
		$this->assertNotSame( array(), self::jobs_like( 'ａｂｃ' ), 'width- and case-insensitive as the collation is' );
		$this->assertNotSame( array(), self::jobs_like( 'BRÛL' ) );
		$this->assertSame( self::jobs_like( 'BRÛL' ), self::jobs_like( 'brul' ), 'accent-insensitive' );
	}

	/**
	 * The whole search (GET /jobs' lister): labels recorded before and after WP-Cron built the trigrams,
	 * accents, case and short terms, every job the label column's LIKE finds and its total.
	 */
	public function test_search_finds_what_the_label_columns_like_finds(): void {
		if ( $this->skipped() ) {
			return;
		}
		$this->jobs_labelled( array_merge( array( 'Crème brûlée log', 'CREME BRULEE LOG', 'Ünïcode Gauge', 'Straße buoy' ), array_fill( 0, LabelDictionary::FRESH_MARGIN, 'Newest job' ) ) );
		( new LabelDictionary() )->refresh();
		$this->jobs_labelled( array_merge( array( 'crème BRÛLÉE late', 'unicode gauge late', 'STRASSE late' ), array_fill( 0, LabelDictionary::FRESH_MARGIN, 'Newest job' ) ) );
		foreach ( array( 'creme brulee', 'BRÛLÉE', 'unicode', 'ÜNÏ', 'ga', 'ß', 'straße', 'strasse', 'e l' ) as $term ) {
			wp_cache_flush();
			$found    = ( new JobLister() )->page( new JobQuery( per_page: 100, search: $term ) );
			$expected = array_reverse( self::jobs_like( $term ) );
			$this->assertNotSame( array(), $expected, $term );
			$this->assertSame( $expected, array_map( static fn ( array $row ): int => (int) $row['job_id'], $found->rows ), "jobs matching '{$term}'" );
			$this->assertSame( count( $expected ), $found->total, "total of '{$term}'" );
		}
	}

	public function test_a_rare_term_reads_its_candidates_not_every_label(): void {
		if ( $this->skipped() ) {
			return;
		}
		$titles = array();
		for ( $i = 0; $i < 3000; $i++ ) {
			$titles[] = "Harbour item {$i}";
		}
		$this->jobs_labelled( array_merge( $titles, array( 'Lighthouse keeper' ), array_fill( 0, LabelDictionary::FRESH_MARGIN, 'Newest job' ) ) );
		( new LabelDictionary() )->refresh();
		$dictionary = new LabelDictionary();
		$dictionary->labels_containing( 'warm up' );
		$found = null;
		$read  = self::rows_read(
			static function () use ( $dictionary, &$found ): void {
				$found = $dictionary->labels_containing( 'thouse keep' );
			}
		);
		$this->assertSame( array( 'Lighthouse keeper' ), $found['labels'] );
		$this->assertLessThan( 300, $read, 'the labels of a rare term are read through their trigrams, not all 3,000' );
	}

	public function test_labels_recorded_after_the_trigrams_are_matched_directly(): void {
		if ( $this->skipped() ) {
			return;
		}
		$this->jobs_labelled( array_merge( array( 'Pier camera one' ), array_fill( 0, LabelDictionary::FRESH_MARGIN, 'Newest job' ) ) );
		( new LabelDictionary() )->refresh();
		$grams_through = get_option( LabelDictionary::OPTION )['grams_through'];
		// Folded into the labels table by a search (no WP-Cron run): no trigrams yet.
		$ids = $this->jobs_labelled( array_merge( array( 'Pier CAMÉRA two', 'Quay gauge' ), array_fill( 0, LabelDictionary::FRESH_MARGIN, 'Newest job' ) ) );
		$dictionary = new LabelDictionary();
		$found      = $dictionary->labels_containing( 'pier camera' );
		$this->assertSame( $grams_through, get_option( LabelDictionary::OPTION )['grams_through'], 'searches build no trigrams' );
		$this->assertGreaterThanOrEqual( $ids[1], $found['through'], 'the new jobs\' labels are recorded' );
		$this->assertEqualsCanonicalizing( array( 'Pier camera one', 'Pier CAMÉRA two' ), $found['labels'] );
		$this->assertFoundAsLike( $dictionary, 'quay GAUGE', max( $ids ) );
	}

	public function test_pruned_labels_take_their_trigrams_along(): void {
		global $wpdb;
		if ( $this->skipped() ) {
			return;
		}
		$ids = $this->jobs_labelled( array_merge( array( 'Buoy reading gone', 'Buoy reading kept' ), array_fill( 0, LabelDictionary::FRESH_MARGIN, 'Newest job' ) ) );
		( new LabelDictionary() )->refresh();
		$label_id = (int) $wpdb->get_var( $wpdb->prepare( 'SELECT label_id FROM ' . LabelDictionaryRepository::table() . ' WHERE label = %s', 'Buoy reading gone' ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$grams    = fn (): int => (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM ' . LabelDictionaryRepository::grams_table() . ' WHERE label_id = %d', $label_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$this->assertGreaterThan( 10, $grams() );
		$wpdb->query( $wpdb->prepare( 'DELETE FROM ' . TableNames::jobs() . ' WHERE job_id = %d', $ids[0] ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		for ( $pass = 0; $pass < 5 && $grams() > 0; $pass++ ) {
			( new LabelDictionary() )->refresh();
		}
		$this->assertSame( 0, $grams() );
		$this->assertSame( array( 'Buoy reading kept' ), ( new LabelDictionary() )->labels_containing( 'buoy reading' )['labels'] );
	}
}
