<?php
/**
 * Leaves Data Machine consistent after DM Jobs deleted or changed jobs or processed items, through the
 * Housekeeping of the generation in use: every deletion path (DELETE /jobs/{id}, bulk delete, cleanup,
 * retention, orphan cleanup) fires dm_jobs_before_delete_jobs / dm_jobs_jobs_deleted, status changes
 * fire dm_jobs_job_status_changed (a bulk batch between dm_jobs_before_jobs_changed and dm_jobs_jobs_changed,
 * cleared once per batch), engine_data shedding dm_jobs_engine_data_changed, and processed-item cleanup
 * dm_jobs_before_delete_processed_items / dm_jobs_processed_items_deleted.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

use DMJobs\DataMachine\Repository\DataMachineCacheRepository;
use DMJobs\Schema\Repository\TableNames;

defined( 'ABSPATH' ) || exit;

final class HousekeepingHooks {

	/**
	 * Facts of jobs about to be deleted, until they are.
	 *
	 * @var array<int, array<string, mixed>>
	 */
	private array $pending_jobs = array();

	/**
	 * Keys of processed items about to be deleted, until they are.
	 *
	 * @var array<int, array{flow_step_id: string, source_type: string, item_identifier: string}>
	 */
	private array $pending_items = array();

	/**
	 * Jobs whose status changed, while a batch is being collected.
	 *
	 * @var array<int, array<string, mixed>>
	 */
	private array $changed = array();

	private int $collecting = 0;

	public static function housekeeping(): Housekeeping {
		return Adapters::current()->housekeeping();
	}

	public function register(): void {
		add_action( 'dm_jobs_before_delete_jobs', array( $this, 'before_jobs_deleted' ), 5, 2 );
		add_action( 'dm_jobs_jobs_deleted', array( $this, 'jobs_deleted' ), 5, 1 );
		add_action( 'dm_jobs_before_jobs_changed', array( $this, 'collect_changes' ), 10, 0 );
		add_action( 'dm_jobs_job_status_changed', array( $this, 'job_status_changed' ), 10, 4 );
		add_action( 'dm_jobs_jobs_changed', array( $this, 'flush_changes' ), 10, 0 );
		add_action( 'dm_jobs_engine_data_changed', array( $this, 'engine_data_changed' ), 10, 1 );
		add_action( 'dm_jobs_before_delete_processed_items', array( $this, 'before_processed_items_deleted' ), 10, 1 );
		add_action( 'dm_jobs_processed_items_deleted', array( $this, 'processed_items_deleted' ), 10, 0 );
	}

	/**
	 * @param mixed $job_ids
	 * @param mixed $facts   job_id => pipeline_id, flow_id, status, when the caller read them with the IDs.
	 */
	public function before_jobs_deleted( mixed $job_ids, mixed $facts = null ): void {
		$ids = self::ids( $job_ids );
		if ( $ids ) {
			$this->pending_jobs = self::housekeeping()->before_jobs_deleted( $ids, self::facts_for( $ids, $facts ) ) + $this->pending_jobs;
		}
	}

	/**
	 * The caller's facts when they cover every one of these jobs in the expected shape, else null
	 * (then they are read from the table).
	 *
	 * @param int[] $ids
	 * @return array<int, array{pipeline_id: string|null, flow_id: string|null, status: string}>|null
	 */
	private static function facts_for( array $ids, mixed $facts ): ?array {
		if ( ! is_array( $facts ) ) {
			return null;
		}
		$known = array();
		foreach ( $ids as $id ) {
			$fact = $facts[ $id ] ?? null;
			if ( ! is_array( $fact ) || ! is_string( $fact['status'] ?? null ) || ! array_key_exists( 'pipeline_id', $fact ) || ! array_key_exists( 'flow_id', $fact ) ) {
				return null;
			}
			$known[ $id ] = array(
				'pipeline_id' => null === $fact['pipeline_id'] ? null : (string) $fact['pipeline_id'],
				'flow_id'     => null === $fact['flow_id'] ? null : (string) $fact['flow_id'],
				'status'      => $fact['status'],
			);
		}
		return $known;
	}

	/**
	 * @param mixed $job_ids Jobs that are gone.
	 */
	public function jobs_deleted( mixed $job_ids ): void {
		$gone = array();
		foreach ( self::ids( $job_ids ) as $job_id ) {
			$gone[ $job_id ] = $this->pending_jobs[ $job_id ] ?? array();
			unset( $this->pending_jobs[ $job_id ] );
		}
		if ( $gone ) {
			self::housekeeping()->after_jobs_deleted( $gone );
		}
	}

	/**
	 * A batch of status changes begins: collect them and clear once for the batch.
	 */
	public function collect_changes(): void {
		++$this->collecting;
	}

	public function flush_changes(): void {
		$this->collecting = max( 0, $this->collecting - 1 );
		if ( 0 === $this->collecting && $this->changed ) {
			$changed       = $this->changed;
			$this->changed = array();
			self::housekeeping()->after_jobs_changed( $changed );
		}
	}

	/**
	 * @param mixed $job_id
	 * @param mixed $new_status
	 * @param mixed $old_status
	 * @param mixed $job        The job (pipeline_id, flow_id).
	 */
	public function job_status_changed( mixed $job_id, mixed $new_status = null, mixed $old_status = null, mixed $job = null ): void {
		if ( ! is_numeric( $job_id ) || (int) $job_id < 1 ) {
			return;
		}
		$job                             = is_array( $job ) ? $job : array();
		$this->changed[ (int) $job_id ] = array(
			'pipeline_id' => isset( $job['pipeline_id'] ) ? (string) $job['pipeline_id'] : null,
			'flow_id'     => isset( $job['flow_id'] ) ? (string) $job['flow_id'] : null,
			'status'      => is_string( $new_status ) ? $new_status : '',
		);
		if ( 0 === $this->collecting ) {
			++$this->collecting;
			$this->flush_changes();
		}
	}

	/**
	 * @param mixed $job_ids
	 */
	public function engine_data_changed( mixed $job_ids ): void {
		$ids = self::ids( $job_ids );
		if ( $ids ) {
			self::housekeeping()->after_jobs_changed( ( new DataMachineCacheRepository() )->job_facts( TableNames::jobs(), $ids ) );
		}
	}

	/**
	 * @param mixed $item_ids Processed-item row IDs about to be deleted.
	 */
	public function before_processed_items_deleted( mixed $item_ids ): void {
		$ids = self::ids( $item_ids );
		if ( $ids ) {
			$this->pending_items = array_merge( $this->pending_items, ( new DataMachineCacheRepository() )->processed_item_keys( TableNames::processed_items(), $ids ) );
		}
	}

	/**
	 * Clears the caches of the items read before the deletion (a row that survived it is still
	 * processed: its cache is only re-read from the table).
	 */
	public function processed_items_deleted(): void {
		$items               = $this->pending_items;
		$this->pending_items = array();
		self::housekeeping()->after_processed_items_deleted( $items );
	}

	/**
	 * @return int[]
	 */
	private static function ids( mixed $ids ): array {
		return is_array( $ids ) ? array_values( array_unique( array_filter( array_map( 'intval', array_filter( $ids, 'is_numeric' ) ), static fn ( int $id ): bool => $id > 0 ) ) ) : array();
	}
}
