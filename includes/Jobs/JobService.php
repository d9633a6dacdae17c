<?php
/**
 * Creates jobs, moves them between statuses and deletes one job for the REST and PHP APIs, firing
 * the documented hooks.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

use DMJobs\Jobs\Repository\JobRepository;
use DMJobs\Pipelines\Repository\PipelineRepository;
use DMJobs\Shared\Rest\InvalidParam;
use DMJobs\Status\BaseStatus;
use DMJobs\Status\StatusParser;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class JobService {

	public const MAX_REASON_LENGTH = 255;

	public function __construct(
		private readonly JobRepository $jobs = new JobRepository(),
		private readonly PipelineRepository $pipelines = new PipelineRepository(),
	) {
	}

	/**
	 * Creates a job for an existing pipeline and flow.
	 *
	 * @param int                    $pipeline_id The pipeline the job runs.
	 * @param int                    $flow_id     The flow (of that pipeline) the job runs.
	 * @param string                 $status      A base status; "pending" when a job is queued.
	 * @param array<mixed>|null      $engine_data Data for the job's steps, stored as JSON.
	 * @return array<string, mixed>|WP_Error The created job (detail shape).
	 */
	public function create( int $pipeline_id, int $flow_id, string $status = 'pending', ?array $engine_data = null ): array|WP_Error {
		$base = BaseStatus::tryFrom( $status );
		if ( null === $base ) {
			return $this->invalid( 'status', __( 'Unknown job status.', 'dm-jobs' ) );
		}
		if ( $pipeline_id < 1 || ! $this->pipelines->pipeline_exists( $pipeline_id ) ) {
			return $this->invalid( 'pipeline_id', __( 'No pipeline has this ID.', 'dm-jobs' ) );
		}
		$flow_pipeline = $flow_id > 0 ? $this->pipelines->flow_pipeline_id( $flow_id ) : null;
		if ( null === $flow_pipeline ) {
			return $this->invalid( 'flow_id', __( 'No flow has this ID.', 'dm-jobs' ) );
		}
		if ( $flow_pipeline !== $pipeline_id ) {
			return $this->invalid( 'flow_id', __( 'This flow belongs to another pipeline.', 'dm-jobs' ) );
		}

		$now    = gmdate( 'Y-m-d H:i:s' );
		$job_id = $this->jobs->insert(
			array(
				'pipeline_id'  => $pipeline_id,
				'flow_id'      => $flow_id,
				'status'       => $base->value,
				'engine_data'  => null === $engine_data ? null : (string) wp_json_encode( $engine_data ),
				'created_at'   => $now,
				'completed_at' => $base->is_final() ? $now : null,
			)
		);
		$job = JobFormatter::detail( (array) $this->jobs->find( $job_id ) );

		/**
		 * Fires after a job was created through DM Jobs' REST or PHP API.
		 *
		 * @param int   $job_id The new job's ID.
		 * @param array $job    The job, as GET /dm-jobs/v1/jobs/{id} returns it.
		 */
		do_action( 'dm_jobs_job_created', $job_id, $job );

		return $job;
	}

	/**
	 * Moves a job to a status. A final status sets completed_at; going back to pending/processing clears it.
	 *
	 * @param int               $job_id            The job.
	 * @param string            $status            A base status.
	 * @param string|null       $reason            Why (shown next to the status), at most 255 characters.
	 * @param array<mixed>|null $engine_data_patch Top-level keys merged into the job's engine_data.
	 * @return array<string, mixed>|WP_Error The updated job (detail shape).
	 */
	public function change_status( int $job_id, string $status, ?string $reason = null, ?array $engine_data_patch = null ): array|WP_Error {
		$base = BaseStatus::tryFrom( $status );
		if ( null === $base ) {
			return $this->invalid( 'status', __( 'Unknown job status.', 'dm-jobs' ) );
		}
		if ( null !== $reason && ! mb_check_encoding( $reason, 'UTF-8' ) ) {
			return $this->invalid( 'reason', __( 'Text must be valid UTF-8.', 'dm-jobs' ) );
		}
		$reason = null === $reason ? null : trim( $reason );
		if ( null !== $reason && mb_strlen( $reason ) > self::MAX_REASON_LENGTH ) {
			return $this->invalid( 'reason', __( 'The reason is longer than 255 characters.', 'dm-jobs' ) );
		}
		$row = $this->jobs->find( $job_id );
		if ( null === $row ) {
			return new WP_Error( 'dm_jobs_job_not_found', __( 'No job has this ID.', 'dm-jobs' ), array( 'status' => 404 ) );
		}

		$previous     = StatusParser::parse( (string) $row['status'] );
		$completed_at = null;
		if ( $base->is_final() ) {
			$keeps_time   = $previous->is_final() && ! empty( $row['completed_at'] ) && ! str_starts_with( (string) $row['completed_at'], '0000' );
			$completed_at = $keeps_time ? $row['completed_at'] : gmdate( 'Y-m-d H:i:s' );
		}
		$engine_data = null;
		if ( null !== $engine_data_patch ) {
			$current     = EngineDataDecoder::decode( $row['engine_data'] ?? null ) ?? array();
			$engine_data = (string) wp_json_encode( array_merge( $current, $engine_data_patch ) );
		}

		$this->jobs->update_status( $job_id, $base->value, '' === $reason ? null : $reason, $completed_at, $engine_data );
		$job = JobFormatter::detail( (array) $this->jobs->find( $job_id ) );

		/**
		 * Fires after a job's status was changed through DM Jobs' REST or PHP API.
		 *
		 * @param int    $job_id     The job's ID.
		 * @param string $new_status The new base status.
		 * @param string $old_status The previous base status (or the raw value if it was not recognised).
		 * @param array  $job        The job, as GET /dm-jobs/v1/jobs/{id} returns it.
		 */
		do_action( 'dm_jobs_job_status_changed', $job_id, $base->value, $previous->base_value(), $job );

		return $job;
	}

	/**
	 * Deletes one job, with the hooks every deletion fires (Data Machine's housekeeping, the
	 * rollups and the job's log follow them).
	 *
	 * @param array<string, mixed> $previous The job as it was (what `dm_jobs_job_deleted` receives).
	 * @return bool Whether this call deleted it (false: gone meanwhile, or the delete failed).
	 */
	public function delete( int $job_id, array $previous ): bool {
		/** This action is documented in includes/Operations/Handlers/JobDeleteHandler.php */
		do_action( 'dm_jobs_before_delete_jobs', array( $job_id ) );
		if ( ! $this->jobs->delete( $job_id ) ) {
			return false;
		}
		/** This action is documented in includes/Operations/Handlers/JobDeleteHandler.php */
		do_action( 'dm_jobs_jobs_deleted', array( $job_id ) );

		/**
		 * Fires after a job was deleted through the REST API.
		 *
		 * @param int   $job_id The deleted job's ID.
		 * @param array $job    The job as it was.
		 */
		do_action( 'dm_jobs_job_deleted', $job_id, $previous );
		return true;
	}

	private function invalid( string $param, string $message ): WP_Error {
		return InvalidParam::error( $param, $message, array( 'details' => array() ) );
	}
}
