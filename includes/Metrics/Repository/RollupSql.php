<?php
/**
 * Statements shared by the rollup repositories: a write that fails loudly (so an atomic block
 * rolls back), and native SQLite upserts on the drop-in's own connection.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics\Repository;

defined( 'ABSPATH' ) || exit;

final class RollupSql {

	/**
	 * Runs a write (or control) statement and fails loudly, so an atomic block rolls back.
	 */
	public function run( string $sql ): int {
		global $wpdb;
		$result = $wpdb->query( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( false === $result ) {
			throw new \RuntimeException( 'Metrics rollup query failed: ' . $wpdb->last_error );
		}
		return (int) $result;
	}

	/**
	 * On WordPress's SQLite drop-in, the PDO connection behind $wpdb (null elsewhere).
	 *
	 * Bulk upserts go straight to SQLite on that connection (same transaction), as prepared
	 * statements: the drop-in parses every MySQL statement in PHP, which costs about 0.6 s per
	 * 100-row rollup upsert and would make catching up on a large table take hours.
	 */
	public function sqlite_pdo(): ?\PDO {
		global $wpdb;
		if ( ! ( $wpdb instanceof \WP_SQLite_DB ) || ! method_exists( $wpdb, 'get_driver' ) ) {
			return null;
		}
		$driver = $wpdb->get_driver();
		if ( ! is_object( $driver ) || ! method_exists( $driver, 'get_connection' ) ) {
			return null;
		}
		$connection = $driver->get_connection();
		return is_object( $connection ) && method_exists( $connection, 'get_pdo' ) ? $connection->get_pdo() : null;
	}

	/**
	 * INSERT … ON CONFLICT DO UPDATE in native SQLite, one prepared statement, executed per row.
	 * Identifiers come from RollupTables and fixed lists; every value is bound.
	 *
	 * @param string[]                     $columns
	 * @param string[]                     $conflict
	 * @param string[]                     $updates
	 * @param array<int, array<int, mixed>> $rows
	 */
	public function sqlite_upsert( \PDO $pdo, string $table, array $columns, array $conflict, array $updates, array $rows ): void {
		$sql       = "INSERT INTO `{$table}` (" . implode( ', ', $columns ) . ') VALUES (' . implode( ', ', array_fill( 0, count( $columns ), '?' ) ) . ')'
			. ' ON CONFLICT (' . implode( ', ', $conflict ) . ') DO UPDATE SET ' . implode( ', ', $updates );
		$statement = $pdo->prepare( $sql );
		if ( false === $statement ) {
			throw new \RuntimeException( 'Metrics rollup upsert could not be prepared.' );
		}
		foreach ( $rows as $row ) {
			// Bound as text; SQLite converts them losslessly to the integer columns' type.
			if ( false === $statement->execute( array_values( $row ) ) ) {
				throw new \RuntimeException( 'Metrics rollup upsert failed.' );
			}
		}
	}
}
