<?php
/**
 * The range of a metrics request: range/after/before resolved into a MetricsRange (400 naming the
 * parameter when they do not fit together), and the range fields every metrics answer echoes.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

use DMJobs\Metrics\Reports\ReportFields;
use DMJobs\Shared\Rest\InvalidParam;
use WP_Error;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

final class RangeRequest {

	/**
	 * Resolves range/after/before into buckets; 400 naming the parameter when they do not fit together.
	 */
	public static function range( WP_REST_Request $request, SiteClock $clock, int $now ): MetricsRange|WP_Error {
		$preset = $request['range'];
		$after  = self::timestamp( $request['after'] );
		$before = self::timestamp( $request['before'] );
		$custom = null !== $after || null !== $before;

		if ( $custom && null !== $preset && 'custom' !== $preset ) {
			return InvalidParam::error( 'range', __( 'after and before can only be used with range=custom.', 'dm-jobs' ) );
		}
		$preset = $preset ?? ( $custom ? 'custom' : '7d' );
		if ( 'custom' === $preset ) {
			if ( null === $after ) {
				return InvalidParam::error( 'after', __( 'A custom range needs after and before.', 'dm-jobs' ) );
			}
			if ( null === $before ) {
				return InvalidParam::error( 'before', __( 'A custom range needs after and before.', 'dm-jobs' ) );
			}
			if ( $before <= $after ) {
				return InvalidParam::error( 'before', __( '"before" must be later than "after".', 'dm-jobs' ) );
			}
			if ( $before - $after > MetricsRange::MAX_SPAN_DAYS * DAY_IN_SECONDS ) {
				/* translators: %d: number of days. */
				return InvalidParam::error( 'after', sprintf( __( 'A custom range can span at most %d days.', 'dm-jobs' ), MetricsRange::MAX_SPAN_DAYS ) );
			}
		}
		return MetricsRange::resolve( (string) $preset, $after, $before, $clock, $now, SiteClock::start_of_week() );
	}

	/**
	 * The range fields every metrics answer echoes.
	 *
	 * @return array<string, mixed>
	 */
	public static function fields( MetricsRange $range, SiteClock $clock ): array {
		return array(
			'preset'        => $range->preset,
			'bucket'        => $range->bucket,
			'after'         => ReportFields::iso( $range->start ),
			'before'        => ReportFields::iso( $range->end ),
			'first_date'    => $range->first_date,
			'last_date'     => null === $range->end_date ? null : SiteClock::add_days( $range->end_date, -1 ),
			'time_zone'     => $clock->identity(),
			'start_of_week' => SiteClock::start_of_week(),
			'fell_back'     => $range->fell_back,
			'p95_precision' => round( DurationHistogram::PRECISION, 4 ),
		);
	}

	private static function timestamp( mixed $value ): ?int {
		if ( ! is_string( $value ) || '' === $value ) {
			return null;
		}
		$timestamp = rest_parse_date( $value );
		return false === $timestamp ? null : (int) $timestamp;
	}
}
