<?php
/**
 * DM Jobs' own table of the distinct job labels of today's Data Machine (item titles, flow names,
 * workflow labels: far too many to list per request), so a search finds the labels that contain a term
 * in a small table and then reads their jobs through the label index, instead of running
 * LIKE '%term%' over every job. MySQL/MariaDB only; it uses the jobs table's collation, so matching
 * and equality are the same as on the jobs table.
 *
 * A label is written once, when Data Machine creates the job; the table is filled from job-ID ranges.
 * It may hold labels no job carries any more (their jobs were deleted): a search reads the jobs by
 * label, so those match nothing, and prune() removes them.
 *
 * Each label has an ID (label_id, in the order labels were recorded) and its trigrams (LabelGrams) in a
 * second table, dm_jobs_label_grams (gram, label_id), so the labels containing a term of 3 or more
 * collation elements are read as candidates through that table's primary key and confirmed by the same
 * LIKE, instead of reading every label. Labels recorded after the trigrams were built (label_id above the
 * one given) are matched by LIKE directly, through the label_id index.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Repository;

use DMJobs\Jobs\LabelGrams;
use DMJobs\Schema\Repository\TableNames;

defined( 'ABSPATH' ) || exit;

final class LabelDictionaryRepository {

	/**
	 * Collations whose WEIGHT_STRING() is the primary weights, 2 bytes per element, and whose root
	 * tailoring has no contractions (a contraction's weight is not its characters' weights in a row).
	 */
	private const GRAM_COLLATION = '/^utf8mb4_(general|unicode|unicode_520|0900_ai|uca1400_ai)_ci$/';

	public static function table(): string {
		global $wpdb;
		return $wpdb->prefix . 'dm_jobs_labels';
	}

	public static function grams_table(): string {
		global $wpdb;
		return $wpdb->prefix . 'dm_jobs_label_grams';
	}

	/**
	 * The collation of the label column if its weights can be cut into trigrams (see GRAM_COLLATION;
	 * also checked on the server: one element of 2 bytes per ASCII letter), else null.
	 */
	public function gram_collation(): ?string {
		global $wpdb;
		$collation = (string) $wpdb->get_var( $wpdb->prepare( 'SELECT COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s AND COLUMN_NAME = %s', self::table(), 'label' ) );
		if ( ! preg_match( self::GRAM_COLLATION, $collation ) ) {
			return null;
		}
		$units = array( $this->weights( 'a', $collation ), $this->weights( 'aBc', $collation ) );
		return array( 2, 6 ) === array_map( static fn ( ?string $weights ): int => strlen( (string) $weights ), $units ) ? $collation : null;
	}

	/**
	 * The term's weights in the collation (null when the server cannot compute them).
	 *
	 * @param string $collation A name gram_collation() returned.
	 */
	public function weights( string $term, string $collation ): ?string {
		global $wpdb;
		if ( ! preg_match( self::GRAM_COLLATION, $collation ) ) {
			return null;
		}
		$weights = $wpdb->get_var( $wpdb->prepare( "SELECT WEIGHT_STRING(CONVERT(%s USING utf8mb4) COLLATE {$collation})", $term ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return null === $weights ? null : (string) $weights;
	}

	/**
	 * Labels with $after_id < label_id, in label_id order, at most $limit: label_id => the label's weights.
	 *
	 * @return array<int, string>
	 */
	public function weights_of_labels_after( int $after_id, int $limit ): array {
		global $wpdb;
		$rows = $wpdb->get_results( $wpdb->prepare( 'SELECT label_id, WEIGHT_STRING(label) AS weights FROM ' . self::table() . ' WHERE label_id > %d ORDER BY label_id ASC LIMIT %d', $after_id, $limit ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$found = array();
		foreach ( (array) $rows as $row ) {
			$found[ (int) $row['label_id'] ] = (string) $row['weights'];
		}
		return $found;
	}

	/**
	 * Records the trigrams of labels (those already there are kept).
	 *
	 * @param array<int, int[]> $grams label_id => its trigrams.
	 */
	public function add_grams( array $grams ): void {
		global $wpdb;
		$pairs = array();
		foreach ( $grams as $label_id => $of_label ) {
			foreach ( $of_label as $gram ) {
				$pairs[] = array( $gram, $label_id );
			}
		}
		sort( $pairs ); // Primary-key order: each INSERT appends to a few pages instead of many.
		foreach ( array_chunk( $pairs, 1000 ) as $chunk ) {
			$sql = 'INSERT IGNORE INTO ' . self::grams_table() . ' (gram, label_id) VALUES ' . implode( ', ', array_fill( 0, count( $chunk ), '(%d, %d)' ) );
			if ( false === $wpdb->query( $wpdb->prepare( $sql, array_merge( ...$chunk ) ) ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				throw new \RuntimeException( 'Could not record label trigrams: ' . $wpdb->last_error );
			}
		}
	}

	public function remove_all_grams(): void {
		global $wpdb;
		$wpdb->query( 'DELETE FROM ' . self::grams_table() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * How many labels have each trigram: counted up to $cap (an index range of at most $cap entries each),
	 * estimated above it.
	 *
	 * @param int[] $grams
	 * @return array<int, int> gram => labels (at most $cap).
	 */
	public function gram_frequencies( array $grams, int $cap ): array {
		global $wpdb;
		if ( ! $grams ) {
			return array();
		}
		$one    = '(SELECT %d AS gram, COUNT(*) AS labels FROM (SELECT 1 FROM ' . self::grams_table() . ' WHERE gram = %d LIMIT %d) g)';
		$values = array();
		foreach ( $grams as $gram ) {
			array_push( $values, $gram, $gram, $cap );
		}
		$rows  = $wpdb->get_results( $wpdb->prepare( implode( ' UNION ALL ', array_fill( 0, count( $grams ), $one ) ), $values ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$found = array();
		foreach ( (array) $rows as $row ) {
			$found[ (int) $row['gram'] ] = (int) $row['labels'];
		}
		foreach ( $found as $gram => $labels ) {
			if ( $labels >= $cap ) {
				// Common trigrams would all tie at the cap: the optimizer's estimate (an index dive) tells
				// them apart, without reading their labels.
				$plan           = $wpdb->get_row( $wpdb->prepare( 'EXPLAIN SELECT 1 FROM ' . self::grams_table() . ' WHERE gram = %d', $gram ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				$found[ $gram ] = max( $cap, (int) ( is_array( $plan ) ? ( $plan['rows'] ?? PHP_INT_MAX ) : PHP_INT_MAX ) );
			}
		}
		return $found;
	}

	/**
	 * Labels that contain the term, at most $limit + 1 of them, like labels_like(): those with label_id
	 * up to $grams_through are read as the labels having every one of $grams (the first drives: the
	 * rarest; each other is one primary-key lookup per candidate), those above it directly.
	 *
	 * @param int[] $grams Trigrams of the term, rarest first (at least one).
	 * @return string[]
	 */
	public function labels_like_by_grams( array $grams, int $grams_through, string $term, int $limit ): array {
		global $wpdb;
		$like  = '%' . $wpdb->esc_like( $term ) . '%';
		$table = self::table();
		$posts = self::grams_table();
		$joins = '';
		foreach ( array_slice( array_keys( $grams ), 1 ) as $at ) {
			$joins .= " JOIN {$posts} g{$at} ON g{$at}.gram = %d AND g{$at}.label_id = g0.label_id";
		}
		$sql    = "(SELECT STRAIGHT_JOIN l.label FROM {$posts} g0{$joins} JOIN {$table} l ON l.label_id = g0.label_id WHERE g0.gram = %d AND g0.label_id <= %d AND l.label LIKE %s LIMIT %d)"
			. " UNION ALL (SELECT label FROM {$table} WHERE label_id > %d AND label LIKE %s LIMIT %d) LIMIT %d";
		$values = array_merge( array_slice( $grams, 1 ), array( $grams[0], $grams_through, $like, $limit + 1, $grams_through, $like, $limit + 1, $limit + 1 ) );
		return array_map( 'strval', $wpdb->get_col( $wpdb->prepare( $sql, $values ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Labels that contain the term (the collation's case-insensitive LIKE), at most $limit + 1 of them
	 * (so "more than $limit" is cheap to learn).
	 *
	 * @return string[]
	 */
	public function labels_like( string $term, int $limit ): array {
		global $wpdb;
		$sql = 'SELECT label FROM ' . self::table() . ' WHERE label LIKE %s LIMIT %d';
		return array_map( 'strval', $wpdb->get_col( $wpdb->prepare( $sql, '%' . $wpdb->esc_like( $term ) . '%', $limit + 1 ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Adds the labels of jobs with $after_id < job_id <= $up_to_id (a primary-key range).
	 */
	public function add_labels_of_jobs( int $after_id, int $up_to_id ): void {
		global $wpdb;
		// Only labels not recorded yet: an ignored row would still use up a label_id.
		$table = self::table();
		$sql   = "INSERT IGNORE INTO {$table} (label) SELECT DISTINCT j.label FROM " . TableNames::jobs()
			. " j WHERE j.job_id > %d AND j.job_id <= %d AND j.label IS NOT NULL AND j.label <> '' AND NOT EXISTS (SELECT 1 FROM {$table} d WHERE d.label = j.label)";
		if ( false === $wpdb->query( $wpdb->prepare( $sql, $after_id, $up_to_id ) ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			throw new \RuntimeException( 'Could not record job labels: ' . $wpdb->last_error );
		}
	}

	/**
	 * The IDs of jobs with $after_id < job_id <= $up_to_id whose label contains the term, at most
	 * $limit + 1 of them (a primary-key range read once; so "more than $limit" is cheap to learn).
	 *
	 * @return int[]
	 */
	public function job_ids_with_label_like( int $after_id, int $up_to_id, string $term, int $limit ): array {
		global $wpdb;
		$sql = 'SELECT job_id FROM ' . TableNames::jobs() . ' WHERE job_id > %d AND job_id <= %d AND label LIKE %s ORDER BY job_id ASC LIMIT %d';
		return array_map( 'intval', $wpdb->get_col( $wpdb->prepare( $sql, $after_id, $up_to_id, '%' . $wpdb->esc_like( $term ) . '%', $limit + 1 ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * The distinct labels of the jobs table after $after, in label order (a loose scan of the label
	 * index: one lookup per distinct label).
	 *
	 * @return string[]
	 */
	public function labels_of_jobs_after( string $after, int $limit ): array {
		global $wpdb;
		$sql = 'SELECT DISTINCT label FROM ' . TableNames::jobs() . " WHERE label > %s AND label <> '' ORDER BY label ASC LIMIT %d";
		return array_map( 'strval', $wpdb->get_col( $wpdb->prepare( $sql, $after, $limit ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Records labels (those already there are kept).
	 *
	 * @param string[] $labels
	 */
	public function add( array $labels ): void {
		global $wpdb;
		if ( ! $labels ) {
			return;
		}
		// Only labels not recorded yet (an ignored row would still use up a label_id); a label equal to a
		// recorded one in the collation but not byte for byte is ignored by the insert.
		$sql    = 'SELECT label FROM ' . self::table() . ' WHERE label IN (' . implode( ', ', array_fill( 0, count( $labels ), '%s' ) ) . ')';
		$labels = array_values( array_diff( $labels, array_map( 'strval', $wpdb->get_col( $wpdb->prepare( $sql, $labels ) ) ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( ! $labels ) {
			return;
		}
		$sql = 'INSERT IGNORE INTO ' . self::table() . ' (label) VALUES ' . implode( ', ', array_fill( 0, count( $labels ), '(%s)' ) );
		if ( false === $wpdb->query( $wpdb->prepare( $sql, $labels ) ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			throw new \RuntimeException( 'Could not record job labels: ' . $wpdb->last_error );
		}
	}

	/**
	 * Removes, from the labels after $after (in label order, up to $limit of them), those no job carries
	 * any more (one index lookup each), and their trigrams. Returns the last label looked at, or null
	 * when the pass is done.
	 */
	public function prune( string $after, int $limit ): ?string {
		global $wpdb;
		$table = self::table();
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT label_id, label, WEIGHT_STRING(label) AS weights FROM {$table} WHERE label > %s ORDER BY label ASC LIMIT %d", $after, $limit ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( ! $rows ) {
			return null;
		}
		$labels = array_map( 'strval', array_column( $rows, 'label' ) );
		$jobs   = TableNames::jobs();
		// The label with the highest ID stays: were it removed, a server that sets AUTO_INCREMENT to the
		// highest ID + 1 on restart (MySQL before 8.0) would hand its ID out again, to a label recorded
		// after the trigrams of that ID were built (it would have none, and not be found).
		$highest = (int) $wpdb->get_var( "SELECT MAX(label_id) FROM {$table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$wpdb->query(
			$wpdb->prepare(
				"DELETE d FROM {$table} d WHERE d.label IN (" . implode( ', ', array_fill( 0, count( $labels ), '%s' ) ) . ") AND d.label_id < %d AND NOT EXISTS (SELECT 1 FROM {$jobs} j WHERE j.label = d.label)", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				array_merge( $labels, array( $highest ) )
			)
		);
		if ( $wpdb->rows_affected > 0 ) {
			$this->remove_grams_of_removed( $rows );
		}
		return count( $labels ) < $limit ? null : (string) end( $labels );
	}

	/**
	 * Removes the trigrams of those of these labels that are gone (by primary key: a label's trigrams
	 * follow from its weights).
	 *
	 * @param array<int, array{label_id: string, weights: string}> $rows
	 */
	private function remove_grams_of_removed( array $rows ): void {
		global $wpdb;
		$ids   = array_map( 'intval', array_column( $rows, 'label_id' ) );
		$kept  = array_map( 'intval', $wpdb->get_col( $wpdb->prepare( 'SELECT label_id FROM ' . self::table() . ' WHERE label_id IN (' . implode( ', ', array_fill( 0, count( $ids ), '%d' ) ) . ')', $ids ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		foreach ( $rows as $row ) {
			$grams = LabelGrams::of( (string) $row['weights'] );
			if ( $grams && ! in_array( (int) $row['label_id'], $kept, true ) ) {
				$sql = 'DELETE FROM ' . self::grams_table() . ' WHERE label_id = %d AND gram IN (' . implode( ', ', array_fill( 0, count( $grams ), '%d' ) ) . ')';
				$wpdb->query( $wpdb->prepare( $sql, (int) $row['label_id'], ...$grams ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			}
		}
	}
}
