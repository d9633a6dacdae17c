<?php
/**
 * Turns the (schema-validated) request parameters of an operation into the normalized params its
 * handler works with, checking what the schema cannot (combinations, required-per-type).
 *
 * @package DMJobs
 */

namespace DMJobs\Operations;

use DMJobs\Jobs\JobQuery;
use DMJobs\Jobs\JobService;
use DMJobs\Shared\Rest\InvalidParam;
use DMJobs\Status\BaseStatus;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class OperationParams {

	public const MAX_DAYS = 36500;

	/**
	 * Families the cleanup and retention presets use.
	 */
	public const COMPLETED_FAMILY = array( 'completed', 'completed_no_items', 'agent_skipped' );
	public const FAILED_FAMILY    = array( 'failed', 'cancelled' );

	/**
	 * Final base statuses (the only ones cleanup, retention and bulk status changes may target).
	 *
	 * @return string[]
	 */
	public static function final_statuses(): array {
		return array_values(
			array_map(
				static fn ( BaseStatus $s ): string => $s->value,
				array_filter( BaseStatus::cases(), static fn ( BaseStatus $s ): bool => $s->is_final() )
			)
		);
	}

	/**
	 * @param array<string, mixed> $input Request parameters (already type-checked by the route schema).
	 * @param int|null             $now   Unix time "now" (the preview's as_of, so a confirmed count stays exact).
	 * @return array<string, mixed>|WP_Error
	 */
	public static function normalize( OperationType $type, array $input, ?int $now = null ): array|WP_Error {
		$now = $now ?? time();
		switch ( $type ) {
			case OperationType::DeleteJobs:
				$selection = self::selection( $input );
				return is_wp_error( $selection ) ? $selection : array( 'selection' => $selection->to_array() );

			case OperationType::UpdateStatus:
				$status = (string) ( $input['target_status'] ?? '' );
				if ( ! in_array( $status, self::final_statuses(), true ) ) {
					return self::invalid( 'target_status', __( 'Choose the final status to set.', 'dm-jobs' ) );
				}
				$reason = isset( $input['reason'] ) ? trim( (string) $input['reason'] ) : '';
				if ( mb_strlen( $reason ) > JobService::MAX_REASON_LENGTH ) {
					return self::invalid( 'reason', __( 'The reason is longer than 255 characters.', 'dm-jobs' ) );
				}
				$selection = self::selection( $input );
				if ( is_wp_error( $selection ) ) {
					return $selection;
				}
				return array(
					'selection' => $selection->to_array(),
					'status'    => $status,
					'reason'    => '' === $reason ? null : $reason,
				);

			case OperationType::CleanupJobs:
				$statuses = array_values( array_unique( array_map( 'strval', (array) ( $input['statuses'] ?? array() ) ) ) );
				if ( ! $statuses || array_diff( $statuses, self::final_statuses() ) ) {
					return self::invalid( 'statuses', __( 'Choose one or more finished statuses; pending and processing jobs are never cleaned up.', 'dm-jobs' ) );
				}
				$days   = self::days( $input, 0 );
				$cutoff = $days > 0 ? gmdate( 'Y-m-d H:i:s', $now - $days * DAY_IN_SECONDS ) : null;
				$query  = new JobQuery(
					statuses: array_map( static fn ( string $v ): BaseStatus => BaseStatus::from( $v ), $statuses ),
					pipeline_id: self::positive_or_null( $input['pipeline_id'] ?? null ),
					flow_id: self::positive_or_null( $input['flow_id'] ?? null ),
					created_before: $cutoff,
				);
				return array(
					'statuses'        => $statuses,
					'older_than_days' => $days,
					'cutoff'          => $cutoff,
					'pipeline_id'     => $query->pipeline_id,
					'flow_id'         => $query->flow_id,
					'selection'       => ( new JobSelection( null, $query ) )->to_array(),
				);

			case OperationType::CleanupOrphanJobs:
				return array( 'selection' => ( new JobSelection( null, new JobQuery(), false, true ) )->to_array() );

			case OperationType::CleanupProcessedItems:
				$days     = self::days( $input, 0 );
				$pipeline = self::positive_or_null( $input['pipeline_id'] ?? null );
				$flow     = self::positive_or_null( $input['flow_id'] ?? null );
				$orphaned = ! empty( $input['orphaned'] );
				if ( null === $pipeline && null === $flow && 0 === $days && ! $orphaned ) {
					return self::invalid( 'criteria', __( 'Choose a pipeline, a flow, an age or "whose job is gone".', 'dm-jobs' ) );
				}
				return array(
					'pipeline_id'     => $pipeline,
					'flow_id'         => $flow,
					'older_than_days' => $days,
					'cutoff'          => $days > 0 ? gmdate( 'Y-m-d H:i:s', $now - $days * DAY_IN_SECONDS ) : null,
					'orphaned'        => $orphaned,
				);

			case OperationType::CleanupOrphanLogs:
			case OperationType::CleanupOrphanFiles:
			case OperationType::OptimizeTables:
				return array();

			case OperationType::ShedEngineData:
				$days = self::days( $input, 0 );
				if ( $days < 1 ) {
					return self::invalid( 'older_than_days', __( 'Choose after how many days engine data is shed (at least 1).', 'dm-jobs' ) );
				}
				$statuses = array_values( array_unique( array_map( 'strval', (array) ( $input['statuses'] ?? self::final_statuses() ) ) ) );
				if ( ! $statuses || array_diff( $statuses, self::final_statuses() ) ) {
					return self::invalid( 'statuses', __( 'Only finished jobs can shed their engine data.', 'dm-jobs' ) );
				}
				$cutoff = gmdate( 'Y-m-d H:i:s', $now - $days * DAY_IN_SECONDS );
				$query  = new JobQuery(
					statuses: array_map( static fn ( string $v ): BaseStatus => BaseStatus::from( $v ), $statuses ),
					created_before: $cutoff,
				);
				return array(
					'older_than_days' => $days,
					'cutoff'          => $cutoff,
					'statuses'        => $statuses,
					'selection'       => ( new JobSelection( null, $query ) )->to_array(),
				);

			case OperationType::PruneAudit:
				$days = self::days( $input, 0 );
				if ( $days < 1 ) {
					return self::invalid( 'older_than_days', __( 'Audit entries can be pruned after 1 day at the earliest.', 'dm-jobs' ) );
				}
				return array(
					'older_than_days' => $days,
					'cutoff'          => gmdate( 'Y-m-d H:i:s', $now - $days * DAY_IN_SECONDS ),
				);
		}
		return self::invalid( 'type', __( 'Unknown operation.', 'dm-jobs' ) );
	}

	/**
	 * The job selection of a bulk action: explicit IDs, or the GET /jobs filters.
	 *
	 * @param array<string, mixed> $input
	 */
	public static function selection( array $input ): JobSelection|WP_Error {
		$include_active = ! empty( $input['include_active'] );
		$has_filter     = false;
		foreach ( array( 'status', 'pipeline_id', 'flow_id', 'search', 'after', 'before' ) as $key ) {
			if ( isset( $input[ $key ] ) && '' !== $input[ $key ] && array() !== $input[ $key ] ) {
				$has_filter = true;
			}
		}
		if ( isset( $input['ids'] ) ) {
			$ids = array_values( array_unique( array_map( 'intval', (array) $input['ids'] ) ) );
			if ( $has_filter ) {
				return self::invalid( 'ids', __( 'Send either job IDs or filters, not both.', 'dm-jobs' ) );
			}
			if ( ! $ids || count( $ids ) > JobSelection::MAX_IDS || min( $ids ) < 1 ) {
				/* translators: %d: maximum number of IDs. */
				return self::invalid( 'ids', sprintf( __( 'Send between 1 and %d positive job IDs (use the filters for more).', 'dm-jobs' ), JobSelection::MAX_IDS ) );
			}
			sort( $ids );
			return new JobSelection( $ids, new JobQuery(), $include_active );
		}

		$after  = self::utc( $input['after'] ?? null );
		$before = self::utc( $input['before'] ?? null );
		if ( null !== $after && null !== $before && $after > $before ) {
			return self::invalid( 'before', __( '"before" must not be earlier than "after".', 'dm-jobs' ) );
		}
		$statuses = array();
		foreach ( array_unique( array_map( 'strval', (array) ( $input['status'] ?? array() ) ) ) as $value ) {
			$status = BaseStatus::tryFrom( (string) $value );
			if ( null === $status ) {
				return self::invalid( 'status', __( 'Unknown job status.', 'dm-jobs' ) );
			}
			$statuses[] = $status;
		}
		return new JobSelection(
			null,
			new JobQuery(
				statuses: $statuses,
				pipeline_id: self::positive_or_null( $input['pipeline_id'] ?? null ),
				flow_id: self::positive_or_null( $input['flow_id'] ?? null ),
				search: trim( (string) ( $input['search'] ?? '' ) ),
				created_after: $after,
				created_before: $before,
			),
			$include_active
		);
	}

	/**
	 * An ISO 8601 date-time as UTC "Y-m-d H:i:s", or null.
	 */
	public static function utc( mixed $value ): ?string {
		if ( ! is_string( $value ) || '' === $value ) {
			return null;
		}
		$timestamp = rest_parse_date( $value );
		return false === $timestamp ? null : gmdate( 'Y-m-d H:i:s', (int) $timestamp );
	}

	public static function invalid( string $param, string $message ): WP_Error {
		return InvalidParam::error( $param, $message );
	}

	/**
	 * @param array<string, mixed> $input
	 */
	private static function days( array $input, int $default ): int {
		$days = isset( $input['older_than_days'] ) ? (int) $input['older_than_days'] : $default;
		return max( 0, min( self::MAX_DAYS, $days ) );
	}

	private static function positive_or_null( mixed $value ): ?int {
		return is_numeric( $value ) && (int) $value > 0 ? (int) $value : null;
	}
}
