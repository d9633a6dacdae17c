<?php
/**
 * Reads and appends rows of {prefix}dm_jobs_audit. There is no update; deletion only by age (retention).
 *
 * @package DMJobs
 */

namespace DMJobs\Audit\Repository;

use DMJobs\Schema\Repository\TableNames;
use DMJobs\Shared\Repository\Retry;

defined( 'ABSPATH' ) || exit;

final class AuditRepository {

	private const COLUMNS = 'audit_id, created_at, actor_type, user_id, user_login, action, job_id, affected, params';

	/**
	 * @param array{created_at: string, actor_type: string, user_id: int, user_login: string|null, action: string, job_id: int|null, affected: int, params: string|null} $entry
	 * @return int The new audit_id.
	 */
	public function insert( array $entry ): int {
		global $wpdb;
		$fields  = array(
			'created_at' => $entry['created_at'],
			'actor_type' => $entry['actor_type'],
			'user_id'    => $entry['user_id'],
			'action'     => $entry['action'],
			'affected'   => $entry['affected'],
		);
		$formats = array( '%s', '%s', '%d', '%s', '%d' );
		// NULL columns are left out: $wpdb would write "" or 0 for a NULL value with a format.
		foreach ( array( 'user_login' => '%s', 'job_id' => '%d', 'params' => '%s' ) as $column => $format ) {
			if ( null !== $entry[ $column ] ) {
				$fields[ $column ] = $entry[ $column ];
				$formats[]         = $format;
			}
		}
		if ( false === $wpdb->insert( TableNames::audit(), $fields, $formats ) ) {
			throw new \RuntimeException( 'Could not write the audit entry: ' . $wpdb->last_error );
		}
		return (int) $wpdb->insert_id;
	}

	/**
	 * Newest first.
	 *
	 * @param array{action?: string|null, action_prefix?: string|null, actor_type?: string|null, user_id?: int|null, job_id?: int|null, after?: string|null, before?: string|null} $filters
	 * @return array<int, array<string, string|null>>
	 */
	public function find_page( array $filters, int $per_page, int $offset ): array {
		global $wpdb;
		[ $where, $values ] = $this->where( $filters );
		$sql                = 'SELECT ' . self::COLUMNS . ' FROM ' . TableNames::audit() . " WHERE {$where} ORDER BY audit_id DESC LIMIT %d OFFSET %d";
		array_push( $values, $per_page, $offset );
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $values ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * @param array<string, mixed> $filters As find_page().
	 */
	public function count( array $filters ): int {
		global $wpdb;
		[ $where, $values ] = $this->where( $filters );
		$sql                = 'SELECT COUNT(*) FROM ' . TableNames::audit() . " WHERE {$where}";
		return (int) $wpdb->get_var( $values ? $wpdb->prepare( $sql, $values ) : $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * The distinct actions recorded so far (for the filter menu).
	 *
	 * @return string[]
	 */
	public function actions(): array {
		global $wpdb;
		return array_map( 'strval', (array) $wpdb->get_col( 'SELECT DISTINCT action FROM ' . TableNames::audit() . ' ORDER BY action ASC' ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	public function max_id(): int {
		global $wpdb;
		return (int) $wpdb->get_var( 'SELECT MAX(audit_id) FROM ' . TableNames::audit() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * IDs of entries created before a time, ascending, after a cursor and up to a snapshot.
	 *
	 * @return int[]
	 */
	public function ids_older_than( string $before, int $after_id, int $max_id, int $limit ): array {
		global $wpdb;
		$sql = 'SELECT audit_id FROM ' . TableNames::audit() . ' WHERE audit_id > %d AND audit_id <= %d AND created_at < %s ORDER BY audit_id ASC LIMIT %d';
		return array_map( 'intval', (array) $wpdb->get_col( $wpdb->prepare( $sql, $after_id, $max_id, $before, $limit ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	public function count_older_than( string $before, int $max_id ): int {
		global $wpdb;
		$sql = 'SELECT COUNT(*) FROM ' . TableNames::audit() . ' WHERE audit_id <= %d AND created_at < %s';
		return (int) $wpdb->get_var( $wpdb->prepare( $sql, $max_id, $before ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Deletes entries by ID (retention only: the API has no way to remove a single entry).
	 *
	 * @param int[] $ids
	 */
	public function delete_ids( array $ids ): int {
		global $wpdb;
		if ( ! $ids ) {
			return 0;
		}
		$sql = 'DELETE FROM ' . TableNames::audit() . ' WHERE audit_id IN (' . implode( ', ', array_fill( 0, count( $ids ), '%d' ) ) . ')';
		return (int) Retry::query( $wpdb->prepare( $sql, $ids ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * @param array<string, mixed> $filters
	 * @return array{0: string, 1: array<int, int|string>}
	 */
	private function where( array $filters ): array {
		global $wpdb;
		$clauses = array( '1=1' );
		$values  = array();
		if ( ! empty( $filters['action'] ) ) {
			$clauses[] = 'action = %s';
			$values[]  = (string) $filters['action'];
		}
		if ( ! empty( $filters['action_prefix'] ) ) {
			$clauses[] = 'action LIKE %s';
			$values[]  = $wpdb->esc_like( (string) $filters['action_prefix'] ) . '%';
		}
		if ( ! empty( $filters['actor_type'] ) ) {
			$clauses[] = 'actor_type = %s';
			$values[]  = (string) $filters['actor_type'];
		}
		if ( ! empty( $filters['user_id'] ) ) {
			$clauses[] = 'user_id = %d';
			$values[]  = (int) $filters['user_id'];
		}
		if ( ! empty( $filters['job_id'] ) ) {
			$clauses[] = 'job_id = %d';
			$values[]  = (int) $filters['job_id'];
		}
		if ( ! empty( $filters['after'] ) ) {
			$clauses[] = 'created_at >= %s';
			$values[]  = (string) $filters['after'];
		}
		if ( ! empty( $filters['before'] ) ) {
			$clauses[] = 'created_at <= %s';
			$values[]  = (string) $filters['before'];
		}
		return array( implode( ' AND ', $clauses ), $values );
	}
}
