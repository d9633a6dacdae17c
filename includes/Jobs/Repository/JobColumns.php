<?php
/**
 * Derived columns of dm_jobs. On MySQL/MariaDB they are indexed virtual generated columns, so even rows
 * that Data Machine writes straight into the table are covered; WordPress's SQLite driver has no
 * generated columns, so there the same values are computed in the query (correct, if slower).
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Repository;

use DMJobs\DataMachine\Adapters;
use DMJobs\DataMachine\AddedSchema;
use DMJobs\Schema\Repository\SchemaRepository;
use DMJobs\Schema\Repository\TableNames;
use DMJobs\Status\BaseStatus;
use DMJobs\Status\StatusParser;

defined( 'ABSPATH' ) || exit;

final class JobColumns {

	public const STATUS_BASE = 'dm_status_base';

	public const REBUILDING_OPTION = 'dm_jobs_generated_columns_rebuilding';

	public const REBUILD_MARK_TTL = 1800;
	public const DURATION    = 'dm_duration';

	private static ?bool $available = null;

	/**
	 * Whether this database has the generated columns (checked once per request).
	 */
	public static function available(): bool {
		if ( null === self::$available ) {
			// Migration 5 adds the columns on MySQL/MariaDB and fails loudly if it cannot, so once it is
			// recorded as applied the columns exist (no SHOW COLUMNS on every request).
			self::$available = ! self::uses_sqlite() && in_array( 5, array_map( 'intval', (array) get_option( SchemaRepository::APPLIED_OPTION, array() ) ), true ) && ! self::rebuilding();
		}
		return self::$available;
	}

	/**
	 * A migration is dropping and adding the generated columns again (seconds to minutes on a big table):
	 * meanwhile requests compute them in the query instead of reading columns and indexes that may be
	 * missing. A mark older than REBUILD_MARK_TTL is left over from a process that died mid-way.
	 */
	public static function rebuilding(): bool {
		// Set autoloaded (see while_rebuilding()): read from the loaded options, no query per request.
		$since = (int) ( wp_load_alloptions()[ self::REBUILDING_OPTION ] ?? 0 );
		return $since > 0 && time() - $since < self::REBUILD_MARK_TTL;
	}

	/**
	 * Runs a rebuild of the generated columns with the mark set (see rebuilding()).
	 */
	public static function while_rebuilding( callable $rebuild ): void {
		update_option( self::REBUILDING_OPTION, time(), true );
		self::forget();
		try {
			$rebuild();
		} finally {
			delete_option( self::REBUILDING_OPTION );
			self::forget();
		}
	}

	/**
	 * Forget the answer of available(), after a schema change.
	 */
	public static function forget(): void {
		self::$available = null;
	}

	/**
	 * The columns every job list reads (never engine_data): the v0.1 set, the status reason, the names,
	 * and today's user_id, source, label and parent_job_id where the generation has them.
	 *
	 * @param bool $with_engine_data Also read engine_data (details, exports that ask for it).
	 */
	public static function list_columns( bool $with_engine_data = false ): string {
		$columns = 'j.job_id, j.pipeline_id, j.flow_id, j.status, ' . self::status_reason_sql( 'j.' ) . ' AS status_reason, j.created_at, j.completed_at, p.pipeline_name, f.flow_name';
		foreach ( array( 'user_id', 'source', 'label', 'parent_job_id' ) as $extra ) {
			if ( in_array( $extra, Adapters::current()->extra_job_columns(), true ) ) {
				$columns .= ", j.{$extra}";
			}
		}
		return $columns . ( $with_engine_data ? ', j.engine_data' : '' );
	}

	/**
	 * The status reason of a job as SQL: our status_reason column (a virtual column reading
	 * engine_data.job_status_reason on today's generation); on SQLite, which has no generated columns,
	 * today's generation reads the JSON in the query.
	 *
	 * @param string $alias Table alias prefix, e.g. "j.".
	 */
	public static function status_reason_sql( string $alias = '' ): string {
		$key = Adapters::current()->status_reason_key();
		if ( null === $key || ! self::uses_sqlite() ) {
			return $alias . AddedSchema::STATUS_REASON;
		}
		return "(CASE WHEN JSON_VALID({$alias}engine_data) THEN JSON_EXTRACT({$alias}engine_data, '$.{$key}') ELSE NULL END)";
	}

	/**
	 * Whether status_reason is a column we may write (false where it mirrors engine_data).
	 */
	public static function status_reason_writable(): bool {
		return null === Adapters::current()->status_reason_key();
	}

	/**
	 * "SET" part that stores a status reason (one %s placeholder when $with_reason) or clears it: our
	 * status_reason column, or, on today's generation, engine_data.job_status_reason as Data Machine's
	 * Jobs::engine_data_with_status_reason() keeps it (engine_data that is not JSON is left alone).
	 */
	public static function reason_assignment_sql( bool $with_reason ): string {
		$key = Adapters::current()->status_reason_key();
		if ( null === $key ) {
			return 'status_reason = ' . ( $with_reason ? '%s' : 'NULL' );
		}
		$data = "COALESCE(NULLIF(engine_data, ''), '{}')";
		$new  = $with_reason ? "JSON_SET({$data}, '$.{$key}', %s)" : "JSON_REMOVE({$data}, '$.{$key}')";
		return "engine_data = CASE WHEN JSON_VALID({$data}) THEN {$new} ELSE engine_data END";
	}

	/**
	 * The placeholder for a pipeline or flow ID: %s where the generation stores them as text (comparing
	 * a varchar column with a number casts every row and skips the index), else %d.
	 */
	public static function id_placeholder(): string {
		return Adapters::current()->ids_are_text() ? '%s' : '%d';
	}

	/**
	 * A pipeline or flow ID as the generation stores it.
	 */
	public static function id_value( int $id ): int|string {
		return Adapters::current()->ids_are_text() ? (string) $id : $id;
	}

	/**
	 * "column IN (…)" for pipeline or flow IDs, as literal SQL (the IDs are integers). On today's
	 * generation the IDs are compared as text, and 0 stands for the jobs without a saved pipeline/flow
	 * (NULL or "direct").
	 *
	 * @param string $column Column reference, e.g. "j.pipeline_id".
	 * @param int[]  $ids    IDs.
	 */
	public static function id_in_sql( string $column, array $ids ): string {
		$ids = array_values( array_unique( array_map( 'intval', $ids ) ) );
		if ( ! Adapters::current()->ids_are_text() ) {
			return $ids ? "{$column} IN (" . implode( ', ', $ids ) . ')' : '1=0';
		}
		$parts  = array();
		$saved  = array_filter( $ids, static fn ( int $id ): bool => $id > 0 );
		if ( $saved ) {
			$parts[] = "{$column} IN ('" . implode( "', '", $saved ) . "')";
		}
		if ( in_array( 0, $ids, true ) ) {
			$parts[] = "{$column} IS NULL OR {$column} = 'direct'";
		}
		return $parts ? '(' . implode( ' OR ', $parts ) . ')' : '1=0';
	}

	/**
	 * The same as id_in_sql(), as one condition per stored value (each an equality, or IS NULL), so
	 * each can be read from the column's index in job-ID order.
	 *
	 * @param string $column Column reference, e.g. "j.pipeline_id".
	 * @param int[]  $ids    IDs.
	 * @return string[]
	 */
	public static function id_conditions_sql( string $column, array $ids ): array {
		$ids   = array_values( array_unique( array_map( 'intval', $ids ) ) );
		$text  = Adapters::current()->ids_are_text();
		$parts = array();
		foreach ( $ids as $id ) {
			if ( $text && 0 === $id ) {
				$parts[] = "{$column} IS NULL";
				$parts[] = "{$column} = 'direct'";
			} elseif ( $text ) {
				$parts[] = "{$column} = '{$id}'";
			} else {
				$parts[] = "{$column} = {$id}";
			}
		}
		return $parts;
	}

	/**
	 * A condition true when the column names a saved pipeline/flow (not NULL, 0 or "direct").
	 *
	 * @param string $column Column reference, e.g. "j.pipeline_id".
	 */
	public static function has_saved_id_sql( string $column ): string {
		return Adapters::current()->ids_are_text()
			? "({$column} IS NOT NULL AND {$column} <> '' AND {$column} <> 'direct' AND {$column} <> '0')"
			: "{$column} > 0";
	}

	/**
	 * LEFT JOINs of the pipelines (p) and flows (f) tables to the jobs table (j), for SELECTs only. On
	 * today's generation j.pipeline_id is text and p.pipeline_id a number: compared as they are, the
	 * lookup goes from each job to the pipeline's primary key (what we want: the jobs are read in index
	 * order, a page at a time). Casting the number to text instead would let the database start from
	 * the (few) pipelines and sort every job of each. "direct" only raises a warning in a SELECT.
	 */
	public static function join_names_sql(): string {
		return ' LEFT JOIN ' . TableNames::pipelines() . ' p ON p.pipeline_id = j.pipeline_id'
			. ' LEFT JOIN ' . TableNames::flows() . ' f ON f.flow_id = j.flow_id';
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
	 * The expression of the dm_status_base generated column (MySQL/MariaDB): the mapping of
	 * status_base_expression(), as one lookup of the status's head (the part before the first separator)
	 * among the stored forms, instead of an equality and two LIKEs per form. InnoDB evaluates it for every
	 * index on the column whenever a row is written, deleted or purged (and so for every row a cleanup
	 * deletes); under the table's UCA collation the LIKE chain cost about 1.4 µs per evaluation, this
	 * about 0.2 µs. Values differ from the LIKE chain only for padding before a separator
	 * ("failed  - x" is failed here, as StatusParser reads it).
	 */
	public static function status_base_column_expression(): string {
		global $wpdb;
		$head = 'status';
		foreach ( StatusParser::SEPARATORS as $separator ) {
			$head = $wpdb->prepare( "SUBSTRING_INDEX({$head}, %s, 1)", $separator ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		$heads = array();
		$bases = array();
		foreach ( BaseStatus::cases() as $status ) {
			foreach ( StatusParser::stored_forms( $status )['exact'] as $stored ) {
				$heads[] = $stored;
				$bases[] = $status->value;
			}
		}
		$list = static fn ( array $values ): string => $wpdb->prepare( implode( ', ', array_fill( 0, count( $values ), '%s' ) ), $values );
		return $wpdb->remove_placeholder_escape( "ELT(FIELD({$head}, " . $list( $heads ) . '), ' . $list( $bases ) . ')' );
	}

	/**
	 * Whether a generated column's expression (as information_schema reports it) is the head lookup
	 * of status_base_column_expression() rather than an older LIKE chain.
	 */
	public static function is_status_base_lookup( string $generation_expression ): bool {
		return str_contains( strtolower( $generation_expression ), 'field(' );
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
