<?php
/**
 * Rows of {prefix}dm_jobs_operations: one per batched admin operation, with its cursor and counts.
 *
 * A run claims the row with a short lease (lock_token + locked_until) so two requests never run the
 * same operation at once; a crashed run's lease simply expires and the next call resumes it.
 *
 * @package DMJobs
 */

namespace DMJobs\Operations\Repository;

use DMJobs\Schema\Repository\TableNames;
use DMJobs\Shared\Repository\Retry;

defined( 'ABSPATH' ) || exit;

final class OperationRepository {

	/**
	 * The Data Machine generation (Adapters key) the operation works on; NULL for operations recorded
	 * before generations, which belong to the primary source.
	 */
	public const GENERATION_COLUMN = 'generation';

	private const COLUMNS = 'operation_id, type, state, params, max_id, cursor_id, total, processed, affected, result, message, actor_type, user_id, user_login, cancel_requested, locked_until, created_at, updated_at, finished_at';

	/**
	 * @param array{type: string, state: string, params: string, generation: string, max_id: int, total: int, actor_type: string, user_id: int, user_login: string|null, created_at: string} $operation
	 */
	public function insert( array $operation ): int {
		global $wpdb;
		$fields  = array(
			'type'       => $operation['type'],
			'state'      => $operation['state'],
			'params'     => $operation['params'],
			'generation' => $operation['generation'],
			'max_id'     => $operation['max_id'],
			'total'      => $operation['total'],
			'actor_type' => $operation['actor_type'],
			'user_id'    => $operation['user_id'],
			'created_at' => $operation['created_at'],
			'updated_at' => $operation['created_at'],
		);
		$formats = array( '%s', '%s', '%s', '%s', '%d', '%d', '%s', '%d', '%s', '%s' );
		if ( null !== $operation['user_login'] ) {
			$fields['user_login'] = $operation['user_login'];
			$formats[]            = '%s';
		}
		if ( false === $wpdb->insert( TableNames::operations(), $fields, $formats ) ) {
			throw new \RuntimeException( 'Could not record the operation: ' . $wpdb->last_error );
		}
		return (int) $wpdb->insert_id;
	}

	/**
	 * @return array<string, string|null>|null
	 */
	public function find( int $operation_id ): ?array {
		global $wpdb;
		$sql = 'SELECT ' . self::COLUMNS . ' FROM ' . TableNames::operations() . ' WHERE operation_id = %d';
		$row = $wpdb->get_row( $wpdb->prepare( $sql, $operation_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return is_array( $row ) ? $row : null;
	}

	/**
	 * Newest first, of the given generations (and those recorded before generations, when asked),
	 * optionally only in some states.
	 *
	 * @param string[] $states
	 * @param string[] $generations Adapters keys; never empty.
	 * @return array<int, array<string, string|null>>
	 */
	public function find_recent( array $states, int $limit, array $generations, bool $with_unmarked ): array {
		global $wpdb;
		$in     = 'generation IN (' . implode( ', ', array_fill( 0, count( $generations ), '%s' ) ) . ')';
		$where  = $with_unmarked ? "( {$in} OR generation IS NULL )" : $in;
		$values = $generations;
		if ( $states ) {
			$where .= ' AND state IN (' . implode( ', ', array_fill( 0, count( $states ), '%s' ) ) . ')';
			$values = array_merge( $values, $states );
		}
		$values[] = $limit;
		$sql      = 'SELECT ' . self::COLUMNS . ' FROM ' . TableNames::operations() . " WHERE {$where} ORDER BY operation_id DESC LIMIT %d";
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $values ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Fills the generation column of operations recorded before it existed, from their stored params.
	 */
	public function record_generations_from_params(): void {
		global $wpdb;
		$table = TableNames::operations();
		$rows  = (array) $wpdb->get_results( "SELECT operation_id, params FROM `{$table}` WHERE generation IS NULL", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		foreach ( $rows as $row ) {
			$stored     = json_decode( (string) $row['params'], true );
			$generation = is_array( $stored ) && isset( $stored['generation'] ) && is_string( $stored['generation'] ) ? $stored['generation'] : '';
			if ( '' !== $generation ) {
				$wpdb->update( $table, array( self::GENERATION_COLUMN => $generation ), array( 'operation_id' => (int) $row['operation_id'] ), array( '%s' ), array( '%d' ) );
			}
		}
	}

	/**
	 * Takes the lease of a running operation unless another run holds it.
	 */
	public function claim( int $operation_id, string $token, string $now, string $until ): bool {
		global $wpdb;
		$sql = 'UPDATE ' . TableNames::operations() . " SET lock_token = %s, locked_until = %s WHERE operation_id = %d AND state = 'running'"
			. ' AND ( locked_until IS NULL OR locked_until < %s )';
		return 1 === Retry::query( $wpdb->prepare( $sql, $token, $until, $operation_id, $now ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Records a batch's progress (only by the lease holder), extends the lease and renews its token
	 * (a changed token makes the statement report one affected row even when nothing else changed).
	 *
	 * @return bool Whether the lease was still ours.
	 */
	public function save_progress( int $operation_id, string $token, string $new_token, int $cursor, int $processed_delta, int $affected_delta, string $result, string $now, string $until ): bool {
		global $wpdb;
		$sql = 'UPDATE ' . TableNames::operations() . ' SET cursor_id = %d, processed = processed + %d, affected = affected + %d, result = %s, updated_at = %s, locked_until = %s, lock_token = %s'
			. ' WHERE operation_id = %d AND lock_token = %s';
		return 1 === Retry::query( $wpdb->prepare( $sql, $cursor, $processed_delta, $affected_delta, $result, $now, $until, $new_token, $operation_id, $token ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Ends an operation (completed, cancelled or failed) and drops the lease.
	 *
	 * @param string|null $token Only this lease holder may finish it; null for an idle operation.
	 */
	public function finish( int $operation_id, ?string $token, string $state, ?string $message, string $now ): bool {
		global $wpdb;
		$sql    = 'UPDATE ' . TableNames::operations() . ' SET state = %s, message = %s, finished_at = %s, updated_at = %s, lock_token = NULL, locked_until = NULL'
			. " WHERE operation_id = %d AND state = 'running'";
		$values = array( $state, (string) $message, $now, $now, $operation_id );
		if ( null === $token ) {
			$sql     .= ' AND ( locked_until IS NULL OR locked_until < %s )';
			$values[] = $now;
		} else {
			$sql     .= ' AND lock_token = %s';
			$values[] = $token;
		}
		return 1 === Retry::query( $wpdb->prepare( $sql, $values ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	public function release( int $operation_id, string $token ): void {
		global $wpdb;
		$sql = 'UPDATE ' . TableNames::operations() . ' SET lock_token = NULL, locked_until = NULL WHERE operation_id = %d AND lock_token = %s';
		Retry::query( $wpdb->prepare( $sql, $operation_id, $token ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	public function request_cancel( int $operation_id ): bool {
		global $wpdb;
		$sql = 'UPDATE ' . TableNames::operations() . " SET cancel_requested = 1 WHERE operation_id = %d AND state = 'running'";
		return 1 === Retry::query( $wpdb->prepare( $sql, $operation_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	public function is_cancel_requested( int $operation_id ): bool {
		global $wpdb;
		$sql = 'SELECT cancel_requested FROM ' . TableNames::operations() . ' WHERE operation_id = %d';
		return '1' === (string) $wpdb->get_var( $wpdb->prepare( $sql, $operation_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}
}
