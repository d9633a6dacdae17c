<?php
/**
 * Wires job logs into WordPress: captures Data Machine's dm_log calls that name a job, deletes a job's
 * lines with the job, streams log exports and adds the diagnostic fields to GET /jobs/{id}.
 *
 * @package DMJobs
 */

namespace DMJobs\Logs;

use DMJobs\DataMachine\Adapters;
use DMJobs\Jobs\Details\JobDiagnostics;
use DMJobs\Jobs\Repository\JobReasonRepository;
use DMJobs\Logs\Repository\LogRepository;

defined( 'ABSPATH' ) || exit;

final class LogHooks {

	/**
	 * Data Machine's logging actions: dm_log (0.x) and datamachine_log (later versions), both
	 * do_action( $hook, $level, $message, $context ).
	 */
	public const CAPTURED_ACTIONS = array( 'dm_log', 'datamachine_log' );

	/**
	 * Context keys that name the step a Data Machine line is about, most specific first.
	 */
	private const STEP_KEYS = array( 'flow_step_id', 'pipeline_step_id', 'step_id', 'step', 'step_type' );

	/**
	 * WP-Cron event that finishes deleting the lines of deleted jobs with very long logs.
	 */
	public const DELETE_EVENT = 'dm_jobs_delete_job_logs';

	/**
	 * Lines deleted during the request that deleted the jobs; the rest goes to WP-Cron.
	 */
	public const INLINE_DELETE_LIMIT = 20000;

	/**
	 * Log lines deleted by the last delete_jobs_logs() (batched deletions report it).
	 */
	public static int $last_deleted = 0;

	/**
	 * Lines one WP-Cron run deletes before it schedules the next run.
	 */
	private const CRON_DELETE_LIMIT = 500000;

	/**
	 * Data Machine 0.1's execution context: the job and the flow step its engine is running.
	 */
	public const RUNNING_JOB_FILTER  = 'dm_current_job_id';
	public const RUNNING_STEP_FILTER = 'dm_current_flow_step_id';

	private bool $capturing = false;

	public function __construct(
		private readonly LogService $service = new LogService(),
		private readonly LogRepository $logs = new LogRepository(),
	) {
	}

	public function register(): void {
		foreach ( self::CAPTURED_ACTIONS as $action ) {
			add_action( $action, array( $this, 'capture' ), 10, 3 );
		}
		add_action( 'dm_jobs_job_deleted', array( $this, 'delete_job_logs' ), 10, 1 );
		add_action( 'dm_jobs_jobs_deleted', array( $this, 'delete_jobs_logs' ), 10, 1 );
		add_action( self::DELETE_EVENT, array( $this, 'continue_deleting' ), 10, 1 );
		add_filter( 'dm_jobs_job_detail', array( $this, 'add_diagnostics' ), 10, 1 );
		add_filter( 'rest_pre_serve_request', array( $this, 'serve_export' ), 10, 2 );
	}

	/**
	 * Copies a Data Machine log call into the job's log. The job is the context's job_id or, when the
	 * context names none, the job Data Machine 0.1 is running: while a step executes its engine answers
	 * the `dm_current_job_id` filter (and `dm_current_flow_step_id` for the step), and most of its
	 * lines carry no job_id of their own. Never throws and never changes what Data Machine does.
	 *
	 * @param mixed $level   Log level (Data Machine also sends management operations here, which are ignored).
	 * @param mixed $message The message.
	 * @param mixed $context Context array (may be missing); lines that belong to no job are ignored.
	 */
	public function capture( mixed $level = null, mixed $message = null, mixed $context = null ): void {
		if ( $this->capturing ) {
			return;
		}
		if ( 'data_machine' === \DMJobs\DataMachine\Adapters::primary()->logs_source() ) {
			return; // Today's Data Machine stores its lines itself (datamachine_logs); we read them there.
		}
		$log_level = LogLevel::from_loose( $level );
		if ( null === $log_level || ( ! is_string( $message ) && ! is_numeric( $message ) ) || '' === trim( (string) $message ) ) {
			return;
		}
		$context = is_array( $context ) ? $context : array();
		$named   = is_numeric( $context['job_id'] ?? null ) ? (int) $context['job_id'] : 0;
		$running = $named > 0 ? null : $this->running_job();
		$job_id  = null === $running ? $named : $running['job_id'];
		if ( $job_id < 1 ) {
			return;
		}

		/**
		 * Filters whether a Data Machine log call is copied into the job's log.
		 *
		 * @param bool   $capture Default true.
		 * @param string $level   Normalised level.
		 * @param string $message The message.
		 * @param array  $context The context (its job_id, or the running job's).
		 */
		if ( ! apply_filters( 'dm_jobs_capture_dm_log', true, $log_level->value, (string) $message, $context + array( 'job_id' => $job_id ) ) ) {
			return;
		}

		$step = null;
		foreach ( self::STEP_KEYS as $key ) {
			if ( isset( $context[ $key ] ) && is_scalar( $context[ $key ] ) && '' !== (string) $context[ $key ] ) {
				$step = (string) $context[ $key ];
				break;
			}
		}
		$step ??= $running['step'] ?? null;

		$this->capturing = true;
		try {
			$this->service->append( $job_id, $log_level->value, (string) $message, $context, $step );
			$this->keep_failure_reason( $job_id, $context );
		} catch ( \Throwable $error ) {
			// Logging must never break the pipeline that logs.
			unset( $error );
		} finally {
			$this->capturing = false;
		}
	}

	/**
	 * Data Machine 0.1 stores a plain `failed` and names the reason only in its fail handler's log line:
	 * keep it as the job's status reason, so lists, search and filters show it.
	 *
	 * @param array<string, mixed> $context
	 */
	private function keep_failure_reason( int $job_id, array $context ): void {
		$reason = $context['failure_reason'] ?? null;
		if ( 'dm_log' !== current_action() || ! is_string( $reason ) || '' === trim( $reason ) || null !== Adapters::current()->status_reason_key() ) {
			return;
		}
		( new JobReasonRepository() )->fill_missing_failure_reason( $job_id, trim( $reason ) );
	}

	/**
	 * The job (and flow step) Data Machine 0.1's engine is executing, from its context filters; null
	 * outside a step or when no Data Machine answers them.
	 *
	 * @return array{job_id: int, step: string|null}|null
	 */
	private function running_job(): ?array {
		if ( ! has_filter( self::RUNNING_JOB_FILTER ) ) {
			return null;
		}
		$this->capturing = true;
		try {
			$job_id = apply_filters( self::RUNNING_JOB_FILTER, null );
			$step   = is_numeric( $job_id ) && (int) $job_id > 0 ? apply_filters( self::RUNNING_STEP_FILTER, null ) : null;
		} finally {
			$this->capturing = false;
		}
		if ( ! is_numeric( $job_id ) || (int) $job_id < 1 ) {
			return null;
		}
		return array(
			'job_id' => (int) $job_id,
			'step'   => is_scalar( $step ) && '' !== (string) $step ? (string) $step : null,
		);
	}

	/**
	 * @param mixed $job_id The deleted job (dm_jobs_job_deleted).
	 */
	public function delete_job_logs( mixed $job_id ): void {
		if ( is_numeric( $job_id ) ) {
			$this->delete_jobs_logs( array( (int) $job_id ) );
		}
	}

	/**
	 * Deletes the lines of deleted jobs: up to 20,000 right away (filterable through
	 * `dm_jobs_log_delete_inline_limit`), the rest in a WP-Cron event, so deleting a job with a
	 * huge log does not hold up the request.
	 *
	 * @param mixed $job_ids The deleted jobs (dm_jobs_jobs_deleted).
	 */
	public function delete_jobs_logs( mixed $job_ids ): void {
		self::$last_deleted = 0;
		if ( ! is_array( $job_ids ) ) {
			return;
		}
		$ids = array_values( array_filter( array_map( 'intval', array_filter( $job_ids, 'is_numeric' ) ), static fn ( int $id ): bool => $id > 0 ) );
		if ( ! $ids ) {
			return;
		}
		LogService::forget_known_jobs( $ids );
		// Cached line counts of deleted jobs need no deleting: they are checked against the job's newest
		// line (gone now) and expire within a day. Deleting them was a query per job per batch.
		/**
		 * Filters how many log lines are deleted within the request that deleted their jobs.
		 *
		 * @param int   $limit   Default 20,000.
		 * @param int[] $job_ids The deleted jobs.
		 */
		$limit              = max( 1, (int) apply_filters( 'dm_jobs_log_delete_inline_limit', self::INLINE_DELETE_LIMIT, $ids ) );
		self::$last_deleted = $this->logs->delete_for_jobs( $ids, min( 5000, $limit ), $limit );
		if ( self::$last_deleted >= $limit ) {
			$this->schedule_rest( $ids ); // Lines are left only when the inline limit was reached.
		}
	}

	/**
	 * WP-Cron: goes on deleting the lines of deleted jobs.
	 *
	 * @param mixed $job_ids Job IDs.
	 */
	public function continue_deleting( mixed $job_ids ): void {
		if ( ! is_array( $job_ids ) ) {
			return;
		}
		$ids = array_values( array_filter( array_map( 'intval', $job_ids ), static fn ( int $id ): bool => $id > 0 ) );
		$this->logs->delete_for_jobs( $ids, 5000, self::CRON_DELETE_LIMIT );
		$this->schedule_rest( $ids );
	}

	/**
	 * @param int[] $ids
	 */
	private function schedule_rest( array $ids ): void {
		if ( $ids && $this->logs->any_for_jobs( $ids ) && false === wp_next_scheduled( self::DELETE_EVENT, array( $ids ) ) ) {
			wp_schedule_single_event( time(), self::DELETE_EVENT, array( $ids ) );
		}
	}

	/**
	 * @param mixed $job The job in the detail shape (dm_jobs_job_detail).
	 * @return mixed
	 */
	public function add_diagnostics( mixed $job ): mixed {
		return is_array( $job ) ? ( new JobDiagnostics() )->extend( $job ) : $job;
	}

	/**
	 * Streams a log export instead of letting the REST server JSON-encode it.
	 *
	 * @param mixed $served Whether the request was served already.
	 * @param mixed $result The response.
	 * @return mixed
	 */
	public function serve_export( mixed $served, mixed $result ): mixed {
		if ( $served || ! $result instanceof LogExportResponse ) {
			return $served;
		}
		while ( ob_get_level() > 0 ) {
			ob_end_clean();
		}
		$result->stream(
			static function ( string $chunk ): void {
				echo $chunk; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a text/plain or JSON download with nosniff, never HTML.
				flush();
			}
		);
		return true;
	}
}
