<?php
/**
 * Starts, runs (in time-boxed slices of batches), resumes and cancels batched admin operations.
 *
 * Life of an operation: preview (dry run: exact count + sample, nothing stored) → start (the count is
 * re-checked against the one the user confirmed; the primary-key snapshot fixes its scope) → run
 * slices until done (each slice claims a short lease, so two requests never run it at once, and a
 * crashed run is resumed from its cursor by the next call) → one audit entry when it ends
 * (completed, cancelled or failed).
 *
 * An operation belongs to the Data Machine generation it was started on (the request's `generation`,
 * e.g. the older dm_* jobs of a site that upgraded Data Machine): every run works on that generation's
 * tables, whoever runs it (the browser, WP-Cron, Action Scheduler) and whatever that request reads.
 *
 * @package DMJobs
 */

namespace DMJobs\Operations;

use DMJobs\Audit\Actor;
use DMJobs\Audit\AuditLog;
use DMJobs\DataMachine\Adapters;
use DMJobs\Jobs\JobFormatter;
use DMJobs\Operations\Handlers\JobDeleteHandler;
use DMJobs\Operations\Handlers\OptimizeTablesHandler;
use DMJobs\Operations\Handlers\OrphanFilesHandler;
use DMJobs\Operations\Handlers\OrphanLogsHandler;
use DMJobs\Operations\Handlers\ProcessedItemsHandler;
use DMJobs\Operations\Handlers\PruneAuditHandler;
use DMJobs\Operations\Handlers\ShedEngineDataHandler;
use DMJobs\Operations\Handlers\StatusChangeHandler;
use DMJobs\Operations\Repository\OperationRepository;
use DMJobs\Shared\Repository\Transaction;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class OperationService {

	public const STATE_RUNNING   = 'running';
	public const STATE_COMPLETED = 'completed';
	public const STATE_CANCELLED = 'cancelled';
	public const STATE_FAILED    = 'failed';

	/**
	 * Seconds a run's lease lasts without progress before another call may take over.
	 */
	public const LEASE_SECONDS = 120;

	/**
	 * What one deletion batch should take (seconds), and the bounds of its size in rows.
	 */
	public const BATCH_SECONDS  = 0.3;
	public const MIN_BATCH_ROWS = 500;
	public const MAX_BATCH_ROWS = 2000;

	/**
	 * @var array<string, OperationHandler>
	 */
	private array $handlers = array();

	/**
	 * Batch sizes learned per operation in this process.
	 *
	 * @var array<int, int>
	 */
	private static array $learned_sizes = array();

	public function __construct(
		private readonly OperationRepository $operations = new OperationRepository(),
		private readonly AuditLog $audit = new AuditLog(),
	) {
	}

	public function handler( OperationType $type ): OperationHandler {
		return $this->handlers[ $type->value ] ??= match ( $type ) {
			OperationType::DeleteJobs, OperationType::CleanupJobs, OperationType::CleanupOrphanJobs => new JobDeleteHandler(),
			OperationType::UpdateStatus          => new StatusChangeHandler(),
			OperationType::CleanupProcessedItems => new ProcessedItemsHandler(),
			OperationType::CleanupOrphanLogs     => new OrphanLogsHandler(),
			OperationType::CleanupOrphanFiles    => new OrphanFilesHandler(),
			OperationType::ShedEngineData        => new ShedEngineDataHandler(),
			OperationType::OptimizeTables        => new OptimizeTablesHandler(),
			OperationType::PruneAudit            => new PruneAuditHandler(),
		};
	}

	/**
	 * The dry run. Nothing is written.
	 *
	 * @param array<string, mixed> $params Normalized (OperationParams::normalize()).
	 * @return array<string, mixed>
	 */
	public function preview( OperationType $type, array $params, int $as_of ): array {
		$max_id  = $this->handler( $type )->snapshot( $params );
		$preview = $this->handler( $type )->preview( $params, $max_id );
		$details = $preview['details'];
		if ( isset( $details['by_status'] ) ) {
			// A map of counts, so none is `{}` rather than `[]`.
			$details['by_status'] = (object) $details['by_status'];
		}
		return array(
			'dry_run'     => true,
			'type'        => $type->value,
			'params'      => (object) $params,
			'count'       => $preview['count'],
			'sample_kind' => $preview['sample_kind'],
			'sample'      => $preview['sample'],
			'details'     => (object) $details,
			'max_id'      => $max_id,
			'as_of'       => gmdate( 'Y-m-d\TH:i:s\Z', $as_of ),
		);
	}

	/**
	 * Records a new operation (it runs when run() is called).
	 *
	 * @param array<string, mixed> $params        Normalized params.
	 * @param int|null             $confirm_count The count the user confirmed; must equal the count now.
	 * @param int|null             $max_id        The preview's snapshot (never above the current one).
	 * @param bool                 $quiet         Leave auditing to the caller (retention runs audit once).
	 * @return array<string, mixed>|WP_Error The operation, formatted.
	 */
	public function start( OperationType $type, array $params, ?int $confirm_count, ?int $max_id, Actor $actor, bool $quiet = false ): array|WP_Error {
		$handler = $this->handler( $type );
		$current = $handler->snapshot( $params );
		if ( null !== $max_id && $max_id > $current && OperationType::OptimizeTables !== $type ) {
			return OperationParams::invalid( 'max_id', __( 'The snapshot is newer than the data.', 'dm-jobs' ) );
		}
		$snapshot = null === $max_id ? $current : $max_id;
		$count    = $handler->count( $params, $snapshot );
		if ( $type->needs_confirmation() && null !== $confirm_count && $confirm_count !== $count ) {
			return new WP_Error(
				'dm_jobs_count_changed',
				/* translators: 1: the count the user confirmed, 2: the count now. */
				sprintf( __( 'You confirmed %1$s, but %2$s now match. Nothing was changed; please review and confirm again.', 'dm-jobs' ), number_format_i18n( $confirm_count ), number_format_i18n( $count ) ),
				array(
					'status' => 409,
					'count'  => $count,
				)
			);
		}
		$now = gmdate( 'Y-m-d H:i:s' );
		$id  = $this->operations->insert(
			array(
				'type'       => $type->value,
				'state'      => self::STATE_RUNNING,
				'params'     => (string) wp_json_encode(
					array(
						'params'     => $params,
						'quiet'      => $quiet,
						'generation' => Adapters::current()->key(),
					)
				),
				'generation' => Adapters::current()->key(),
				'max_id'     => $snapshot,
				'total'      => $count,
				'actor_type' => $actor->type,
				'user_id'    => $actor->user_id,
				'user_login' => $actor->login,
				'created_at' => $now,
			)
		);
		$operation = (array) $this->get( $id );
		if ( ! $quiet ) {
			/**
			 * Fires when an admin operation was started (it then advances in the background and
			 * whenever a client calls POST /operations/{id}/run).
			 *
			 * @param int $operation_id The operation.
			 */
			do_action( 'dm_jobs_operation_started', $id );
		}
		return $operation;
	}

	/**
	 * Runs batches for up to $budget seconds (at least one batch).
	 *
	 * @return array<string, mixed>|WP_Error The operation after the slice; `busy` true when another run holds it.
	 */
	public function run( int $operation_id, float $budget = 3.0, ?int $batch_size = null ): array|WP_Error {
		$row = $this->operations->find( $operation_id );
		if ( null === $row ) {
			return self::not_found();
		}
		if ( self::STATE_RUNNING !== $row['state'] ) {
			return self::format( $row );
		}
		$token = wp_generate_password( 32, false );
		if ( ! $this->operations->claim( $operation_id, $token, gmdate( 'Y-m-d H:i:s' ), self::lease_until() ) ) {
			$formatted         = self::format( $row );
			$formatted['busy'] = true;
			return $formatted;
		}
		$stored     = self::decode( $row['params'] );
		$started_on = self::generation( $stored );
		$generation = null === $started_on ? null : Adapters::available_key_for( $started_on );
		if ( null !== $started_on && null === $generation ) {
			// Never fall back to another generation's tables: they hold other jobs under the same IDs.
			/* translators: %s: a Data Machine generation key (datamachine, dm, standalone). */
			$this->operations->finish( $operation_id, $token, self::STATE_FAILED, sprintf( __( 'The Data Machine tables this operation was started on (%s) are no longer on this site.', 'dm-jobs' ), $started_on ), gmdate( 'Y-m-d H:i:s' ) );
			$operation = (array) $this->get( $operation_id );
			$this->audit_end( $operation, ! empty( $stored['quiet'] ) );
			return $operation;
		}
		return Adapters::using( $generation, fn (): array|WP_Error => $this->run_claimed( $operation_id, $row, $stored, $token, $budget, $batch_size ) );
	}

	/**
	 * The slice itself, with the lease held and the operation's generation in use.
	 *
	 * @param array<string, string|null> $row    The operation row.
	 * @param array<string, mixed>       $stored Its decoded params column.
	 * @return array<string, mixed>|WP_Error
	 */
	private function run_claimed( int $operation_id, array $row, array $stored, string $token, float $budget, ?int $batch_size ): array|WP_Error {
		$type    = OperationType::from( (string) $row['type'] );
		$handler = $this->handler( $type );
		$params  = is_array( $stored['params'] ?? null ) ? $stored['params'] : array();
		$max_id  = (int) $row['max_id'];
		$cursor  = (int) $row['cursor_id'];
		$result  = self::decode( $row['result'] );
		/**
		 * Filters rows per batch of an operation.
		 *
		 * @param int    $size Default per type (1,000 for job deletion).
		 * @param string $type Operation type.
		 */
		$default = $handler->default_batch_size();
		$size    = max( 1, (int) ( $batch_size ?? apply_filters( 'dm_jobs_operation_batch_size', $default, $type->value ) ) );
		// Deletion batches are sized by time unless a size was asked for: each one's fixed cost
		// (hooks, progress, commit) is spread over as many rows as fit in BATCH_SECONDS.
		$adaptive = null === $batch_size && $size === $default && $handler instanceof JobDeleteHandler;
		if ( $adaptive ) {
			$size = self::$learned_sizes[ $operation_id ] ?? $size;
		}
		$started = microtime( true );
		$state   = self::STATE_RUNNING;
		$message = null;

		try {
			do {
				if ( $this->operations->is_cancel_requested( $operation_id ) ) {
					$state = self::STATE_CANCELLED;
					break;
				}
				$new = wp_generate_password( 32, false );
				// The batch and the progress it makes are one unit: a run killed in between (or one
				// whose lease another run took over) leaves neither, so the next run redoes the batch
				// and the counts stay exact.
				$step = function () use ( $handler, $params, $max_id, $cursor, $size, $result, $operation_id, $token, $new ): array {
					$session = Transaction::session_id();
					$batch   = AuditLog::quietly( fn (): BatchResult => $handler->run_batch( $params, $max_id, $cursor, $size ) );
					$merged  = self::merge( $result, $batch );
					Transaction::assert_session( $session );
					$renewed = $this->operations->save_progress( $operation_id, $token, $new, $batch->cursor, $batch->processed, $batch->affected, (string) wp_json_encode( $merged ), gmdate( 'Y-m-d H:i:s' ), self::lease_until() );
					if ( ! $renewed ) {
						throw new LeaseLost();
					}
					return array( $batch, $merged );
				};
				try {
					$batch_started      = microtime( true );
					[ $batch, $result ] = $handler instanceof OptimizeTablesHandler ? $step() : Transaction::run( $step );
					if ( $adaptive && $batch->processed >= $size ) {
						$size = self::$learned_sizes[ $operation_id ] = self::next_batch_size( $size, microtime( true ) - $batch_started );
					}
				} catch ( LeaseLost $lost ) {
					// The lease expired and another run took over: stop without touching its state.
					return (array) $this->get( $operation_id );
				}
				$cursor = $batch->cursor;
				$token  = $new;
				if ( $batch->done ) {
					$state = self::STATE_COMPLETED;
					break;
				}
			} while ( microtime( true ) - $started < $budget );
		} catch ( \Throwable $e ) {
			if ( self::is_transient( $e ) ) {
				// The database went away or stayed locked: the operation keeps its place and the
				// next run (background or browser) continues it once the lease has expired.
				return $this->get( $operation_id ) ?? self::not_found();
			}
			$state   = self::STATE_FAILED;
			$message = $e->getMessage();
		}

		if ( self::STATE_RUNNING === $state ) {
			$this->operations->release( $operation_id, $token );
			return (array) $this->get( $operation_id );
		}
		$this->operations->finish( $operation_id, $token, $state, $message, gmdate( 'Y-m-d H:i:s' ) );
		$operation = (array) $this->get( $operation_id );
		$this->audit_end( $operation, ! empty( $stored['quiet'] ) );
		return $operation;
	}

	/**
	 * Runs slices (at least one) until the operation ends or $deadline (unix time) passes.
	 *
	 * @return array<string, mixed>|WP_Error
	 */
	public function run_until_done( int $operation_id, float $deadline = PHP_INT_MAX, ?int $batch_size = null ): array|WP_Error {
		do {
			$operation = $this->run( $operation_id, max( 0.0, min( 2.0, $deadline - microtime( true ) ) ), $batch_size );
			if ( is_wp_error( $operation ) || self::STATE_RUNNING !== $operation['state'] ) {
				return $operation;
			}
			if ( ! empty( $operation['busy'] ) ) {
				usleep( 200000 );
			}
		} while ( microtime( true ) < $deadline );
		return $operation;
	}

	/**
	 * Cancels now when no run holds the operation, otherwise asks the running slice to stop after its
	 * current batch (a batch is never half done).
	 *
	 * @return array<string, mixed>|WP_Error
	 */
	public function cancel( int $operation_id ): array|WP_Error {
		$row = $this->operations->find( $operation_id );
		if ( null === $row ) {
			return self::not_found();
		}
		if ( self::STATE_RUNNING !== $row['state'] ) {
			return self::format( $row );
		}
		$this->operations->request_cancel( $operation_id );
		if ( $this->operations->finish( $operation_id, null, self::STATE_CANCELLED, null, gmdate( 'Y-m-d H:i:s' ) ) ) {
			$operation = (array) $this->get( $operation_id );
			$stored    = self::decode( $row['params'] );
			$this->audit_end( $operation, ! empty( $stored['quiet'] ), Actor::current() );
			return $operation;
		}
		return (array) $this->get( $operation_id );
	}

	/**
	 * @return array<string, mixed>|null
	 */
	public function get( int $operation_id ): ?array {
		$row = $this->operations->find( $operation_id );
		return null === $row ? null : self::format( $row );
	}

	/**
	 * The newest operations of the source this request reads (a site that upgraded Data Machine lists
	 * the older jobs' operations on that source's screen only).
	 *
	 * @param string[] $states
	 * @return array<int, array<string, mixed>>
	 */
	public function recent( array $states = array(), int $limit = 20 ): array {
		$current = Adapters::current()->key();
		$listed  = $this->operations->find_recent( $states, $limit, Adapters::keys_reading_same_jobs_as( $current ), Adapters::using_primary() );
		return array_map( array( self::class, 'format' ), $listed );
	}

	/**
	 * @param array<string, string|null> $row
	 * @return array<string, mixed>
	 */
	public static function format( array $row ): array {
		$stored    = self::decode( $row['params'] );
		$total     = (int) $row['total'];
		$processed = (int) $row['processed'];
		$state     = (string) $row['state'];
		$locked    = null !== $row['locked_until'] && (string) $row['locked_until'] >= gmdate( 'Y-m-d H:i:s' );
		return array(
			'id'               => (int) $row['operation_id'],
			'type'             => (string) $row['type'],
			'state'            => $state,
			'params'           => (object) ( is_array( $stored['params'] ?? null ) ? $stored['params'] : array() ),
			'generation'       => self::generation( $stored ),
			'total'            => $total,
			'processed'        => $processed,
			'affected'         => (int) $row['affected'],
			'progress'         => self::STATE_COMPLETED === $state ? 1.0 : ( $total > 0 ? min( 1.0, round( $processed / $total, 4 ) ) : 0.0 ),
			'result'           => (object) self::decode( $row['result'] ),
			'message'          => null === $row['message'] || '' === $row['message'] ? null : (string) $row['message'],
			'actor'            => Actor::from_row( (string) $row['actor_type'], (int) $row['user_id'], $row['user_login'] )->to_array(),
			'cancel_requested' => '1' === (string) $row['cancel_requested'],
			'active'           => self::STATE_RUNNING === $state && $locked,
			'created_at'       => JobFormatter::iso_utc( $row['created_at'] ),
			'updated_at'       => JobFormatter::iso_utc( $row['updated_at'] ),
			'finished_at'      => JobFormatter::iso_utc( $row['finished_at'] ),
			'duration'         => self::duration( $row ),
		);
	}

	/**
	 * One audit entry for the whole operation, by whoever started it (or, for a cancellation, by
	 * whoever cancelled it; the starter is kept in the params).
	 *
	 * @param array<string, mixed> $operation Formatted.
	 */
	private function audit_end( array $operation, bool $quiet, ?Actor $ended_by = null ): void {
		if ( $quiet ) {
			return;
		}
		$type    = OperationType::from( (string) $operation['type'] );
		$started = Actor::from_row( (string) $operation['actor']['type'], (int) ( $operation['actor']['user_id'] ?? 0 ), $operation['actor']['login'] );
		$this->audit->record(
			$type->audit_action(),
			array(
				'operation_id' => $operation['id'],
				'state'        => $operation['state'],
				'params'       => $operation['params'],
				'total'        => $operation['total'],
				'processed'    => $operation['processed'],
				'result'       => $operation['result'],
				'duration'     => $operation['duration'],
				'message'      => $operation['message'],
				'started_by'   => $operation['actor'],
			),
			(int) $operation['affected'],
			null,
			$ended_by ?? $started
		);
	}

	/**
	 * @param array<string, mixed> $result
	 * @return array<string, mixed>
	 */
	private static function merge( array $result, BatchResult $batch ): array {
		foreach ( $batch->counters as $key => $value ) {
			$result[ $key ] = (int) ( $result[ $key ] ?? 0 ) + $value;
		}
		if ( $batch->entries ) {
			$result['entries'] = array_merge( (array) ( $result['entries'] ?? array() ), $batch->entries );
		}
		return $result;
	}

	/**
	 * The generation an operation was started on; null for operations recorded before generations
	 * were (they ran on the primary one, and still do).
	 *
	 * @param array<string, mixed> $stored The decoded params column.
	 */
	private static function generation( array $stored ): ?string {
		return isset( $stored['generation'] ) && is_string( $stored['generation'] ) && '' !== $stored['generation'] ? $stored['generation'] : null;
	}

	/**
	 * @return array<string, mixed>
	 */
	private static function decode( ?string $json ): array {
		if ( null === $json || '' === $json ) {
			return array();
		}
		$data = json_decode( $json, true );
		return is_array( $data ) ? $data : array();
	}

	/**
	 * @param array<string, string|null> $row
	 */
	private static function duration( array $row ): ?int {
		$start = strtotime( (string) $row['created_at'] . ' UTC' );
		$end   = strtotime( (string) ( $row['finished_at'] ?? $row['updated_at'] ) . ' UTC' );
		return false === $start || false === $end ? null : max( 0, $end - $start );
	}

	/**
	 * Seconds a run's lease lasts without progress (filterable, e.g. shorter in tests).
	 */
	public static function lease_seconds(): int {
		/**
		 * Filters how long a run holds an operation without making progress before another run may
		 * take it over (a crashed run is resumed after this).
		 *
		 * @param int $seconds Default 120.
		 */
		return max( 1, (int) apply_filters( 'dm_jobs_operation_lease_seconds', self::LEASE_SECONDS ) );
	}

	/**
	 * The next batch size: towards BATCH_SECONDS per batch, changing by at most a factor of two.
	 */
	public static function next_batch_size( int $size, float $seconds ): int {
		$ideal = $seconds > 0 ? $size * self::BATCH_SECONDS / $seconds : $size * 2;
		$ideal = max( $size / 2, min( $size * 2, $ideal ) );
		return (int) max( self::MIN_BATCH_ROWS, min( self::MAX_BATCH_ROWS, round( $ideal, -2 ) ) );
	}

	private static function is_transient( \Throwable $error ): bool {
		return $error instanceof \RuntimeException
			&& (bool) preg_match( '/connection lost|gone away|lost connection|can\'t connect|connection refused|deadlock|lock wait timeout|database is locked/i', $error->getMessage() );
	}

	private static function lease_until(): string {
		return gmdate( 'Y-m-d H:i:s', time() + self::lease_seconds() );
	}

	private static function not_found(): WP_Error {
		return new WP_Error( 'dm_jobs_operation_not_found', __( 'No operation has this ID.', 'dm-jobs' ), array( 'status' => 404 ) );
	}
}
