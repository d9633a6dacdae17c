<?php
/**
 * Fixed log-scale duration bins, so percentiles can be computed from rollups.
 *
 * Bin 0 holds 0 s. Bin k (1–63) holds durations d with 2^((k-1)/3) ≤ d < 2^(k/3): three bins per
 * doubling. The last bin is open-ended (≥ 2^(62/3) s ≈ 19 days). A percentile is taken by nearest
 * rank and reported as the geometric middle of its bin, clamped to the whole seconds the bin can
 * hold and to the largest duration seen. For durations under 2^(62/3) s, the reported value is
 * within ±PRECISION (12.25 %) of the exact nearest-rank percentile.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

defined( 'ABSPATH' ) || exit;

final class DurationHistogram {

	public const BINS              = 64;
	public const BINS_PER_DOUBLING = 3;

	/**
	 * Largest relative error of a percentile estimate: sqrt(bin ratio) - 1 = 2^(1/6) - 1.
	 */
	public const PRECISION = 0.122462048309373;

	/**
	 * Column names of the bins in the rollup tables: h00 … h63.
	 *
	 * @return string[]
	 */
	public static function columns(): array {
		static $columns = null;
		if ( null === $columns ) {
			$columns = array();
			for ( $bin = 0; $bin < self::BINS; $bin++ ) {
				$columns[] = sprintf( 'h%02d', $bin );
			}
		}
		return $columns;
	}

	/**
	 * The bin a duration (whole seconds) falls into.
	 */
	public static function bin( int $seconds ): int {
		if ( $seconds <= 0 ) {
			return 0;
		}
		$bin = (int) floor( self::BINS_PER_DOUBLING * log( $seconds, 2 ) ) + 1;
		// Guard against floating-point error at exact bin edges.
		while ( $bin > 1 && self::lower( $bin ) > $seconds ) {
			--$bin;
		}
		while ( $bin < self::BINS - 1 && self::upper( $bin ) <= $seconds ) {
			++$bin;
		}
		return min( self::BINS - 1, max( 1, $bin ) );
	}

	/**
	 * Inclusive lower edge of a bin, in seconds.
	 */
	public static function lower( int $bin ): float {
		return 0 === $bin ? 0.0 : 2 ** ( ( $bin - 1 ) / self::BINS_PER_DOUBLING );
	}

	/**
	 * Exclusive upper edge of a bin, in seconds (INF for the last one).
	 */
	public static function upper( int $bin ): float {
		if ( 0 === $bin ) {
			return 1.0;
		}
		return $bin >= self::BINS - 1 ? INF : 2 ** ( $bin / self::BINS_PER_DOUBLING );
	}

	/**
	 * A percentile by nearest rank, estimated from bin counts.
	 *
	 * @param array<int, int|string> $counts   Bin index => count.
	 * @param float                  $quantile 0 < q ≤ 1, e.g. 0.95.
	 * @param int|null               $max      The largest duration in the set, if known.
	 * @return float|null Seconds, or null for an empty histogram.
	 */
	public static function percentile( array $counts, float $quantile, ?int $max = null ): ?float {
		$total = 0;
		foreach ( $counts as $count ) {
			$total += (int) $count;
		}
		if ( $total <= 0 ) {
			return null;
		}
		$rank       = max( 1, (int) ceil( $quantile * $total - 1e-9 ) );
		$cumulative = 0;
		for ( $bin = 0; $bin < self::BINS; $bin++ ) {
			$cumulative += (int) ( $counts[ $bin ] ?? 0 );
			if ( $cumulative >= $rank ) {
				return self::estimate( $bin, $max );
			}
		}
		return null;
	}

	/**
	 * The value reported for a bin: its geometric middle, clamped to the whole seconds it can hold.
	 */
	public static function estimate( int $bin, ?int $max = null ): float {
		if ( 0 === $bin ) {
			return 0.0;
		}
		$lower = self::lower( $bin );
		$upper = self::upper( $bin );
		$first = (float) ceil( $lower );
		if ( is_infinite( $upper ) ) {
			$value = null === $max ? $first : max( $first, (float) $max );
		} else {
			$last  = max( $first, ceil( $upper ) - 1 );
			$value = min( max( sqrt( $lower * $upper ), $first ), $last );
		}
		if ( null !== $max && $max > 0 ) {
			$value = min( $value, (float) $max );
		}
		return round( $value, 2 );
	}
}
