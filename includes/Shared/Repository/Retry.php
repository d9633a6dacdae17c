<?php
/**
 * Runs one write statement, retrying it when MariaDB/MySQL picked it as a deadlock victim or it
 * waited too long for a lock. Outside a transaction each statement autocommits, so running it again
 * is safe; inside one (Transaction::run()) the whole unit is retried instead. The user never sees a
 * transient lock conflict.
 *
 * @package DMJobs
 */

namespace DMJobs\Shared\Repository;

defined( 'ABSPATH' ) || exit;

final class Retry {

	public const ATTEMPTS = 6;

	/**
	 * How many statements had to be retried in this request (for reports and tests).
	 */
	public static int $retries = 0;

	/**
	 * @param string $prepared A fully prepared statement.
	 * @return int Rows affected.
	 * @throws \RuntimeException When the statement fails for another reason, or keeps conflicting.
	 */
	public static function query( string $prepared ): int {
		global $wpdb;
		for ( $attempt = 1; ; $attempt++ ) {
			$result = $wpdb->query( $prepared ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			if ( false !== $result ) {
				return (int) $result;
			}
			$error = (string) $wpdb->last_error;
			// Inside a transaction a deadlock has rolled back everything before this statement:
			// the caller's unit is retried as a whole (Transaction::run()), not this statement alone.
			if ( $attempt >= self::ATTEMPTS || ! self::is_lock_conflict( $error ) || Transaction::is_open() ) {
				throw new \RuntimeException( 'Database error: ' . $error );
			}
			++self::$retries;
			// 20, 40, 80, 160, 320 ms with jitter.
			usleep( (int) ( ( 10000 << $attempt ) * ( 0.75 + mt_rand() / mt_getrandmax() / 2 ) ) );
		}
	}

	public static function is_lock_conflict( string $error ): bool {
		return (bool) preg_match( '/deadlock|lock wait timeout|database is locked|SQLITE_BUSY/i', $error );
	}
}
