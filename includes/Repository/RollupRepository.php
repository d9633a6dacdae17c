<?php
/**
 * Reads and writes the metrics rollup tables ({prefix}dm_jobs_rollup_*). Never touches dm_jobs.
 *
 * @package DMJobs
 */

namespace DMJobs\Repository;

use DMJobs\Metrics\DurationHistogram;

defined( 'ABSPATH' ) || exit;

final class RollupRepository {

	public const HOURLY       = 'hourly';
	public const DAILY        = 'daily';
	public const HOURLY_SHAPE = 'hourly_shape';
	public const DAILY_SHAPE  = 'daily_shape';
	public const GRAIN_HOURLY = self::HOURLY;
	public const GRAIN_DAILY  = self::DAILY;

	private const ROWS_PER_STATEMENT = 100;
	private const IDS_PER_STATEMENT  = 2000;

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
		$this->run( $nested ? 'SAVEPOINT dm_jobs_rollup' : 'START TRANSACTION' );
		try {
			$result = $work();
		} catch ( \Throwable $error ) {
			$wpdb->query( $nested ? 'ROLLBACK TO SAVEPOINT dm_jobs_rollup' : 'ROLLBACK' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			throw $error;
		}
		$this->run( $nested ? 'RELEASE SAVEPOINT dm_jobs_rollup' : 'COMMIT' );
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
		$this->run( $wpdb->prepare( $sql, $args ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Takes the pass lock unless someone else holds an unexpired one.
	 */
	public function try_lock( string $token, int $now, int $ttl ): bool {
		global $wpdb;
		$value = sprintf( '%012d:%s', $now + $ttl, $token );
		$sql   = 'INSERT INTO ' . RollupTables::meta() . " (meta_key, meta_value) VALUES ('lock', %s)"
			. ' ON DUPLICATE KEY UPDATE meta_value = CASE WHEN meta_value < %s THEN VALUES(meta_value) ELSE meta_value END';
		$this->run( $wpdb->prepare( $sql, $value, sprintf( '%012d:', $now ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
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

		$pdo = $this->sqlite_pdo();
		if ( null !== $pdo ) {
			$updates = array_map( static fn ( string $column ): string => "{$column} = {$column} + excluded.{$column}", $additive );
			if ( ! $shape ) {
				$updates[] = 'duration_max = MAX(duration_max, excluded.duration_max)';
			}
			$this->sqlite_upsert( $pdo, $table, $columns, $keys, $updates, array_map( $values, $rows ) );
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
			$this->run( $wpdb->prepare( $sql, $args ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
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
			$this->run( $wpdb->prepare( $sql, $date ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		}
	}

	public function delete_hourly_before( string $before ): int {
		global $wpdb;
		$deleted = 0;
		foreach ( array( RollupTables::hourly(), RollupTables::hourly_shape() ) as $table ) {
			$sql      = "DELETE FROM {$table} WHERE bucket_start < %s";
			$deleted += $this->run( $wpdb->prepare( $sql, $before ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		}
		return $deleted;
	}

	/**
	 * Empties every rollup table (a rebuild starts from scratch).
	 */
	public function delete_all(): void {
		foreach ( RollupTables::all() as $table ) {
			$this->run( "DELETE FROM {$table}" );
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

	/**
	 * @param int[] $ids
	 * @return array<int, array{state: string, first_seen_at: string}>
	 */
	public function open_find( array $ids ): array {
		global $wpdb;
		$found = array();
		foreach ( array_chunk( array_values( array_unique( array_map( 'intval', $ids ) ) ), self::IDS_PER_STATEMENT ) as $chunk ) {
			$sql = 'SELECT job_id, state, first_seen_at FROM ' . RollupTables::open() . ' WHERE job_id IN (' . implode( ', ', array_fill( 0, count( $chunk ), '%d' ) ) . ')';
			foreach ( (array) $wpdb->get_results( $wpdb->prepare( $sql, $chunk ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				$found[ (int) $row['job_id'] ] = array(
					'state'         => (string) $row['state'],
					'first_seen_at' => (string) $row['first_seen_at'],
				);
			}
		}
		return $found;
	}

	/**
	 * Entries with IDs in (after, upto].
	 *
	 * @return array<int, string> job ID => state
	 */
	public function open_between( int $after, int $upto ): array {
		global $wpdb;
		$sql   = 'SELECT job_id, state FROM ' . RollupTables::open() . ' WHERE job_id > %d AND job_id <= %d';
		$found = array();
		foreach ( (array) $wpdb->get_results( $wpdb->prepare( $sql, $after, $upto ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			$found[ (int) $row['job_id'] ] = (string) $row['state'];
		}
		return $found;
	}

	/**
	 * The open entries checked longest ago (not the "counted" markers).
	 *
	 * @return array<int, array{state: string, first_seen_at: string}>
	 */
	public function open_due( int $limit ): array {
		global $wpdb;
		$sql   = 'SELECT job_id, state, first_seen_at FROM ' . RollupTables::open() . " WHERE state <> 'counted' ORDER BY checked_at ASC, job_id ASC LIMIT %d";
		$found = array();
		foreach ( (array) $wpdb->get_results( $wpdb->prepare( $sql, $limit ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			$found[ (int) $row['job_id'] ] = array(
				'state'         => (string) $row['state'],
				'first_seen_at' => (string) $row['first_seen_at'],
			);
		}
		return $found;
	}

	/**
	 * Adds or updates entries (first_seen_at is kept for existing ones).
	 *
	 * @param array<int, string> $states job ID => state
	 */
	public function open_put( array $states, string $now ): void {
		global $wpdb;
		if ( ! $states ) {
			return;
		}
		$pdo = $this->sqlite_pdo();
		if ( null !== $pdo ) {
			$rows = array();
			foreach ( $states as $job_id => $state ) {
				$rows[] = array( (int) $job_id, (string) $state, $now, $now );
			}
			$this->sqlite_upsert( $pdo, RollupTables::open(), array( 'job_id', 'state', 'first_seen_at', 'checked_at' ), array( 'job_id' ), array( 'state = excluded.state', 'checked_at = excluded.checked_at' ), $rows );
			return;
		}
		foreach ( array_chunk( $states, self::IDS_PER_STATEMENT, true ) as $chunk ) {
			$args = array();
			foreach ( $chunk as $job_id => $state ) {
				array_push( $args, (int) $job_id, (string) $state, $now, $now );
			}
			$sql = 'INSERT INTO ' . RollupTables::open() . ' (job_id, state, first_seen_at, checked_at) VALUES '
				. implode( ', ', array_fill( 0, count( $chunk ), '(%d, %s, %s, %s)' ) )
				. ' ON DUPLICATE KEY UPDATE state = VALUES(state), checked_at = VALUES(checked_at)';
			$this->run( $wpdb->prepare( $sql, $args ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		}
	}

	/**
	 * @param int[] $ids
	 */
	public function open_delete( array $ids ): void {
		global $wpdb;
		foreach ( array_chunk( array_values( array_unique( array_map( 'intval', $ids ) ) ), self::IDS_PER_STATEMENT ) as $chunk ) {
			$sql = 'DELETE FROM ' . RollupTables::open() . ' WHERE job_id IN (' . implode( ', ', array_fill( 0, count( $chunk ), '%d' ) ) . ')';
			$this->run( $wpdb->prepare( $sql, $chunk ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		}
	}

	/**
	 * "Counted" markers the watermark has passed are no longer needed.
	 */
	public function open_delete_counted_upto( int $watermark ): void {
		global $wpdb;
		$sql = 'DELETE FROM ' . RollupTables::open() . " WHERE state = 'counted' AND job_id <= %d";
		$this->run( $wpdb->prepare( $sql, $watermark ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Drops "counted" markers above an ID (their rows were deleted).
	 */
	public function open_delete_counted_above( int $job_id ): void {
		global $wpdb;
		$sql = 'DELETE FROM ' . RollupTables::open() . " WHERE state = 'counted' AND job_id > %d";
		$this->run( $wpdb->prepare( $sql, $job_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * @return array<string, int> state => entries
	 */
	public function open_counts(): array {
		global $wpdb;
		$counts = array();
		$rows   = (array) $wpdb->get_results( 'SELECT state, COUNT(*) AS entries FROM ' . RollupTables::open() . ' GROUP BY state', ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		foreach ( $rows as $row ) {
			$counts[ (string) $row['state'] ] = (int) $row['entries'];
		}
		return $counts;
	}

	// ---------------------------------------------------------------- snapshots

	/**
	 * @param array{taken_at: string, processing: int, pending: int, table_rows: int|null, table_bytes: int|null, free_bytes: int|null, bytes_estimated: bool, is_hourly: bool} $snapshot
	 */
	public function add_snapshot( array $snapshot ): void {
		global $wpdb;
		$inserted = $wpdb->insert(
			RollupTables::snapshots(),
			array(
				'taken_at'        => $snapshot['taken_at'],
				'processing'      => $snapshot['processing'],
				'pending'         => $snapshot['pending'],
				'table_rows'      => $snapshot['table_rows'],
				'table_bytes'     => $snapshot['table_bytes'],
				'free_bytes'      => $snapshot['free_bytes'],
				'bytes_estimated' => $snapshot['bytes_estimated'] ? 1 : 0,
				'is_hourly'       => $snapshot['is_hourly'] ? 1 : 0,
			),
			array( '%s', '%d', '%d', '%d', '%d', '%d', '%d', '%d' )
		);
		if ( false === $inserted ) {
			throw new \RuntimeException( 'Could not record the metrics snapshot: ' . $wpdb->last_error );
		}
	}

	/**
	 * The latest snapshot that measured the jobs table.
	 *
	 * @return array<string, string|null>|null
	 */
	public function last_sized_snapshot(): ?array {
		global $wpdb;
		$row = $wpdb->get_row( 'SELECT * FROM ' . RollupTables::snapshots() . ' WHERE table_rows IS NOT NULL ORDER BY taken_at DESC, snapshot_id DESC LIMIT 1', ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return is_array( $row ) ? $row : null;
	}

	/**
	 * The latest snapshot taken before a moment.
	 *
	 * @return array<string, string|null>|null
	 */
	public function snapshot_before( string $moment ): ?array {
		global $wpdb;
		$sql = 'SELECT * FROM ' . RollupTables::snapshots() . ' WHERE taken_at < %s ORDER BY taken_at DESC, snapshot_id DESC LIMIT 1';
		$row = $wpdb->get_row( $wpdb->prepare( $sql, $moment ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return is_array( $row ) ? $row : null;
	}

	/**
	 * Snapshots taken in [from, to), oldest first.
	 *
	 * @return array<int, array<string, string|null>>
	 */
	public function snapshots_between( string $from, string $to ): array {
		global $wpdb;
		$sql = 'SELECT taken_at, processing, pending, table_rows, table_bytes, free_bytes, bytes_estimated FROM ' . RollupTables::snapshots()
			. ' WHERE taken_at >= %s AND taken_at < %s ORDER BY taken_at ASC, snapshot_id ASC';
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $from, $to ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Keeps one snapshot per hour for old history.
	 */
	public function prune_snapshots( string $before ): void {
		global $wpdb;
		$sql = 'DELETE FROM ' . RollupTables::snapshots() . ' WHERE taken_at < %s AND is_hourly = 0';
		$this->run( $wpdb->prepare( $sql, $before ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

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

	/**
	 * On WordPress's SQLite drop-in, the PDO connection behind $wpdb (null elsewhere).
	 *
	 * Bulk upserts go straight to SQLite on that connection (same transaction), as prepared
	 * statements: the drop-in parses every MySQL statement in PHP, which costs about 0.6 s per
	 * 100-row rollup upsert and would make catching up on a large table take hours.
	 */
	private function sqlite_pdo(): ?\PDO {
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
	private function sqlite_upsert( \PDO $pdo, string $table, array $columns, array $conflict, array $updates, array $rows ): void {
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

	/**
	 * Runs a write (or control) statement and fails loudly, so an atomic block rolls back.
	 */
	private function run( string $sql ): int {
		global $wpdb;
		$result = $wpdb->query( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( false === $result ) {
			throw new \RuntimeException( 'Metrics rollup query failed: ' . $wpdb->last_error );
		}
		return (int) $result;
	}
}
