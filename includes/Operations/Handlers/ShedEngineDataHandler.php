<?php
/**
 * Sheds engine_data of finished jobs older than a time: the column is cleared, except that failed
 * and cancelled jobs keep their error_* keys (message, step, trace, reason) for debugging.
 * Pending and processing jobs are never touched.
 *
 * @package DMJobs
 */

namespace DMJobs\Operations\Handlers;

use DMJobs\Jobs\EngineDataDecoder;
use DMJobs\Operations\BatchResult;
use DMJobs\Operations\OperationHandler;
use DMJobs\Operations\Repository\JobBulkRepository;
use DMJobs\Status\BaseStatus;
use DMJobs\Status\StatusParser;

defined( 'ABSPATH' ) || exit;

final class ShedEngineDataHandler implements OperationHandler {

	/**
	 * Failed rows are read to keep their error keys; read them a few at a time (rows reach ~1 MB).
	 */
	private const READ_CHUNK = 20;

	public function __construct( private readonly JobBulkRepository $jobs = new JobBulkRepository() ) {
	}

	public function default_batch_size(): int {
		return 500;
	}

	public function snapshot( array $params ): int {
		return $this->jobs->max_id();
	}

	public function count( array $params, int $max_id ): int {
		return $this->jobs->engine_data_totals( JobDeleteHandler::selection( $params ), $max_id )['count'];
	}

	public function preview( array $params, int $max_id ): array {
		$selection = JobDeleteHandler::selection( $params );
		$totals    = $this->jobs->engine_data_totals( $selection, $max_id );
		$sample    = array();
		foreach ( $this->jobs->engine_data_candidates( $selection, $max_id, 0, JobDeleteHandler::SAMPLE_SIZE ) as $row ) {
			$parsed   = StatusParser::parse( (string) $row['status'] );
			$sample[] = array(
				'id'         => (int) $row['job_id'],
				'status'     => $parsed->base_value(),
				'raw_status' => (string) $row['status'],
				'bytes'      => (int) $row['bytes'],
			);
		}
		return array(
			'count'       => $totals['count'],
			'sample_kind' => 'engine_data',
			'sample'      => $sample,
			'details'     => array( 'bytes' => $totals['bytes'] ),
		);
	}

	public function run_batch( array $params, int $max_id, int $cursor, int $batch_size ): BatchResult {
		$rows = $this->jobs->engine_data_candidates( JobDeleteHandler::selection( $params ), $max_id, $cursor, $batch_size );
		if ( ! $rows ) {
			return BatchResult::finished( $cursor );
		}
		$new_values = array();
		$keep_ids   = array();
		$bytes      = 0;
		foreach ( $rows as $row ) {
			$base = StatusParser::parse( (string) $row['status'] )->base;
			if ( in_array( $base, array( BaseStatus::Failed, BaseStatus::Cancelled ), true ) ) {
				$keep_ids[] = (int) $row['job_id'];
			} else {
				$new_values[ (int) $row['job_id'] ] = null;
				$bytes                             += (int) $row['bytes'];
			}
		}
		foreach ( array_chunk( $keep_ids, self::READ_CHUNK ) as $chunk ) {
			foreach ( $this->jobs->engine_data_of( $chunk ) as $job_id => $stored ) {
				$kept = self::error_keys( EngineDataDecoder::decode( $stored ) );
				$json = $kept ? (string) wp_json_encode( $kept ) : null;
				if ( $json === $stored ) {
					continue; // Already shed.
				}
				$new_values[ $job_id ] = $json;
				$bytes                += strlen( (string) $stored ) - strlen( (string) $json );
			}
		}
		$changed = $this->jobs->replace_engine_data( $new_values );
		if ( $new_values ) {
			/**
			 * Fires after the engine_data of jobs was replaced (shed).
			 *
			 * @param int[] $job_ids
			 */
			do_action( 'dm_jobs_engine_data_changed', array_keys( $new_values ) );
		}
		return new BatchResult(
			(int) $rows[ count( $rows ) - 1 ]['job_id'],
			count( $rows ),
			$changed,
			count( $rows ) < $batch_size,
			array( 'bytes_shed' => max( 0, $bytes ) )
		);
	}

	/**
	 * @param array<mixed>|null $data
	 * @return array<string, mixed>
	 */
	private static function error_keys( ?array $data ): array {
		$kept = array();
		foreach ( (array) $data as $key => $value ) {
			if ( is_string( $key ) && str_starts_with( $key, 'error_' ) ) {
				$kept[ $key ] = $value;
			}
		}
		return $kept;
	}
}
