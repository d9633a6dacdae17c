<?php
/**
 * Derived columns of dm_jobs. On MySQL/MariaDB they are indexed virtual generated columns, so even rows
 * that Data Machine writes straight into the table are covered; WordPress's SQLite driver has no
 * generated columns, so there the same values are computed in the query (correct, if slower).
 *
 * @package DMJobs
 */

namespace DMJobs\Repository;

use DMJobs\Status\BaseStatus;

defined( 'ABSPATH' ) || exit;

final class JobColumns {

	public const STATUS_BASE = 'dm_status_base';
	public const DURATION    = 'dm_duration';

	private static ?bool $available = null;

	/**
	 * Whether this database has the generated columns (checked once per request).
	 */
	public static function available(): bool {
		if ( null === self::$available ) {
			// Migration 5 adds the columns on MySQL/MariaDB and fails loudly if it cannot, so once it is
			// recorded as applied the columns exist (no SHOW COLUMNS on every request).
			self::$available = ! self::uses_sqlite() && in_array( 5, array_map( 'intval', (array) get_option( SchemaRepository::APPLIED_OPTION, array() ) ), true );
		}
		return self::$available;
	}

	/**
	 * Forget the answer of available(), after a schema change.
	 */
	public static function forget(): void {
		self::$available = null;
	}

	public static function uses_sqlite(): bool {
		global $wpdb;
		return $wpdb instanceof \WP_SQLite_DB;
	}

	/**
	 * A CASE expression mapping a stored status to its base status (NULL when unrecognised).
	 *
	 * @param string $column The status column reference.
	 */
	public static function status_base_expression( string $column = 'status' ): string {
		global $wpdb;
		$case = 'CASE';
		foreach ( BaseStatus::cases() as $status ) {
			[ $condition, $values ] = StatusFilterSql::build( array( $status ), $column );
			$case                  .= $wpdb->prepare( " WHEN {$condition} THEN %s", array_merge( $values, array( $status->value ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		return $wpdb->remove_placeholder_escape( $case ) . ' ELSE NULL END';
	}

	/**
	 * A string key of a JSON column, or NULL (also when the column is not valid JSON: Data Machine's rows
	 * may hold PHP-serialized data from older versions, and a failing expression would break its inserts).
	 *
	 * @param string $column The JSON column reference.
	 * @param string $key    A top-level key made of [a-z_] only.
	 */
	public static function engine_reason_expression( string $column, string $key ): string {
		if ( ! preg_match( '/^[a-z_]+$/', $key ) ) {
			throw new \InvalidArgumentException( 'Invalid JSON key.' );
		}
		return "CASE WHEN JSON_VALID({$column}) THEN JSON_UNQUOTE(JSON_EXTRACT({$column}, '$.{$key}')) ELSE NULL END";
	}

	/**
	 * Seconds from creation to completion.
	 *
	 * @param string $alias Table alias prefix, e.g. "j.".
	 */
	public static function duration_expression( string $alias = '' ): string {
		return self::uses_sqlite()
			// The driver's UNIX_TIMESTAMP(NULL) is "now", not NULL.
			? "(CASE WHEN {$alias}completed_at IS NULL THEN NULL ELSE UNIX_TIMESTAMP({$alias}completed_at) - UNIX_TIMESTAMP({$alias}created_at) END)"
			: "TIMESTAMPDIFF(SECOND, {$alias}created_at, {$alias}completed_at)";
	}
}
