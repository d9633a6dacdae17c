<?php
/**
 * Shapes job rows into the arrays the REST API and the PHP API return.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

use DMJobs\Alerts\StuckCutoff;
use DMJobs\DataMachine\Adapters;
use DMJobs\Status\StatusParser;

defined( 'ABSPATH' ) || exit;

final class JobFormatter {

	/**
	 * The list shape of a job (no engine_data).
	 *
	 * @param array<string, string|null> $row A row from JobRepository.
	 * @return array<string, mixed>
	 */
	public static function summary( array $row ): array {
		$parsed       = StatusParser::parse( (string) $row['status'] );
		$stored_note  = isset( $row['status_reason'] ) && '' !== $row['status_reason'] ? $row['status_reason'] : null;
		$created_at   = self::iso_utc( $row['created_at'] ?? null );
		$completed_at = $parsed->is_final() ? self::iso_utc( $row['completed_at'] ?? null ) : null;

		$pipeline_id  = self::saved_id( $row['pipeline_id'] ?? null );
		$flow_id      = self::saved_id( $row['flow_id'] ?? null );
		$fallback     = Adapters::current()->fallback_names( $row );

		return array(
			'id'            => (int) $row['job_id'],
			'pipeline_id'   => $pipeline_id,
			'pipeline_name' => $row['pipeline_name'] ?? ( null === $pipeline_id ? $fallback['pipeline'] : null ),
			'flow_id'       => $flow_id,
			'flow_name'     => $row['flow_name'] ?? ( null === $flow_id ? $fallback['flow'] : null ),
			'status'        => $parsed->base_value(),
			'status_known'  => $parsed->is_known(),
			'status_reason' => $stored_note ?? $parsed->reason,
			'raw_status'    => $parsed->raw,
			'source'        => self::string_or_null( $row['source'] ?? null ),
			'label'         => self::string_or_null( $row['label'] ?? null ),
			'parent_job_id' => self::saved_id( $row['parent_job_id'] ?? null ),
			'user_id'       => self::saved_id( $row['user_id'] ?? null ),
			'is_final'      => $parsed->is_final(),
			'is_stuck'      => StuckCutoff::is_stuck( $parsed, self::timestamp( $row['created_at'] ?? null ) ),
			'created_at'    => $created_at,
			'completed_at'  => $completed_at,
			'duration'      => self::duration( $row['created_at'] ?? null, $completed_at ? $row['completed_at'] : null ),
		);
	}

	/**
	 * The detail shape: the summary plus decoded engine_data and failure details.
	 *
	 * @param array<string, string|null> $row A row from JobRepository::find().
	 * @return array<string, mixed>
	 */
	public static function detail( array $row ): array {
		$engine_data = EngineDataDecoder::decode( $row['engine_data'] ?? null );
		$job         = self::summary( $row );

		$job['engine_data'] = $engine_data;
		$job['failure']     = self::failure( $job, $engine_data );
		return $job;
	}

	/**
	 * @param array<string, mixed>    $job
	 * @param array<mixed>|null       $engine_data
	 * @return array{message: string|null, step_id: string|null, trace: string|null, reason: string|null}|null
	 */
	private static function failure( array $job, ?array $engine_data ): ?array {
		$data    = $engine_data ?? array();
		$failure = array(
			'message' => self::string_or_null( $data['error_message'] ?? null ),
			'step_id' => self::string_or_null( $data['error_step_id'] ?? null ),
			'trace'   => self::string_or_null( $data['error_trace'] ?? null ),
			'reason'  => self::string_or_null( $data['error_reason'] ?? null ) ?? self::string_or_null( $data['job_status_reason'] ?? null ) ?? $job['status_reason'],
		);
		if ( 'failed' !== $job['status'] && null === $failure['message'] ) {
			return null;
		}
		return $failure;
	}

	/**
	 * A pipeline/flow/parent/user ID as an integer, or null where Data Machine stored none (NULL, 0,
	 * "direct").
	 */
	private static function saved_id( mixed $value ): ?int {
		if ( is_int( $value ) ) {
			return $value > 0 ? $value : null;
		}
		return is_string( $value ) && ctype_digit( $value ) && (int) $value > 0 ? (int) $value : null;
	}

	private static function string_or_null( mixed $value ): ?string {
		if ( is_scalar( $value ) && '' !== (string) $value ) {
			return (string) $value;
		}
		if ( is_array( $value ) ) {
			return (string) wp_json_encode( $value, JSON_PRETTY_PRINT );
		}
		return null;
	}

	/**
	 * A stored UTC datetime as ISO 8601 with Z, or null for empty/zero dates.
	 */
	public static function iso_utc( ?string $stored ): ?string {
		$timestamp = self::timestamp( $stored );
		return null === $timestamp ? null : gmdate( 'Y-m-d\TH:i:s\Z', $timestamp );
	}

	private static function duration( ?string $created_at, ?string $completed_at ): ?int {
		$start = self::timestamp( $created_at );
		$end   = self::timestamp( $completed_at );
		if ( null === $start || null === $end ) {
			return null;
		}
		return max( 0, $end - $start );
	}

	private static function timestamp( ?string $stored ): ?int {
		if ( null === $stored || '' === $stored || str_starts_with( $stored, '0000-00-00' ) ) {
			return null;
		}
		$date = \DateTimeImmutable::createFromFormat( '!Y-m-d H:i:s', $stored, new \DateTimeZone( 'UTC' ) );
		return $date ? $date->getTimestamp() : null;
	}
}
