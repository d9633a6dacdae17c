<?php
/**
 * Fields every report shapes the same way: ISO 8601 UTC times, rates, a bucket's bounds.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics\Reports;

defined( 'ABSPATH' ) || exit;

final class ReportFields {

	public static function iso( int $timestamp ): string {
		return gmdate( 'Y-m-d\TH:i:s\Z', $timestamp );
	}

	public static function rate( int $part, int $whole ): ?float {
		return $whole > 0 ? round( $part / $whole, 4 ) : null;
	}

	/**
	 * @param array{key: string, start: int, end: int, date: string|null} $bucket
	 * @return array{key: string, start: string, end: string, date: string|null}
	 */
	public static function bucket_fields( array $bucket ): array {
		return array(
			'key'   => $bucket['key'],
			'start' => self::iso( $bucket['start'] ),
			'end'   => self::iso( $bucket['end'] ),
			'date'  => $bucket['date'],
		);
	}
}
