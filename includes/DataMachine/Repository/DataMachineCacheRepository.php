<?php
/**
 * Data Machine's caches and the rows that point at its jobs, for keeping it consistent after DM Jobs
 * deletes or changes jobs and processed items: its transients (found in the options table set-based,
 * not one lookup per key), its run metadata, its processed-item claims and the facts about jobs that
 * are needed after their rows are gone.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine\Repository;

defined( 'ABSPATH' ) || exit;

final class DataMachineCacheRepository {

	private const IN_CHUNK = 2000;

	/**
	 * Transients of one family read at once before looking names up one by one instead.
	 */
	private const FAMILY_READ_LIMIT = 1000;

	/**
	 * Deletes these transients where they exist. Without a persistent object cache the options table
	 * is asked once which of them exist; with one, each is dropped from the cache (no query).
	 *
	 * @param string[]    $names  Transient names.
	 * @param string|null $family A literal prefix every name shares (e.g. "dm_job_"): when the site has
	 *                            only a few transients of that family, they are all read in one range
	 *                            of the options index instead of looking up each name.
	 * @return int How many were found and deleted (without a persistent object cache).
	 */
	public function delete_transients( array $names, ?string $family = null ): int {
		global $wpdb;
		$names = array_values( array_unique( array_filter( $names, static fn ( $name ): bool => is_string( $name ) && '' !== $name ) ) );
		if ( ! $names ) {
			return 0;
		}
		if ( wp_using_ext_object_cache() ) {
			foreach ( $names as $name ) {
				delete_transient( $name );
			}
			return 0;
		}
		$found = null === $family ? null : $this->family_among( $family, $names );
		if ( null === $found ) {
			$found = array();
			foreach ( array_chunk( $names, self::IN_CHUNK ) as $chunk ) {
				$options = array_map( static fn ( string $name ): string => '_transient_' . $name, $chunk );
				$sql     = "SELECT option_name FROM {$wpdb->options} WHERE option_name IN (" . implode( ', ', array_fill( 0, count( $options ), '%s' ) ) . ')';
				foreach ( (array) $wpdb->get_col( $wpdb->prepare( $sql, $options ) ) as $option ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
					$found[] = substr( (string) $option, strlen( '_transient_' ) );
				}
			}
		}
		$deleted = 0;
		foreach ( $found as $name ) {
			if ( delete_transient( $name ) ) {
				++$deleted;
			}
		}
		return $deleted;
	}

	/**
	 * Which of these names exist, read as every transient of the family (one index range) when the
	 * family has at most FAMILY_READ_LIMIT of them; null when it has more (look the names up instead).
	 *
	 * @param string[] $names Names that all start with $family.
	 * @return string[]|null
	 */
	private function family_among( string $family, array $names ): ?array {
		global $wpdb;
		foreach ( $names as $name ) {
			if ( ! str_starts_with( $name, $family ) ) {
				return null;
			}
		}
		$like     = $wpdb->esc_like( '_transient_' . $family ) . '%';
		$existing = (array) $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s LIMIT %d", $like, self::FAMILY_READ_LIMIT + 1 ) );
		if ( count( $existing ) > self::FAMILY_READ_LIMIT ) {
			return null;
		}
		$wanted = array_flip( $names );
		$found  = array();
		foreach ( $existing as $option ) {
			$name = substr( (string) $option, strlen( '_transient_' ) );
			if ( isset( $wanted[ $name ] ) ) {
				$found[] = $name;
			}
		}
		return $found;
	}

	/**
	 * Deletes every transient whose name starts with one of these prefixes (matched literally: an
	 * underscore is not a wildcard here), the way Data Machine clears its patterned caches.
	 *
	 * @param string[] $prefixes
	 */
	public function delete_transients_by_prefix( array $prefixes ): int {
		global $wpdb;
		$names = array();
		foreach ( $prefixes as $prefix ) {
			if ( ! is_string( $prefix ) || '' === $prefix ) {
				continue;
			}
			$like = $wpdb->esc_like( '_transient_' . $prefix ) . '%';
			foreach ( (array) $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s", $like ) ) as $found ) {
				$names[] = substr( (string) $found, strlen( '_transient_' ) );
			}
		}
		$deleted = 0;
		foreach ( array_unique( $names ) as $name ) {
			if ( delete_transient( $name ) ) {
				++$deleted;
			}
		}
		return $deleted;
	}

	/**
	 * Pipeline, flow and status of these jobs (before they are deleted).
	 *
	 * @param int[] $job_ids
	 * @return array<int, array{pipeline_id: string|null, flow_id: string|null, status: string}> job_id => facts
	 */
	public function job_facts( string $jobs_table, array $job_ids ): array {
		global $wpdb;
		$facts = array();
		foreach ( array_chunk( self::ids( $job_ids ), self::IN_CHUNK ) as $chunk ) {
			$sql = "SELECT job_id, pipeline_id, flow_id, status FROM `{$jobs_table}` WHERE job_id IN (" . implode( ', ', array_fill( 0, count( $chunk ), '%d' ) ) . ')';
			foreach ( (array) $wpdb->get_results( $wpdb->prepare( $sql, $chunk ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				$facts[ (int) $row['job_id'] ] = array(
					'pipeline_id' => null === $row['pipeline_id'] ? null : (string) $row['pipeline_id'],
					'flow_id'     => null === $row['flow_id'] ? null : (string) $row['flow_id'],
					'status'      => (string) $row['status'],
				);
			}
		}
		return $facts;
	}

	/**
	 * The stored engine_data of these jobs (only call for the few that need it, e.g. parked ones).
	 *
	 * @param int[] $job_ids
	 * @return array<int, string|null>
	 */
	public function engine_data( string $jobs_table, array $job_ids ): array {
		global $wpdb;
		$stored = array();
		foreach ( array_chunk( self::ids( $job_ids ), 100 ) as $chunk ) {
			$sql = "SELECT job_id, engine_data FROM `{$jobs_table}` WHERE job_id IN (" . implode( ', ', array_fill( 0, count( $chunk ), '%d' ) ) . ')';
			foreach ( (array) $wpdb->get_results( $wpdb->prepare( $sql, $chunk ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				$stored[ (int) $row['job_id'] ] = null === $row['engine_data'] ? null : (string) $row['engine_data'];
			}
		}
		return $stored;
	}

	/**
	 * Deletes the rows of a table that belong to these jobs (job_id column).
	 *
	 * @param int[] $job_ids
	 */
	public function delete_job_rows( string $table, array $job_ids ): int {
		global $wpdb;
		$deleted = 0;
		foreach ( array_chunk( self::ids( $job_ids ), self::IN_CHUNK ) as $chunk ) {
			$sql      = "DELETE FROM `{$table}` WHERE job_id IN (" . implode( ', ', array_fill( 0, count( $chunk ), '%d' ) ) . ')';
			$deleted += (int) $wpdb->query( $wpdb->prepare( $sql, $chunk ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		}
		return $deleted;
	}

	/**
	 * Releases the processed-item claims these jobs held, as Data Machine's release_claims_for_job()
	 * does: a claim without deferral history is deleted, one with history goes back to deferred.
	 *
	 * @param int[] $job_ids
	 */
	public function release_claims( string $table, array $job_ids, string $claimed, string $deferred ): int {
		global $wpdb;
		$released = 0;
		$now      = current_time( 'mysql', true );
		foreach ( array_chunk( self::ids( $job_ids ), self::IN_CHUNK ) as $chunk ) {
			$in        = implode( ', ', array_fill( 0, count( $chunk ), '%d' ) );
			$released += (int) $wpdb->query( $wpdb->prepare( "DELETE FROM `{$table}` WHERE job_id IN ({$in}) AND status = %s AND deferral_count = 0", array_merge( $chunk, array( $claimed ) ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$released += (int) $wpdb->query( $wpdb->prepare( "UPDATE `{$table}` SET status = %s, deferred_at = %s, claim_expires_at = NULL, claim_token = NULL WHERE job_id IN ({$in}) AND status = %s", array_merge( array( $deferred, $now ), $chunk, array( $claimed ) ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		return $released;
	}

	/**
	 * flow_step_id, source_type and item_identifier of these processed-item rows (before they are deleted).
	 *
	 * @param int[] $ids
	 * @return array<int, array{flow_step_id: string, source_type: string, item_identifier: string}>
	 */
	public function processed_item_keys( string $table, array $ids ): array {
		global $wpdb;
		$keys = array();
		foreach ( array_chunk( self::ids( $ids ), self::IN_CHUNK ) as $chunk ) {
			$sql = "SELECT flow_step_id, source_type, item_identifier FROM `{$table}` WHERE id IN (" . implode( ', ', array_fill( 0, count( $chunk ), '%d' ) ) . ')';
			foreach ( (array) $wpdb->get_results( $wpdb->prepare( $sql, $chunk ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				$keys[] = array(
					'flow_step_id'    => (string) $row['flow_step_id'],
					'source_type'     => (string) $row['source_type'],
					'item_identifier' => (string) $row['item_identifier'],
				);
			}
		}
		return $keys;
	}

	/**
	 * @param array<int, mixed> $ids
	 * @return int[]
	 */
	private static function ids( array $ids ): array {
		return array_values( array_unique( array_filter( array_map( 'intval', $ids ), static fn ( int $id ): bool => $id > 0 ) ) );
	}
}
