<?php
/**
 * The public PHP API of DM Jobs for other plugins.
 *
 * @package DMJobs
 */

defined( 'ABSPATH' ) || exit;

use DMJobs\Jobs\JobFormatter;
use DMJobs\Jobs\JobService;
use DMJobs\Jobs\Repository\JobRepository;
use DMJobs\Status\StatusParser;

if ( ! function_exists( 'dm_jobs_create_job' ) ) {
	/**
	 * Creates a job. Fires `dm_jobs_job_created`.
	 *
	 * @param array{pipeline_id: int, flow_id: int, status?: string, engine_data?: array<mixed>|null} $args
	 * @return array<string, mixed>|WP_Error The job as GET /dm-jobs/v1/jobs/{id} returns it.
	 */
	function dm_jobs_create_job( array $args ): array|WP_Error {
		return ( new JobService() )->create(
			(int) ( $args['pipeline_id'] ?? 0 ),
			(int) ( $args['flow_id'] ?? 0 ),
			(string) ( $args['status'] ?? 'pending' ),
			isset( $args['engine_data'] ) && is_array( $args['engine_data'] ) ? $args['engine_data'] : null
		);
	}
}

if ( ! function_exists( 'dm_jobs_update_job_status' ) ) {
	/**
	 * Moves a job to a base status; a final status sets completed_at. Fires `dm_jobs_job_status_changed`.
	 *
	 * @param int               $job_id            The job.
	 * @param string            $status            pending, processing, completed, completed_no_items, failed, cancelled or agent_skipped.
	 * @param string|null       $reason            Why, shown next to the status (at most 255 characters).
	 * @param array<mixed>|null $engine_data_patch Top-level keys merged into engine_data (e.g. error_message).
	 * @return array<string, mixed>|WP_Error
	 */
	function dm_jobs_update_job_status( int $job_id, string $status, ?string $reason = null, ?array $engine_data_patch = null ): array|WP_Error {
		return ( new JobService() )->change_status( $job_id, $status, $reason, $engine_data_patch );
	}
}

if ( ! function_exists( 'dm_jobs_get_job' ) ) {
	/**
	 * One job with decoded engine_data, or null.
	 *
	 * @return array<string, mixed>|null
	 */
	function dm_jobs_get_job( int $job_id ): ?array {
		$row = ( new JobRepository() )->find( $job_id );
		return null === $row ? null : JobFormatter::detail( $row );
	}
}

if ( ! function_exists( 'dm_jobs_parse_status' ) ) {
	/**
	 * Splits a stored status ("failed - timeout", "running", …) into its base status and reason.
	 *
	 * @return array{status: string, reason: string|null, is_final: bool}
	 */
	function dm_jobs_parse_status( string $stored_status ): array {
		$parsed = StatusParser::parse( $stored_status );
		return array(
			'status'   => $parsed->base_value(),
			'reason'   => $parsed->reason,
			'is_final' => $parsed->is_final(),
		);
	}
}

if ( ! function_exists( 'dm_jobs_log' ) ) {
	/**
	 * Appends a line to a job's log (shown in the job's detail view, exportable, read by GET /jobs/{id}/logs).
	 *
	 * Never fails because of size: a message over 16,000 characters or a context over 64 KB of JSON is cut
	 * and the line is flagged `truncated` (the REST route refuses such lines instead).
	 *
	 * @param int                 $job_id  The job.
	 * @param string              $level   debug, info, notice, warning, error or critical.
	 * @param string              $message The line (plain text; shown as text, never as HTML).
	 * @param array<mixed>        $context Structured data; an http_status key is kept as the line's HTTP status.
	 * @param string|null         $step    The step the line is about (pipeline step ID, flow step ID or step type).
	 * @return array<string, mixed>|WP_Error The stored line, or an error for an unknown level, empty message or missing job.
	 */
	function dm_jobs_log( int $job_id, string $level, string $message, array $context = array(), ?string $step = null ): array|WP_Error {
		return ( new \DMJobs\Logs\LogService() )->append( $job_id, $level, $message, $context, $step );
	}
}
