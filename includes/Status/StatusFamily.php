<?php
/**
 * What a status means for counting: still open, succeeded, failed, or other (finished, neither). The one
 * definition of success (Data Machine's: completed, completed_no_items, agent_skipped) that the list, counts,
 * Insights, reports and the TypeScript side (generated from here) all use.
 *
 * @package DMJobs
 */

namespace DMJobs\Status;

defined( 'ABSPATH' ) || exit;

enum StatusFamily: string {
	case Open      = 'open';
	case Succeeded = 'succeeded';
	case Failed    = 'failed';
	case Other     = 'other';

	/**
	 * The family of a base status; a status DM Jobs does not know (null) is "other".
	 */
	public static function of( ?BaseStatus $status ): self {
		if ( null === $status ) {
			return self::Other;
		}
		if ( ! $status->is_final() ) {
			return self::Open;
		}
		if ( in_array( $status, self::success_statuses(), true ) ) {
			return self::Succeeded;
		}
		return BaseStatus::Failed === $status ? self::Failed : self::Other;
	}

	/**
	 * The family of a status value ("completed", or a name DM Jobs does not know, which is "other").
	 */
	public static function of_value( string $status ): self {
		return self::of( BaseStatus::tryFrom( $status ) );
	}

	/**
	 * The statuses that count as success in success and failure rates.
	 *
	 * @return BaseStatus[]
	 */
	public static function success_statuses(): array {
		return array( BaseStatus::Completed, BaseStatus::CompletedNoItems, BaseStatus::AgentSkipped );
	}

	/**
	 * Success rate as a fraction rounded to 4 places: succeeded / (succeeded + failed); null with neither.
	 * Open, cancelled and other jobs count as neither.
	 */
	public static function success_rate( int $succeeded, int $failed ): ?float {
		return $succeeded + $failed > 0 ? round( $succeeded / ( $succeeded + $failed ), 4 ) : null;
	}

	/**
	 * Base status values by family, in BaseStatus order.
	 *
	 * @return array<string, string[]>
	 */
	public static function members(): array {
		$members = array();
		foreach ( self::cases() as $family ) {
			$members[ $family->value ] = array();
		}
		foreach ( BaseStatus::cases() as $status ) {
			$members[ self::of( $status )->value ][] = $status->value;
		}
		return $members;
	}
}
