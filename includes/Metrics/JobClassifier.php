<?php
/**
 * Decides how a dm_jobs row counts in the rollups, through StatusParser (compound and legacy
 * statuses included).
 *
 * - pending / processing (and legacy "running"): open, re-checked until it finishes.
 * - any other known base status: finished, counted once under that base status.
 * - an unknown status: finished as "other" when the row has a completed_at, else still open.
 * - a finished row without a valid created_at cannot be placed in time: skipped (and counted as such).
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

use DMJobs\Status\BaseStatus;
use DMJobs\Status\StatusFamily;
use DMJobs\Status\StatusParser;

defined( 'ABSPATH' ) || exit;

final class JobClassifier {

	public const OTHER   = 'other';
	public const INVALID = 'invalid';

	/**
	 * Statuses a rollup row can have.
	 *
	 * @return string[]
	 */
	public static function final_statuses(): array {
		$statuses = array();
		foreach ( BaseStatus::cases() as $status ) {
			if ( $status->is_final() ) {
				$statuses[] = $status->value;
			}
		}
		$statuses[] = self::OTHER;
		return $statuses;
	}

	/**
	 * Statuses that count as success in success and failure rates (StatusFamily decides).
	 *
	 * @return string[]
	 */
	public static function success_statuses(): array {
		return array_map( static fn ( BaseStatus $status ): string => $status->value, StatusFamily::success_statuses() );
	}

	/**
	 * @param array<string, string|null> $row job_id, pipeline_id, flow_id, status, created_at, completed_at.
	 * @return FinishedJob|string The finished job, or the open state ("pending", "processing", "other"), or INVALID.
	 */
	public static function classify( array $row ): FinishedJob|string {
		$parsed = StatusParser::parse( (string) $row['status'] );
		if ( BaseStatus::Pending === $parsed->base || BaseStatus::Processing === $parsed->base ) {
			return $parsed->base->value;
		}
		$completed = self::timestamp( $row['completed_at'] ?? null );
		if ( null === $parsed->base && null === $completed ) {
			return self::OTHER;
		}
		$created = self::timestamp( $row['created_at'] ?? null );
		if ( null === $created ) {
			return self::INVALID;
		}
		return new FinishedJob(
			(int) $row['job_id'],
			(int) $row['pipeline_id'],
			(int) $row['flow_id'],
			null === $parsed->base ? self::OTHER : $parsed->base->value,
			$created,
			null === $completed ? null : max( 0, $completed - $created )
		);
	}

	/**
	 * A stored UTC datetime as a Unix time; null for empty or zero dates.
	 */
	public static function timestamp( ?string $stored ): ?int {
		if ( null === $stored || '' === $stored || str_starts_with( $stored, '0000-00-00' ) ) {
			return null;
		}
		$date = \DateTimeImmutable::createFromFormat( '!Y-m-d H:i:s', substr( $stored, 0, 19 ), new \DateTimeZone( 'UTC' ) );
		return $date ? $date->getTimestamp() : null;
	}
}
