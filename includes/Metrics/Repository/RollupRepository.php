<?php
/**
 * Reads and writes the metrics rollups ({prefix}dm_jobs_rollup_hourly, _daily and their _shape
 * tables) and their meta and lock rows. Never touches dm_jobs. The open set and the snapshots have
 * repositories of their own (RollupOpenSetRepository, RollupSnapshotRepository).
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics\Repository;

use DMJobs\Metrics\DurationHistogram;
use DMJobs\Shared\Repository\Transaction;

defined( 'ABSPATH' ) || exit;

final class RollupRepository {

	public const HOURLY       = 'hourly';
	public const DAILY        = 'daily';
	public const HOURLY_SHAPE = 'hourly_shape';
	public const DAILY_SHAPE  = 'daily_shape';
	public const GRAIN_HOURLY = self::HOURLY;
	public const GRAIN_DAILY  = self::DAILY;

	private const ROWS_PER_STATEMENT = 100;

	private readonly RollupSql $sql;

	public function __construct() {
		$this->sql = new RollupSql();
	}

	/**
	 * Runs $work atomically: in a transaction, or in a savepoint when a transaction is already open
	 * (a caller's, or a test's), so an outer transaction is never committed by accident.
	 *
	 * @template T
	 * @param callable(): T $work
	 * @return T
	 */
	public function atomically( callable $work ): mixed {
		global $wpdb;
		$nested = $this->in_transaction();
		$this->sql->run( $nested ? 'SAVEPOINT dm_jobs_rollup' : 'START TRANSACTION' );
		try {
			$result = $work();
		} catch ( \Throwable $error ) {
			$wpdb->query( $nested ? 'ROLLBACK TO SAVEPOINT dm_jobs_rollup' : 'ROLLBACK' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			throw $error;
		}
		$this->sql->run( $nested ? 'RELEASE SAVEPOINT dm_jobs_rollup' : 'COMMIT' );
		return $result;
	}

	private function in_transaction(): bool {
		return Transaction::is_open() || Transaction::database_in_transaction();
	}

	// ---------------------------------------------------------------- meta and lock

	/**
	 * @return array<string, string>
	 */
	public function meta(): array {
		global $wpdb;
		$rows = (array) $wpdb->get_results( 'SELECT meta_key, meta_value FROM ' . RollupTables::meta(), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$meta = array();
		foreach ( $rows as $row ) {
			$meta[ (string) $row['meta_key'] ] = (string) $row['meta_value'];
		}
		return $meta;
	}

	/**
	 * @param array<string, string|int|float> $values
	 */
	public function set_meta( array $values ): void {
		global $wpdb;
		if ( ! $values ) {
			return;
		}
		$placeholders = array();
		$args         = array();
		foreach ( $values as $key => $value ) {
			$placeholders[] = '(%s, %s)';
			array_push( $args, (string) $key, (string) $value );
		}
		$sql = 'INSERT INTO ' . RollupTables::meta() . ' (meta_key, meta_value) VALUES ' . implode( ', ', $placeholders )
			. ' ON DUPLICATE KEY UPDATE meta_value = VALUES(meta_value)';
		$this->sql->run( $wpdb->prepare( $sql, $args ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Takes the pass lock unless someone else holds an unexpired one.
	 */
	public function try_lock( string $token, int $now, int $ttl ): bool {
		global $wpdb;
		$value = sprintf( '%012d:%s', $now + $ttl, $token );
		$sql   = 'INSERT INTO ' . RollupTables::meta() . " (meta_key, meta_value) VALUES ('lock', %s)"
			. ' ON DUPLICATE KEY UPDATE meta_value = CASE WHEN meta_value < %s THEN VALUES(meta_value) ELSE meta_value END';
		$this->sql->run( $wpdb->prepare( $sql, $value, sprintf( '%012d:', $now ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$held = $wpdb->get_var( 'SELECT meta_value FROM ' . RollupTables::meta() . " WHERE meta_key = 'lock'" ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return $held === $value;
	}

	public function release_lock( string $token ): void {
		global $wpdb;
		$sql = 'DELETE FROM ' . RollupTables::meta() . " WHERE meta_key = 'lock' AND meta_value LIKE %s";
		$wpdb->query( $wpdb->prepare( $sql, '%:' . $wpdb->esc_like( $token ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	// ---------------------------------------------------------------- rollup writes

	/**
	 * Adds deltas to rollup rows (creating them as needed).
	 *
	 * @param string                           $kind self::HOURLY, DAILY, HOURLY_SHAPE or DAILY_SHAPE.
	 * @param array<int, array<string, mixed>> $rows Count rows: bucket, pipeline_id, flow_id, status, job_count,
	 *                                               duration_count, duration_sum, duration_max. Shape rows: bucket,
	 *                                               pipeline_id, flow_id, bins (bin => n), hours (local hour => n).
	 */
	public function add( string $kind, array $rows ): void {
		global $wpdb;
		if ( ! $rows ) {
			return;
		}
		$shape  = in_array( $kind, array( self::HOURLY_SHAPE, self::DAILY_SHAPE ), true );
		$daily  = in_array( $kind, array( self::DAILY, self::DAILY_SHAPE ), true );
		$table  = self::table( $kind );
		$keys   = array( $daily ? 'bucket_date' : 'bucket_start', 'pipeline_id', 'flow_id' );
		$hours  = self::DAILY_SHAPE === $kind ? self::hour_columns() : array();
		$values = static function ( array $row ) use ( $shape, $hours ): array {
			$values = array( (string) $row['bucket'], (int) $row['pipeline_id'], (int) $row['flow_id'] );
			if ( ! $shape ) {
				array_push( $values, (string) $row['status'], (int) $row['job_count'], (int) $row['duration_count'], (int) $row['duration_sum'], (int) $row['duration_max'] );
				return $values;
			}
			for ( $bin = 0; $bin < DurationHistogram::BINS; $bin++ ) {
				$values[] = (int) ( $row['bins'][ $bin ] ?? 0 );
			}
			foreach ( array_keys( $hours ) as $hour ) {
				$values[] = (int) ( $row['hours'][ $hour ] ?? 0 );
			}
			return $values;
		};
		if ( $shape ) {
			$additive = array_merge( DurationHistogram::columns(), $hours );
			$columns  = array_merge( $keys, $additive );
			$formats  = '(%s, %d, %d' . str_repeat( ', %d', count( $additive ) ) . ')';
		} else {
			$additive = array( 'job_count', 'duration_count', 'duration_sum' );
			$columns  = array_merge( $keys, array( 'status' ), $additive, array( 'duration_max' ) );
			$keys     = array( $keys[0], 'pipeline_id', 'status', 'flow_id' ); // The primary key, in order.
			$formats  = '(%s, %d, %d, %s, %d, %d, %d, %d)';
		}

		$pdo = $this->sql->sqlite_pdo();
		if ( null !== $pdo ) {
			$updates = array_map( static fn ( string $column ): string => "{$column} = {$column} + excluded.{$column}", $additive );
			if ( ! $shape ) {
				$updates[] = 'duration_max = MAX(duration_max, excluded.duration_max)';
			}
			$this->sql->sqlite_upsert( $pdo, $table, $columns, $keys, $updates, array_map( $values, $rows ) );
			return;
		}

		$updates = array_map( static fn ( string $column ): string => "{$column} = {$column} + VALUES({$column})", $additive );
		if ( ! $shape ) {
			$updates[] = 'duration_max = CASE WHEN VALUES(duration_max) > duration_max THEN VALUES(duration_max) ELSE duration_max END';
		}
		$head = "INSERT INTO {$table} (" . implode( ', ', $columns ) . ') VALUES ';
		$tail = ' ON DUPLICATE KEY UPDATE ' . implode( ', ', $updates );
		foreach ( array_chunk( $rows, self::ROWS_PER_STATEMENT ) as $chunk ) {
			$args = array();
			foreach ( $chunk as $row ) {
				array_push( $args, ...$values( $row ) );
			}
			$sql = $head . implode( ', ', array_fill( 0, count( $chunk ), $formats ) ) . $tail;
			$this->sql->run( $wpdb->prepare( $sql, $args ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		}
	}

	/**
	 * Hourly rows (or hourly shape rows) in [from, to) (UTC datetimes), every column, for re-bucketing
	 * the daily rollups.
	 *
	 * @param string $kind self::HOURLY or self::HOURLY_SHAPE.
	 * @return array<int, array<string, string>>
	 */
	public function hourly_rows( string $from, string $to, string $kind = self::HOURLY ): array {
		global $wpdb;
		$sql = 'SELECT * FROM ' . self::table( self::HOURLY_SHAPE === $kind ? self::HOURLY_SHAPE : self::HOURLY ) . ' WHERE bucket_start >= %s AND bucket_start < %s';
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $from, $to ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * The first and last hour in the hourly rollups.
	 *
	 * @return array{0: string|null, 1: string|null}
	 */
	public function hourly_bounds(): array {
		global $wpdb;
		$row = $wpdb->get_row( 'SELECT MIN(bucket_start) AS first_hour, MAX(bucket_start) AS last_hour FROM ' . RollupTables::hourly(), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return array( $row['first_hour'] ?? null, $row['last_hour'] ?? null );
	}

	/**
	 * Deletes the daily rows of a local date and later ones.
	 */
	public function delete_daily_from( string $date ): void {
		global $wpdb;
		foreach ( array( RollupTables::daily(), RollupTables::daily_shape() ) as $table ) {
			$sql = "DELETE FROM {$table} WHERE bucket_date >= %s";
			$this->sql->run( $wpdb->prepare( $sql, $date ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		}
	}

	public function delete_hourly_before( string $before ): int {
		global $wpdb;
		$deleted = 0;
		foreach ( array( RollupTables::hourly(), RollupTables::hourly_shape() ) as $table ) {
			$sql      = "DELETE FROM {$table} WHERE bucket_start < %s";
			$deleted += $this->sql->run( $wpdb->prepare( $sql, $before ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		}
		return $deleted;
	}

	/**
	 * Empties every rollup table (a rebuild starts from scratch).
	 */
	public function delete_all(): void {
		foreach ( RollupTables::all() as $table ) {
			$this->sql->run( "DELETE FROM {$table}" );
		}
	}

	// ---------------------------------------------------------------- rollup reads

	/**
	 * Sums of count rows (hourly or daily) in a bucket range, grouped.
	 *
	 * @param string                                            $grain    self::HOURLY or self::DAILY.
	 * @param string                                            $from     First bucket (UTC datetime for hourly, local date for daily), inclusive.
	 * @param string                                            $to       Last bucket, exclusive.
	 * @param array{pipeline_id?: int|null, flow_id?: int|null} $filters
	 * @param string[]                                          $group    Any of: bucket, pipeline_id, flow_id, status.
	 * @param string[]                                          $measures Optionally "durations" (count, sum, max).
	 * @return array<int, array<string, string|null>> Each row: the group columns, job_count and the measures asked for.
	 */
	public function sums( string $grain, string $from, string $to, array $filters, array $group, array $measures = array() ): array {
		$select = array( 'SUM(job_count) AS job_count' );
		if ( in_array( 'durations', $measures, true ) ) {
			array_push( $select, 'SUM(duration_count) AS duration_count', 'SUM(duration_sum) AS duration_sum', 'MAX(duration_max) AS duration_max' );
		}
		return $this->grouped( self::DAILY === $grain ? self::DAILY : self::HOURLY, $from, $to, $filters, $group, $select );
	}

	/**
	 * Sums of shape rows (duration histograms; for days, jobs per local hour) in a bucket range.
	 *
	 * @param string                                            $grain    self::HOURLY or self::DAILY.
	 * @param array{pipeline_id?: int|null, flow_id?: int|null} $filters
	 * @param string[]                                          $group    Any of: bucket, pipeline_id, flow_id.
	 * @param string[]                                          $measures Any of: histogram (h00…h63), hours (c00…c23, daily only).
	 * @param int                                               $bins     Histogram bins to sum (the first N; higher ones are known to be empty).
	 * @return array<int, array<string, string|null>>
	 */
	public function shape_sums( string $grain, string $from, string $to, array $filters, array $group, array $measures, int $bins = DurationHistogram::BINS ): array {
		$daily  = self::DAILY === $grain;
		$select = array();
		if ( in_array( 'histogram', $measures, true ) ) {
			foreach ( array_slice( DurationHistogram::columns(), 0, max( 1, min( DurationHistogram::BINS, $bins ) ) ) as $column ) {
				$select[] = "SUM({$column}) AS {$column}";
			}
		}
		if ( $daily && in_array( 'hours', $measures, true ) ) {
			foreach ( self::hour_columns() as $column ) {
				$select[] = "SUM({$column}) AS {$column}";
			}
		}
		if ( ! $select ) {
			throw new \InvalidArgumentException( 'No shape measure asked for.' );
		}
		return $this->grouped( $daily ? self::DAILY_SHAPE : self::HOURLY_SHAPE, $from, $to, $filters, $group, $select );
	}

	/**
	 * @param array{pipeline_id?: int|null, flow_id?: int|null} $filters
	 * @param string[]                                          $group
	 * @param string[]                                          $select Aggregate expressions (fixed strings).
	 * @return array<int, array<string, string|null>>
	 */
	private function grouped( string $kind, string $from, string $to, array $filters, array $group, array $select ): array {
		global $wpdb;
		$daily   = in_array( $kind, array( self::DAILY, self::DAILY_SHAPE ), true );
		$bucket  = $daily ? 'bucket_date' : 'bucket_start';
		$columns = array(
			'bucket'      => $bucket,
			'pipeline_id' => 'pipeline_id',
			'flow_id'     => 'flow_id',
		);
		if ( in_array( $kind, array( self::HOURLY, self::DAILY ), true ) ) {
			$columns['status'] = 'status';
		}
		$fields = array();
		$by     = array();
		foreach ( $group as $name ) {
			if ( ! isset( $columns[ $name ] ) ) {
				throw new \InvalidArgumentException( "Unknown rollup group column {$name}." );
			}
			$fields[] = "{$columns[ $name ]} AS {$name}";
			$by[]     = $columns[ $name ];
		}
		$where = array( "{$bucket} >= %s", "{$bucket} < %s" );
		$args  = array( $from, $to );
		if ( isset( $filters['pipeline_id'] ) ) {
			$where[] = 'pipeline_id = %d';
			$args[]  = (int) $filters['pipeline_id'];
		}
		if ( isset( $filters['flow_id'] ) ) {
			$where[] = 'flow_id = %d';
			$args[]  = (int) $filters['flow_id'];
		}
		$sql = 'SELECT ' . implode( ', ', array_merge( $fields, $select ) ) . ' FROM ' . self::table( $kind ) . ' WHERE ' . implode( ' AND ', $where );
		if ( $by ) {
			$sql .= ' GROUP BY ' . implode( ', ', $by ) . ' ORDER BY ' . implode( ', ', $by );
		}
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $args ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	private static function table( string $kind ): string {
		return match ( $kind ) {
			self::HOURLY => RollupTables::hourly(),
			self::DAILY => RollupTables::daily(),
			self::HOURLY_SHAPE => RollupTables::hourly_shape(),
			self::DAILY_SHAPE => RollupTables::daily_shape(),
			default => throw new \InvalidArgumentException( "Unknown rollup table {$kind}." ),
		};
	}

	// ---------------------------------------------------------------- open set

	// ---------------------------------------------------------------- snapshots

	// ---------------------------------------------------------------- helpers

	/**
	 * Column names of the hour-of-day counts in the daily rollups: c00 … c23.
	 *
	 * @return string[]
	 */
	public static function hour_columns(): array {
		$columns = array();
		for ( $hour = 0; $hour < 24; $hour++ ) {
			$columns[] = sprintf( 'c%02d', $hour );
		}
		return $columns;
	}
}
