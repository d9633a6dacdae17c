<?php
/**
 * Records job events fired by DM Jobs' REST and PHP API (created, status changed, deleted).
 *
 * @package DMJobs
 */

namespace DMJobs\Audit;

defined( 'ABSPATH' ) || exit;

final class AuditSubscriber {

	public function __construct( private readonly AuditLog $audit = new AuditLog() ) {
	}

	public function register(): void {
		add_action( 'dm_jobs_job_created', array( $this, 'job_created' ), 10, 2 );
		add_action( 'dm_jobs_job_status_changed', array( $this, 'job_status_changed' ), 10, 4 );
		add_action( 'dm_jobs_job_deleted', array( $this, 'job_deleted' ), 10, 2 );
	}

	/**
	 * @param int                  $job_id
	 * @param array<string, mixed> $job
	 */
	public function job_created( $job_id, $job ): void {
		if ( AuditLog::is_quiet() ) {
			return;
		}
		$job = is_array( $job ) ? $job : array();
		$this->audit->record(
			'job.created',
			array(
				'pipeline_id' => $job['pipeline_id'] ?? null,
				'flow_id'     => $job['flow_id'] ?? null,
				'status'      => $job['status'] ?? null,
			),
			1,
			(int) $job_id
		);
	}

	/**
	 * @param int                  $job_id
	 * @param string               $new_status
	 * @param string               $old_status
	 * @param array<string, mixed> $job
	 */
	public function job_status_changed( $job_id, $new_status, $old_status, $job ): void {
		if ( AuditLog::is_quiet() ) {
			return;
		}
		$job = is_array( $job ) ? $job : array();
		$this->audit->record(
			'job.status_changed',
			array(
				'from'   => (string) $old_status,
				'to'     => (string) $new_status,
				'reason' => $job['status_reason'] ?? null,
			),
			1,
			(int) $job_id
		);
	}

	/**
	 * @param int                  $job_id
	 * @param array<string, mixed> $job
	 */
	public function job_deleted( $job_id, $job ): void {
		if ( AuditLog::is_quiet() ) {
			return;
		}
		$job = is_array( $job ) ? $job : array();
		$this->audit->record(
			'job.deleted',
			array(
				'pipeline_id' => $job['pipeline_id'] ?? null,
				'flow_id'     => $job['flow_id'] ?? null,
				'status'      => $job['status'] ?? null,
				'raw_status'  => $job['raw_status'] ?? null,
			),
			1,
			(int) $job_id
		);
	}
}
