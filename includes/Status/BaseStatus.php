<?php
/**
 * The base job statuses that filters, counts, cleanup and charts speak in.
 *
 * @package DMJobs
 */

namespace DMJobs\Status;

defined( 'ABSPATH' ) || exit;

enum BaseStatus: string {
	case Pending          = 'pending';
	case Processing       = 'processing';
	// Today's Data Machine parks a job here (e.g. at a webhook gate): open, not final.
	case Waiting          = 'waiting';
	case Completed        = 'completed';
	case CompletedNoItems = 'completed_no_items';
	case Failed           = 'failed';
	case Cancelled        = 'cancelled';
	case AgentSkipped     = 'agent_skipped';

	/**
	 * Whether a job in this status has finished (and so has a completed_at).
	 */
	public function is_final(): bool {
		return ! in_array( $this, array( self::Pending, self::Processing, self::Waiting ), true );
	}

	/**
	 * The status as people read it (translated).
	 */
	public function label(): string {
		return match ( $this ) {
			self::Pending          => __( 'Pending', 'dm-jobs' ),
			self::Processing       => __( 'Processing', 'dm-jobs' ),
			self::Waiting          => __( 'Waiting', 'dm-jobs' ),
			self::Completed        => __( 'Completed', 'dm-jobs' ),
			self::CompletedNoItems => __( 'Completed (no items)', 'dm-jobs' ),
			self::Failed           => __( 'Failed', 'dm-jobs' ),
			self::Cancelled        => __( 'Cancelled', 'dm-jobs' ),
			self::AgentSkipped     => __( 'Skipped by agent', 'dm-jobs' ),
		};
	}

	/**
	 * Every base status value, for schemas and enums.
	 *
	 * @return string[]
	 */
	public static function values(): array {
		return array_map( static fn ( self $status ): string => $status->value, self::cases() );
	}

	/**
	 * Legacy stored values that mean this status, with the reason they imply.
	 *
	 * @return array<string, string|null> stored value => reason
	 */
	public function legacy_aliases(): array {
		return match ( $this ) {
			self::Processing => array( 'running' => null ),
			// Data Machine's JobStatus::fromString() reads this older value as waiting for a runtime tool.
			self::Waiting    => array( 'pending_runtime_tool' => 'runtime_tool_request' ),
			self::Completed  => array(
				'complete'              => null,
				'completed_with_errors' => 'completed with errors',
				// The 21-character value as a varchar(20) column stored it.
				'completed_with_error'  => 'completed with errors',
			),
			default          => array(),
		};
	}
}
