<?php
/**
 * Runs work as one unit: a transaction, or a savepoint inside a transaction that is already open
 * (tests, callers with their own transaction). Inside it, Retry does not retry single statements
 * (a deadlock rolls back the whole transaction); the unit as a whole is retried instead.
 *
 * @package DMJobs
 */

namespace DMJobs\Shared\Repository;

defined( 'ABSPATH' ) || exit;

final class Transaction {

	/**
	 * How deep the units of this request are nested (0: none open).
	 */
	private static int $depth = 0;

	public static function is_open(): bool {
		return self::$depth > 0;
	}

	/**
	 * @template T
	 * @param callable(): T $work
	 * @param int           $attempts How often to run the unit when it loses a lock conflict.
	 * @return T
	 * @throws \Throwable What $work threw (after rolling back), or the last lock conflict.
	 */
	public static function run( callable $work, int $attempts = Retry::ATTEMPTS ): mixed {
		for ( $attempt = 1; ; $attempt++ ) {
			try {
				return self::once( $work );
			} catch ( \RuntimeException $error ) {
				if ( $attempt >= $attempts || self::$depth > 0 || ! Retry::is_lock_conflict( $error->getMessage() ) ) {
					throw $error;
				}
				++Retry::$retries;
				usleep( (int) ( ( 10000 << $attempt ) * ( 0.75 + mt_rand() / mt_getrandmax() / 2 ) ) );
			}
		}
	}

	/**
	 * @template T
	 * @param callable(): T $work
	 * @return T
	 */
	private static function once( callable $work ): mixed {
		global $wpdb;
		$savepoint = 'dm_jobs_unit_' . self::$depth;
		$nested    = self::$depth > 0 || self::database_in_transaction();
		self::statement( $nested ? "SAVEPOINT {$savepoint}" : 'START TRANSACTION' );
		++self::$depth;
		try {
			$result = $work();
		} catch ( \Throwable $error ) {
			--self::$depth;
			$wpdb->query( $nested ? "ROLLBACK TO SAVEPOINT {$savepoint}" : 'ROLLBACK' ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			throw $error;
		}
		--self::$depth;
		self::statement( $nested ? "RELEASE SAVEPOINT {$savepoint}" : 'COMMIT' );
		return $result;
	}

	/**
	 * The database session's ID (0 on SQLite, which has no server to lose). wpdb reconnects and
	 * re-runs a statement silently when the server went away, outside the transaction that was open:
	 * a unit compares this before its last write to notice that.
	 */
	public static function session_id(): int {
		global $wpdb;
		if ( $wpdb instanceof \WP_SQLite_DB ) {
			return 0;
		}
		$handle = $wpdb->dbh;
		return $handle instanceof \mysqli ? (int) mysqli_thread_id( $handle ) : (int) $wpdb->get_var( 'SELECT CONNECTION_ID()' );
	}

	/**
	 * @throws \RuntimeException When the session changed since $session_id was read.
	 */
	public static function assert_session( int $session_id ): void {
		if ( self::session_id() !== $session_id ) {
			throw new \RuntimeException( 'Database connection lost during a batch; the batch is redone.' );
		}
	}

	private static function statement( string $sql ): void {
		global $wpdb;
		if ( false === $wpdb->query( $sql ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			throw new \RuntimeException( 'Database error: ' . $wpdb->last_error );
		}
	}

	/**
	 * Whether the database session has a transaction open (begun by anyone).
	 */
	public static function database_in_transaction(): bool {
		global $wpdb;
		if ( $wpdb instanceof \WP_SQLite_DB ) {
			// PDO::inTransaction() misses transactions begun with a plain BEGIN before PHP 8.4, and the
			// driver keeps its own flag private: ask SQLite, which refuses a BEGIN inside a transaction.
			$pdo = $wpdb->get_driver()->get_connection()->get_pdo();
			try {
				if ( false === $pdo->exec( 'BEGIN' ) ) {
					return true;
				}
			} catch ( \PDOException $e ) {
				return true;
			}
			$pdo->exec( 'COMMIT' );
			return false;
		}
		$suppressed = $wpdb->suppress_errors( true );
		$value      = $wpdb->get_var( 'SELECT @@in_transaction' ); // MariaDB; MySQL has no such variable (null: assume none).
		$wpdb->suppress_errors( $suppressed );
		return '1' === (string) $value;
	}
}
