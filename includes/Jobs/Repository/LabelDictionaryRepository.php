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
 * @package DMJobs
 */

namespace DMJobs\Jobs\Repository;

use DMJobs\Schema\Repository\TableNames;

defined( 'ABSPATH' ) || exit;

final class LabelDictionaryRepository {

	public static function table(): string {
		global $wpdb;
		return $wpdb->prefix . 'dm_jobs_labels';
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
		$sql = 'INSERT IGNORE INTO ' . self::table() . ' (label) SELECT DISTINCT label FROM ' . TableNames::jobs()
			. " WHERE job_id > %d AND job_id <= %d AND label IS NOT NULL AND label <> ''";
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
		$sql = 'INSERT IGNORE INTO ' . self::table() . ' (label) VALUES ' . implode( ', ', array_fill( 0, count( $labels ), '(%s)' ) );
		if ( false === $wpdb->query( $wpdb->prepare( $sql, $labels ) ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			throw new \RuntimeException( 'Could not record job labels: ' . $wpdb->last_error );
		}
	}

	/**
	 * Removes, from the labels after $after (in label order, up to $limit of them), those no job carries
	 * any more (one index lookup each). Returns the last label looked at, or null when the pass is done.
	 */
	public function prune( string $after, int $limit ): ?string {
		global $wpdb;
		$table  = self::table();
		$labels = $wpdb->get_col( $wpdb->prepare( "SELECT label FROM {$table} WHERE label > %s ORDER BY label ASC LIMIT %d", $after, $limit ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( ! $labels ) {
			return null;
		}
		$jobs = TableNames::jobs();
		$wpdb->query(
			$wpdb->prepare(
				"DELETE d FROM {$table} d WHERE d.label IN (" . implode( ', ', array_fill( 0, count( $labels ), '%s' ) ) . ") AND NOT EXISTS (SELECT 1 FROM {$jobs} j WHERE j.label = d.label)", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				$labels
			)
		);
		return count( $labels ) < $limit ? null : (string) end( $labels );
	}
}
