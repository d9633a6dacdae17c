<?php
/**
 * The one-pass-at-a-time lock of the rollups (a row in their meta table, expiring after two
 * minutes so a killed pass does not block the next).
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics;

use DMJobs\Metrics\Repository\RollupRepository;

defined( 'ABSPATH' ) || exit;

final class RollupLock {

	private const TTL = 120;

	/**
	 * @param \Closure $now Returns the current Unix time.
	 */
	public function __construct(
		private readonly RollupRepository $rollups,
		private readonly \Closure $now,
	) {
	}

	/**
	 * Takes the pass lock, waiting up to $wait seconds.
	 */
	public function take( float $wait ): ?string {
		$token    = wp_generate_password( 20, false );
		$deadline = microtime( true ) + $wait;
		while ( true ) {
			if ( $this->rollups->try_lock( $token, ( $this->now )(), self::TTL ) ) {
				return $token;
			}
			if ( microtime( true ) >= $deadline ) {
				return null;
			}
			usleep( 100000 );
		}
	}

	public function release( string $token ): void {
		$this->rollups->release_lock( $token );
	}
}
