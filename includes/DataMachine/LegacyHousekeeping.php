<?php
/**
 * Data Machine 0.1 (dm_* tables).
 *
 * - Jobs: its Cache class keeps transients dm_total_jobs_count, dm_job_{id}, dm_job_status_{id},
 *   dm_flow_jobs_{flow_id} and dm_recent_jobs_{hash}; every job write of its own fires
 *   `dm_clear_jobs_cache`, whose handler deletes them (and flushes the object cache).
 * - Processed items: has_item_been_processed() caches each item's count in a never-expiring transient
 *   dm_processed_{flow_step_id}_{source_type}_{md5(item_identifier)}, and delete_processed_items()
 *   also leaves dm_count_processed_{hash} counts; its own deletes clear both.
 * - Its job delete keeps the processed items unless asked (the "already seen" list), so ours does too.
 * - Files: FilesRepository keeps a job's data packets in {uploads}/dm-files/job_{id}/.
 * - Its engine schedules each step as an Action Scheduler action dm_execute_step (group data-machine,
 *   args job_id, flow_step_id, data): pending ones of a deleted job are cancelled.
 * - Log lines are in DM Jobs' own job log (captured from dm_log), removed with the job elsewhere.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

use DMJobs\DataMachine\Repository\DataMachineCacheRepository;
use DMJobs\Status\StatusParser;

defined( 'ABSPATH' ) || exit;

final class LegacyHousekeeping implements Housekeeping {

	public const CLEAR_JOBS_ACTION = 'dm_clear_jobs_cache';
	public const ACTION_GROUP      = 'data-machine';
	public const JOB_ACTION_HOOKS  = array( 'dm_execute_step' => 'job_id' );

	public function __construct(
		private readonly string $jobs_table,
		private readonly DataMachineCacheRepository $caches = new DataMachineCacheRepository(),
	) {
	}

	public function before_jobs_deleted( array $job_ids, ?array $known = null ): array {
		return $known ?? $this->caches->job_facts( $this->jobs_table, $job_ids );
	}

	public function after_jobs_deleted( array $jobs ): array {
		$open = array_keys(
			array_filter(
				$jobs,
				static fn ( array $job ): bool => ! StatusParser::parse( (string) ( $job['status'] ?? '' ) )->is_final()
			)
		);
		return array(
			'transients' => $this->clear_jobs_cache( $jobs ),
			'actions'    => ( new ScheduledJobActions( self::ACTION_GROUP, self::JOB_ACTION_HOOKS ) )->cancel_for( $open ),
		);
	}

	public function after_jobs_changed( array $jobs ): void {
		$this->clear_jobs_cache( $jobs );
	}

	/**
	 * What `dm_clear_jobs_cache` does, without its site-wide object cache flush; then the action itself
	 * when Data Machine (or anything else) listens, so its own handler runs as after its own writes.
	 *
	 * @param array<int, array<string, mixed>> $jobs
	 */
	private function clear_jobs_cache( array $jobs ): int {
		if ( ! $jobs ) {
			return 0;
		}
		$names      = array( 'dm_total_jobs_count' );
		$jobs_names = array();
		foreach ( $jobs as $job_id => $facts ) {
			$jobs_names[] = 'dm_job_' . $job_id;
			$jobs_names[] = 'dm_job_status_' . $job_id;
			if ( isset( $facts['flow_id'] ) && '' !== (string) $facts['flow_id'] ) {
				$names[] = 'dm_flow_jobs_' . $facts['flow_id'];
			}
		}
		$cleared = $this->caches->delete_transients( $jobs_names, 'dm_job_' )
			+ $this->caches->delete_transients( $names )
			+ $this->caches->delete_transients_by_prefix( array( 'dm_recent_jobs' ) );
		if ( has_action( self::CLEAR_JOBS_ACTION ) ) {
			do_action( self::CLEAR_JOBS_ACTION );
		}
		return $cleared;
	}

	public function after_processed_items_deleted( array $items ): void {
		if ( ! $items ) {
			return;
		}
		$names = array();
		foreach ( $items as $item ) {
			$names[] = 'dm_processed_' . $item['flow_step_id'] . '_' . $item['source_type'] . '_' . md5( $item['item_identifier'] );
		}
		$this->caches->delete_transients( $names );
		$this->caches->delete_transients_by_prefix( array( 'dm_count_processed_' ) );
	}

	public function job_folders(): array {
		$uploads = wp_upload_dir( null, false );
		return array(
			array(
				'dir'    => rtrim( (string) ( $uploads['basedir'] ?? WP_CONTENT_DIR . '/uploads' ), '/' ) . '/dm-files',
				'format' => 'job_%d',
			),
		);
	}
}
