<?php
/**
 * Today's Data Machine (datamachine_* tables, v0.2 on). Its own job delete is a bare DELETE; what
 * points at a job elsewhere, and what DM Jobs therefore clears:
 *
 * - transient datamachine_flow_health_{flow_id} (Jobs::get_flow_health(), a day): consecutive
 *   failures of the flow's latest jobs, recomputed when it is missing;
 * - transient datamachine_webhook_gate_{token} → job ID, for a job parked at a webhook gate (the
 *   token is in engine_data.webhook_gate.token), and its datamachine_webhook_gate_timeout action;
 * - object cache group datamachine_engine_data, keyed by job ID;
 * - datamachine_run_metadata rows of the job;
 * - processed-item claims the job held (status "claimed"), released as its fail handler releases
 *   them (also when DM Jobs moves the job to a final status); items it processed stay processed, as
 *   with Data Machine's own job delete;
 * - pending Action Scheduler actions of group data-machine carrying the job_id
 *   (datamachine_execute_step, datamachine_webhook_gate_timeout);
 * - child jobs (parent_job_id) are left as Data Machine leaves them: a child is deleted only when it
 *   is itself selected (and so counted in what the admin confirmed);
 * - its log lines (datamachine_logs, the job log DM Jobs reads there) go through the log repository
 *   with every deleted job's lines (LogHooks), not here.
 *
 * Files: {uploads}/datamachine-files/pipeline-{p}/flow-{f}/jobs/job-{id}/ (p and f may be "direct")
 * and {uploads}/datamachine-artifacts/jobs/{id}/.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

use DMJobs\DataMachine\Repository\DataMachineCacheRepository;
use DMJobs\Status\StatusParser;

defined( 'ABSPATH' ) || exit;

final class CurrentHousekeeping implements Housekeeping {

	public const ENGINE_DATA_GROUP      = 'datamachine_engine_data';
	public const FLOW_HEALTH_PREFIX     = 'datamachine_flow_health_';
	public const WEBHOOK_GATE_PREFIX    = 'datamachine_webhook_gate_';
	public const ACTION_GROUP           = 'data-machine';
	public const JOB_ACTION_HOOKS       = array(
		'datamachine_execute_step'         => 'job_id',
		'datamachine_webhook_gate_timeout' => 'job_id',
		'datamachine_pipeline_batch_chunk' => 'parent_job_id',
	);
	private const CLAIMED               = 'claimed';
	private const DEFERRED              = 'deferred';

	public function __construct(
		private readonly string $jobs_table,
		private readonly string $processed_items_table,
		private readonly ?string $run_metadata_table,
		private readonly DataMachineCacheRepository $caches = new DataMachineCacheRepository(),
	) {
	}

	public function before_jobs_deleted( array $job_ids, ?array $known = null ): array {
		$facts  = $known ?? $this->caches->job_facts( $this->jobs_table, $job_ids );
		$parked = array_keys( array_filter( $facts, static fn ( array $job ): bool => 'waiting' === self::base( $job['status'] ) ) );
		foreach ( $this->caches->engine_data( $this->jobs_table, $parked ) as $job_id => $stored ) {
			$engine = is_string( $stored ) ? json_decode( $stored, true ) : null;
			$token  = is_array( $engine ) && is_array( $engine['webhook_gate'] ?? null ) ? ( $engine['webhook_gate']['token'] ?? null ) : null;
			if ( is_string( $token ) && preg_match( '/^[a-f0-9]{64}$/', $token ) ) {
				$facts[ $job_id ]['webhook_token'] = $token;
			}
		}
		return $facts;
	}

	public function after_jobs_deleted( array $jobs ): array {
		if ( ! $jobs ) {
			return array();
		}
		$ids     = array_map( 'intval', array_keys( $jobs ) );
		$cleared = array( 'transients' => $this->clear_caches( $jobs ) );

		$gates = array();
		foreach ( $jobs as $job_id => $facts ) {
			if ( isset( $facts['webhook_token'] ) && (int) get_transient( self::WEBHOOK_GATE_PREFIX . $facts['webhook_token'] ) === (int) $job_id ) {
				$gates[] = self::WEBHOOK_GATE_PREFIX . $facts['webhook_token'];
			}
		}
		$cleared['transients'] += $this->caches->delete_transients( $gates );

		$cleared['run_metadata'] = null === $this->run_metadata_table ? 0 : $this->caches->delete_job_rows( $this->run_metadata_table, $ids );
		$cleared['claims']       = $this->caches->release_claims( $this->processed_items_table, $ids, self::CLAIMED, self::DEFERRED );
		$open                    = array_keys( array_filter( $jobs, static fn ( array $job ): bool => ! StatusParser::parse( (string) ( $job['status'] ?? '' ) )->is_final() ) );
		$cleared['actions']      = ( new ScheduledJobActions( self::ACTION_GROUP, self::JOB_ACTION_HOOKS ) )->cancel_for( $open );
		return $cleared;
	}

	/**
	 * A job DM Jobs moved to a final status no longer runs: the claims it held are released (as Data
	 * Machine's fail handler releases them), so its items are not blocked until the claims expire.
	 */
	public function after_jobs_changed( array $jobs ): void {
		$this->clear_caches( $jobs );
		$finished = array_keys( array_filter( $jobs, static fn ( array $job ): bool => StatusParser::parse( (string) ( $job['status'] ?? '' ) )->is_final() ) );
		if ( $finished ) {
			$this->caches->release_claims( $this->processed_items_table, array_map( 'intval', $finished ), self::CLAIMED, self::DEFERRED );
		}
	}

	/**
	 * @param array<int, array<string, mixed>> $jobs
	 */
	private function clear_caches( array $jobs ): int {
		$names = array();
		foreach ( $jobs as $job_id => $facts ) {
			wp_cache_delete( (int) $job_id, self::ENGINE_DATA_GROUP );
			$flow_id = (string) ( $facts['flow_id'] ?? '' );
			if ( ctype_digit( $flow_id ) ) {
				$names[] = self::FLOW_HEALTH_PREFIX . $flow_id;
			}
		}
		return $this->caches->delete_transients( $names );
	}

	public function after_processed_items_deleted( array $items ): void {
		// Today's processed items have no per-item cache.
	}

	public function job_folders(): array {
		$uploads = wp_upload_dir( null, false );
		$base    = rtrim( (string) ( $uploads['basedir'] ?? WP_CONTENT_DIR . '/uploads' ), '/' );
		return array(
			array(
				'dir'    => $base . '/datamachine-files/pipeline-*/flow-*/jobs',
				'format' => 'job-%d',
			),
			array(
				'dir'    => $base . '/datamachine-artifacts/jobs',
				'format' => '%d',
			),
		);
	}

	private static function base( string $status ): string {
		return strtolower( trim( (string) preg_split( '/\s+-\s+|:/', $status, 2 )[0] ) );
	}
}
