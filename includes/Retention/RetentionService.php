<?php
/**
 * Applies the retention policy: removes completed-family jobs and failed/cancelled jobs older than
 * their limits (with their logs and files), sheds old engine_data and prunes old audit entries.
 * Each rule runs as a batched operation, so a run that hits its time budget continues later from
 * where it stopped. One audit entry per run (system actor for scheduled runs) and a report of the
 * last run (when, what was removed, how long) kept in an option.
 *
 * @package DMJobs
 */

namespace DMJobs\Retention;

use DMJobs\Audit\Actor;
use DMJobs\Audit\AuditLog;
use DMJobs\Operations\OperationParams;
use DMJobs\Operations\OperationService;
use DMJobs\Operations\OperationType;

defined( 'ABSPATH' ) || exit;

final class RetentionService {

	public const LAST_RUN_OPTION   = 'dm_jobs_retention_last_run';
	public const PENDING_OPTION    = 'dm_jobs_retention_pending';
	public const CONTINUE_HOOK     = 'dm_jobs_retention_continue';
	public const CONTINUE_DELAY    = 60;

	public function __construct(
		private readonly RetentionSettings $settings = new RetentionSettings(),
		private readonly OperationService $operations = new OperationService(),
		private readonly AuditLog $audit = new AuditLog(),
	) {
	}

	/**
	 * The rules that would run now, as operation types with normalized params.
	 *
	 * @param array<string, mixed>|null $settings Effective settings (default: current).
	 * @return array<int, array{key: string, type: OperationType, days: int, params: array<string, mixed>}>
	 */
	public function plan( ?array $settings = null, ?int $now = null ): array {
		$settings = $settings ?? $this->settings->effective();
		$rules    = array(
			array( 'completed', OperationType::CleanupJobs, (int) $settings['completed_days'], array( 'statuses' => OperationParams::COMPLETED_FAMILY ) ),
			array( 'failed', OperationType::CleanupJobs, (int) $settings['failed_days'], array( 'statuses' => $settings['keep_failed'] ? array( 'cancelled' ) : OperationParams::FAILED_FAMILY ) ),
			array( 'engine_data', OperationType::ShedEngineData, (int) $settings['engine_data_days'], array() ),
			array( 'audit', OperationType::PruneAudit, (int) $settings['audit_days'], array() ),
		);
		$plan     = array();
		foreach ( $rules as [ $key, $type, $days, $input ] ) {
			if ( $days < 1 ) {
				continue;
			}
			$params = OperationParams::normalize( $type, $input + array( 'older_than_days' => $days ), $now );
			if ( is_wp_error( $params ) ) {
				continue;
			}
			$plan[] = array(
				'key'    => $key,
				'type'   => $type,
				'days'   => $days,
				'params' => $params,
			);
		}
		return $plan;
	}

	/**
	 * Dry run of the current policy: what each rule would remove now.
	 *
	 * @return array<int, array{key: string, type: string, days: int, count: int}>
	 */
	public function preview(): array {
		$now   = time();
		$steps = array();
		foreach ( $this->plan( null, $now ) as $step ) {
			$handler = $this->operations->handler( $step['type'] );
			$steps[] = array(
				'key'   => $step['key'],
				'type'  => $step['type']->value,
				'days'  => $step['days'],
				'count' => $handler->count( $step['params'], $handler->snapshot( $step['params'] ) ),
			);
		}
		return $steps;
	}

	/**
	 * Starts a run (or continues an unfinished one) and works for up to $budget seconds.
	 *
	 * @param string $trigger "schedule" or "manual".
	 * @return array<string, mixed> The run's report.
	 */
	public function run( Actor $actor, string $trigger, float $budget ): array {
		$pending = get_option( self::PENDING_OPTION );
		if ( ! is_array( $pending ) || empty( $pending['steps'] ) ) {
			$pending = $this->begin( $actor, $trigger );
		}
		return $this->work( $pending, $budget );
	}

	/**
	 * Continues an unfinished run (scheduled follow-up); null when there is none.
	 *
	 * @return array<string, mixed>|null
	 */
	public function continue_pending( float $budget ): ?array {
		$pending = get_option( self::PENDING_OPTION );
		if ( ! is_array( $pending ) || empty( $pending['steps'] ) ) {
			return null;
		}
		return $this->work( $pending, $budget );
	}

	/**
	 * @return array<string, mixed>|null
	 */
	public function last_run(): ?array {
		$report = get_option( self::LAST_RUN_OPTION );
		return is_array( $report ) ? $report : null;
	}

	/**
	 * @return array<string, mixed>
	 */
	private function begin( Actor $actor, string $trigger ): array {
		$steps = array();
		foreach ( $this->plan() as $step ) {
			$operation = $this->operations->start( $step['type'], $step['params'], null, null, $actor, true );
			if ( is_wp_error( $operation ) ) {
				continue;
			}
			$steps[] = array(
				'key'          => $step['key'],
				'type'         => $step['type']->value,
				'days'         => $step['days'],
				'operation_id' => (int) $operation['id'],
			);
		}
		$pending = array(
			'started_at' => gmdate( 'Y-m-d\TH:i:s\Z' ),
			'started'    => microtime( true ),
			'trigger'    => $trigger,
			'actor'      => $actor->to_array(),
			'settings'   => $this->settings->effective(),
			'steps'      => $steps,
		);
		update_option( self::PENDING_OPTION, $pending, false );
		return $pending;
	}

	/**
	 * @param array<string, mixed> $pending
	 * @return array<string, mixed>
	 */
	private function work( array $pending, float $budget ): array {
		$deadline = microtime( true ) + max( 0.0, $budget );
		$done     = true;
		$worked   = false;
		$steps    = array();
		foreach ( (array) $pending['steps'] as $step ) {
			$operation = $this->operations->get( (int) $step['operation_id'] );
			// At least one slice per call, so even a tiny budget makes progress.
			if ( null !== $operation && OperationService::STATE_RUNNING === $operation['state'] && ( ! $worked || microtime( true ) < $deadline ) ) {
				$operation = $this->operations->run_until_done( (int) $step['operation_id'], $deadline );
				$worked    = true;
			}
			$operation = is_array( $operation ) ? $operation : null;
			if ( null !== $operation && OperationService::STATE_RUNNING === $operation['state'] ) {
				$done = false;
			}
			$steps[] = array(
				'key'          => $step['key'],
				'type'         => $step['type'],
				'days'         => $step['days'],
				'operation_id' => (int) $step['operation_id'],
				'state'        => $operation['state'] ?? 'missing',
				'total'        => $operation['total'] ?? 0,
				'affected'     => $operation['affected'] ?? 0,
				'result'       => $operation['result'] ?? (object) array(),
				'message'      => $operation['message'] ?? null,
			);
		}

		$removed = array();
		foreach ( $steps as $step ) {
			$removed[ $step['key'] ] = (int) $step['affected'];
		}
		$report = array(
			'state'       => $done ? ( $this->any_failed( $steps ) ? 'failed' : 'completed' ) : 'running',
			'trigger'     => $pending['trigger'],
			'actor'       => $pending['actor'],
			'started_at'  => $pending['started_at'],
			'finished_at' => $done ? gmdate( 'Y-m-d\TH:i:s\Z' ) : null,
			'duration'    => round( microtime( true ) - (float) $pending['started'], 2 ),
			'settings'    => $pending['settings'],
			'removed'     => (object) $removed,
			'steps'       => $steps,
		);
		update_option( self::LAST_RUN_OPTION, $report, false );

		if ( $done ) {
			delete_option( self::PENDING_OPTION );
			$actor = Actor::from_row( (string) $pending['actor']['type'], (int) ( $pending['actor']['user_id'] ?? 0 ), $pending['actor']['login'] ?? null );
			$this->audit->record( 'retention.run', $report, array_sum( $removed ), null, $actor );
		} elseif ( ! wp_next_scheduled( self::CONTINUE_HOOK ) ) {
			wp_schedule_single_event( time() + self::CONTINUE_DELAY, self::CONTINUE_HOOK );
		}
		return $report;
	}

	/**
	 * @param array<int, array<string, mixed>> $steps
	 */
	private function any_failed( array $steps ): bool {
		foreach ( $steps as $step ) {
			if ( OperationService::STATE_FAILED === $step['state'] || 'missing' === $step['state'] ) {
				return true;
			}
		}
		return false;
	}
}
