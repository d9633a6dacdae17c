<?php
/**
 * The duration histogram: bin edges, and percentiles within the stated precision.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Metrics;

use DMJobs\Metrics\DurationHistogram;
use PHPUnit\Framework\TestCase;

PHP_SAPI === 'cli' || exit;

final class DurationHistogramTest extends TestCase {

	public function test_every_duration_falls_inside_its_bin(): void {
		$previous = 0;
		for ( $seconds = 0; $seconds <= 200000; $seconds += ( $seconds < 5000 ? 1 : 97 ) ) {
			$bin = DurationHistogram::bin( $seconds );
			$this->assertGreaterThanOrEqual( $previous, $bin );
			$this->assertGreaterThanOrEqual( DurationHistogram::lower( $bin ), $seconds );
			$this->assertLessThan( DurationHistogram::upper( $bin ), $seconds );
			$previous = $bin;
		}
		$this->assertSame( 0, DurationHistogram::bin( 0 ) );
		$this->assertSame( 1, DurationHistogram::bin( 1 ) );
		$this->assertSame( 4, DurationHistogram::bin( 2 ) );
		$this->assertSame( 63, DurationHistogram::bin( 100000000 ) );
		$this->assertCount( 64, DurationHistogram::columns() );
		$this->assertEqualsWithDelta( 2 ** ( 1 / 6 ) - 1, DurationHistogram::PRECISION, 1e-12 );
	}

	public function test_percentiles_are_within_the_stated_precision(): void {
		mt_srand( 42 );
		for ( $round = 0; $round < 200; $round++ ) {
			$values = array();
			$counts = array();
			$size   = mt_rand( 1, 400 );
			for ( $index = 0; $index < $size; $index++ ) {
				$value                                   = (int) round( exp( mt_rand( 0, 13000 ) / 1000 ) ) - 1;
				$values[]                                = $value;
				$counts[ DurationHistogram::bin( $value ) ] = ( $counts[ DurationHistogram::bin( $value ) ] ?? 0 ) + 1;
			}
			sort( $values );
			foreach ( array( 0.5, 0.95, 0.99 ) as $quantile ) {
				$exact    = $values[ max( 1, (int) ceil( $quantile * $size - 1e-9 ) ) - 1 ];
				$estimate = DurationHistogram::percentile( $counts, $quantile, max( $values ) );
				if ( 0 === $exact ) {
					$this->assertSame( 0.0, $estimate );
					continue;
				}
				$this->assertLessThanOrEqual( DurationHistogram::PRECISION + 0.0005, abs( $estimate - $exact ) / $exact, "q={$quantile} exact={$exact} estimate={$estimate}" );
			}
		}
		$this->assertNull( DurationHistogram::percentile( array(), 0.95 ) );
	}

	public function test_small_durations_are_exact(): void {
		// Bins holding a single whole second report it exactly.
		foreach ( array( 0, 1, 2, 3 ) as $seconds ) {
			$this->assertSame( (float) $seconds, DurationHistogram::percentile( array( DurationHistogram::bin( $seconds ) => 3 ), 0.95 ) );
		}
		// Bin 7 holds 4 and 5 s: the geometric middle, or the largest duration seen when smaller.
		$this->assertSame( 4.49, DurationHistogram::percentile( array( 7 => 3 ), 0.95 ) );
		$this->assertSame( 4.0, DurationHistogram::percentile( array( 7 => 3 ), 0.95, 4 ) );
	}
}
