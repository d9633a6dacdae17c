<?php
/**
 * Writes rows into today's Data Machine tables the way Data Machine's own code does (multi-row INSERTs
 * for demo data and benchmarks): jobs with their text pipeline/flow IDs, source, label, parent and user,
 * and log lines in datamachine_logs with the job ID inside the JSON context.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine\Repository;

use DMJobs\Schema\Repository\TableNames;

defined( 'ABSPATH' ) || exit;

final class DataMachineRowsRepository {

	/**
	 * Job columns written, in order, with their placeholders.
	 */
	private const JOB_COLUMNS = array(
		'user_id'       => '%d',
		'pipeline_id'   => '%s',
		'flow_id'       => '%s',
		'source'        => '%s',
		'label'         => '%s',
		'parent_job_id' => '%d',
		'status'        => '%s',
		'engine_data'   => '%s',
		'handler_slug'  => '%s',
		'created_at'    => '%s',
		'completed_at'  => '%s',
	);

	private const LOG_COLUMNS = array(
		'agent_id'   => '%d',
		'user_id'    => '%d',
		'level'      => '%s',
		'message'    => '%s',
		'context'    => '%s',
		'created_at' => '%s',
	);

	/**
	 * @param array<int, array<string, mixed>> $jobs Rows keyed by JOB_COLUMNS (null values are written as NULL).
	 */
	public function insert_jobs( array $jobs, int $rows_per_statement = 200 ): void {
		$this->insert_rows( TableNames::jobs(), self::JOB_COLUMNS, $jobs, $rows_per_statement );
	}

	/**
	 * @param array<int, array<string, mixed>> $lines Rows keyed by LOG_COLUMNS.
	 */
	public function insert_logs( array $lines, int $rows_per_statement = 200 ): void {
		$table = TableNames::data_machine_logs();
		if ( null === $table ) {
			throw new \LogicException( 'This Data Machine generation has no log table.' );
		}
		$this->insert_rows( $table, self::LOG_COLUMNS, $lines, $rows_per_statement );
	}

	/**
	 * @param string                           $table   Table.
	 * @param array<string, string>            $columns Column => placeholder.
	 * @param array<int, array<string, mixed>> $rows    Rows.
	 */
	private function insert_rows( string $table, array $columns, array $rows, int $rows_per_statement ): void {
		global $wpdb;
		foreach ( array_chunk( $rows, $rows_per_statement ) as $chunk ) {
			$tuples = array();
			$values = array();
			foreach ( $chunk as $row ) {
				$cells = array();
				foreach ( $columns as $column => $placeholder ) {
					$value = $row[ $column ] ?? null;
					if ( null === $value ) {
						$cells[] = 'NULL';
						continue;
					}
					$cells[]  = $placeholder;
					$values[] = $value;
				}
				$tuples[] = '(' . implode( ', ', $cells ) . ')';
			}
			$sql = "INSERT INTO `{$table}` (" . implode( ', ', array_keys( $columns ) ) . ') VALUES ' . implode( ', ', $tuples );
			if ( false === $wpdb->query( $values ? $wpdb->prepare( $sql, $values ) : $sql ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				throw new \RuntimeException( 'Could not insert rows into ' . $table . ': ' . $wpdb->last_error );
			}
		}
	}

	/**
	 * Makes a job a fan-out child of another (demo data): its parent, the parent's pipeline and flow,
	 * and the item title as label.
	 */
	public function make_child( int $job_id, int $parent_job_id, string $pipeline_id, string $flow_id, string $label ): void {
		global $wpdb;
		$wpdb->update(
			TableNames::jobs(),
			array(
				'parent_job_id' => $parent_job_id,
				'pipeline_id'   => $pipeline_id,
				'flow_id'       => $flow_id,
				'label'         => $label,
			),
			array( 'job_id' => $job_id ),
			array( '%d', '%s', '%s', '%s' ),
			array( '%d' )
		);
	}

	/**
	 * Deletes every row of today's Data Machine tables (demo reset; never on a real site's request).
	 */
	public function empty_current_generation_tables(): void {
		global $wpdb;
		foreach ( array( TableNames::jobs(), TableNames::pipelines(), TableNames::flows(), TableNames::processed_items(), TableNames::data_machine_logs(), TableNames::run_metadata() ) as $table ) {
			if ( null !== $table ) {
				$wpdb->query( "DELETE FROM `{$table}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			}
		}
	}
}
