<?php
/**
 * Reads and writes single jobs of {prefix}dm_jobs (the list's queries and its filters' WHERE are
 * JobListRepository's).
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Repository;

use DMJobs\DataMachine\Adapters;
use DMJobs\Schema\Repository\TableNames;

defined( 'ABSPATH' ) || exit;

final class JobRepository {

	/**
	 * One job with its names and its engine_data.
	 *
	 * @return array<string, string|null>|null
	 */
	public function find( int $job_id ): ?array {
		global $wpdb;
		$sql = 'SELECT ' . JobColumns::list_columns( true ) . ' FROM ' . TableNames::jobs() . ' j'
			. JobColumns::join_names_sql()
			. ' WHERE j.job_id = %d';
		$row = $wpdb->get_row( $wpdb->prepare( $sql, $job_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return is_array( $row ) ? $row : null;
	}

	/**
	 * @param array{pipeline_id: int, flow_id: int, status: string, status_reason?: string|null, engine_data?: string|null, created_at: string, completed_at?: string|null} $job
	 * @return int The new job ID.
	 */
	public function insert( array $job ): int {
		global $wpdb;
		$row     = array(
			'pipeline_id'  => JobColumns::id_value( (int) $job['pipeline_id'] ),
			'flow_id'      => JobColumns::id_value( (int) $job['flow_id'] ),
			'status'       => $job['status'],
			'engine_data'  => $job['engine_data'] ?? null,
			'created_at'   => $job['created_at'],
			'completed_at' => $job['completed_at'] ?? null,
		);
		$formats = array( JobColumns::id_placeholder(), JobColumns::id_placeholder(), '%s', '%s', '%s', '%s' );
		if ( JobColumns::status_reason_writable() ) {
			$row['status_reason'] = $job['status_reason'] ?? null;
			$formats[]            = '%s';
		} else {
			$row['engine_data'] = $this->engine_data_with_reason( $row['engine_data'], $job['status_reason'] ?? null );
		}
		if ( in_array( 'source', Adapters::current()->extra_job_columns(), true ) ) {
			// As Data Machine's Jobs::create_job() writes a job of a saved flow.
			$row['source']  = 'pipeline';
			$row['user_id'] = get_current_user_id();
			$formats[]      = '%s';
			$formats[]      = '%d';
			if ( isset( $job['label'] ) ) {
				$row['label'] = mb_substr( (string) $job['label'], 0, 255 );
				$formats[]    = '%s';
			}
		}
		$inserted = $wpdb->insert( TableNames::jobs(), $row, $formats );
		if ( false === $inserted ) {
			throw new \RuntimeException( 'Could not insert the job: ' . $wpdb->last_error );
		}
		return (int) $wpdb->insert_id;
	}

	/**
	 * Inserts many jobs in multi-row statements (for demo data and benchmarks).
	 *
	 * @param array<int, array{pipeline_id: int, flow_id: int, status: string, engine_data: string|null, created_at: string, completed_at: string|null}> $jobs
	 */
	public function insert_many( array $jobs, int $rows_per_statement = 200 ): void {
		global $wpdb;
		foreach ( array_chunk( $jobs, $rows_per_statement ) as $chunk ) {
			$placeholders = array();
			$values       = array();
			foreach ( $chunk as $job ) {
				$placeholders[] = '(%d, %d, %s, %s, %s, ' . ( null === $job['completed_at'] ? 'NULL' : '%s' ) . ')';
				array_push( $values, $job['pipeline_id'], $job['flow_id'], $job['status'], $job['engine_data'] ?? '', $job['created_at'] );
				if ( null !== $job['completed_at'] ) {
					$values[] = $job['completed_at'];
				}
			}
			$sql = 'INSERT INTO ' . TableNames::jobs() . ' (pipeline_id, flow_id, status, engine_data, created_at, completed_at) VALUES ' . implode( ', ', $placeholders );
			if ( false === $wpdb->query( $wpdb->prepare( $sql, $values ) ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				throw new \RuntimeException( 'Could not insert jobs: ' . $wpdb->last_error );
			}
		}
	}

	/**
	 * Sets a job's status, reason, completion time and (optionally) its engine_data.
	 */
	public function update_status( int $job_id, string $status, ?string $reason, ?string $completed_at, ?string $engine_data = null ): bool {
		global $wpdb;
		$fields  = array(
			'status'       => $status,
			'completed_at' => $completed_at,
		);
		$formats = array( '%s', '%s' );
		if ( JobColumns::status_reason_writable() ) {
			$fields['status_reason'] = $reason;
			$formats[]               = '%s';
		} else {
			// Today's Data Machine stores the base status and keeps the reason in engine_data.job_status_reason.
			$current     = null === $engine_data ? $wpdb->get_var( $wpdb->prepare( 'SELECT engine_data FROM ' . TableNames::jobs() . ' WHERE job_id = %d', $job_id ) ) : $engine_data; // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			$engine_data = $this->engine_data_with_reason( null === $current ? null : (string) $current, $reason );
		}
		if ( null !== $engine_data ) {
			$fields['engine_data'] = $engine_data;
			$formats[]             = '%s';
		}
		$updated = $wpdb->update( TableNames::jobs(), $fields, array( 'job_id' => $job_id ), $formats, array( '%d' ) );
		if ( false === $updated ) {
			throw new \RuntimeException( 'Could not update the job: ' . $wpdb->last_error );
		}
		return $updated > 0;
	}

	/**
	 * engine_data with job_status_reason set (or removed for no reason), the way Data Machine's
	 * Jobs::engine_data_with_status_reason() keeps it. Data that is not a JSON object is left alone.
	 */
	private function engine_data_with_reason( ?string $engine_data, ?string $reason ): ?string {
		$key     = (string) Adapters::current()->status_reason_key();
		$decoded = null === $engine_data || '' === $engine_data ? array() : json_decode( $engine_data, true );
		if ( ! is_array( $decoded ) ) {
			return $engine_data;
		}
		if ( null === $reason || '' === $reason ) {
			if ( ! array_key_exists( $key, $decoded ) ) {
				return $engine_data;
			}
			unset( $decoded[ $key ] );
		} else {
			$decoded[ $key ] = $reason;
		}
		return (string) wp_json_encode( $decoded );
	}

	/**
	 * The IDs of a job's fan-out children (today's generation: parent_job_id), lowest first, and how
	 * many there are; empty where the generation has no parent_job_id.
	 *
	 * @return array{ids: int[], count: int}
	 */
	public function children( int $job_id, int $limit ): array {
		global $wpdb;
		if ( ! in_array( 'parent_job_id', Adapters::current()->extra_job_columns(), true ) ) {
			return array(
				'ids'   => array(),
				'count' => 0,
			);
		}
		$table = TableNames::jobs();
		$ids   = $wpdb->get_col( $wpdb->prepare( "SELECT job_id FROM {$table} WHERE parent_job_id = %d ORDER BY job_id ASC LIMIT %d", $job_id, $limit ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$count = count( $ids ) < $limit ? count( $ids ) : (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$table} WHERE parent_job_id = %d", $job_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return array(
			'ids'   => array_map( 'intval', $ids ),
			'count' => $count,
		);
	}

	public function max_id(): int {
		global $wpdb;
		return (int) $wpdb->get_var( 'SELECT MAX(job_id) FROM ' . TableNames::jobs() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * IDs above a given ID, ascending (to find the rows a bulk insert created).
	 *
	 * @return int[]
	 */
	public function ids_after( int $job_id ): array {
		global $wpdb;
		$sql = 'SELECT job_id FROM ' . TableNames::jobs() . ' WHERE job_id > %d ORDER BY job_id ASC';
		return array_map( 'intval', $wpdb->get_col( $wpdb->prepare( $sql, $job_id ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	public function delete( int $job_id ): bool {
		global $wpdb;
		return (bool) $wpdb->delete( TableNames::jobs(), array( 'job_id' => $job_id ), array( '%d' ) );
	}
}
