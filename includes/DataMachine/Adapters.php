<?php
/**
 * Which Data Machine generation DM Jobs reads in this request.
 *
 * Detected from the tables present: today's datamachine_* tables win; a site that upgraded Data Machine
 * also has the older dm_* jobs, offered as a second source (Adapters::secondary()); with neither, DM Jobs
 * runs standalone on its own dm_* tables. The filter `dm_jobs_data_machine_generation` forces one
 * ("datamachine", "dm" or "standalone"). A request may read the second source with Adapters::use().
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

defined( 'ABSPATH' ) || exit;

final class Adapters {

	/**
	 * Option caching what the detector found: array{signature: string, keys: string[], checked: int}.
	 */
	public const DETECTED_OPTION = 'dm_jobs_detected_generations';

	/**
	 * How long a detection is trusted when nothing about Data Machine changed, in seconds.
	 */
	private const DETECTION_TTL = 600;

	/**
	 * Generations found, primary first (cached for the request).
	 *
	 * @var string[]|null
	 */
	private static ?array $keys = null;

	private static ?string $in_use = null;

	/**
	 * The generation this request reads (the primary one unless use() chose another).
	 */
	public static function current(): Generation {
		$available = self::available_keys();
		$key       = null !== self::$in_use && in_array( self::$in_use, $available, true ) ? self::$in_use : $available[0];
		return self::make( $key );
	}

	/**
	 * The generation DM Jobs shows by default.
	 */
	public static function primary(): Generation {
		return self::make( self::available_keys()[0] );
	}

	/**
	 * The older generation on a site that upgraded Data Machine (its dm_* jobs), or null.
	 */
	public static function secondary(): ?Generation {
		$keys = self::available_keys();
		return isset( $keys[1] ) ? self::make( $keys[1] ) : null;
	}

	/**
	 * Every generation this site has, primary first.
	 *
	 * @return Generation[]
	 */
	public static function available(): array {
		return array_map( array( self::class, 'make' ), self::available_keys() );
	}

	/**
	 * The available generation that reads the same jobs table as $key (itself when available): v0.1's
	 * dm_* tables are read as "dm" while Data Machine 0.1 is active and as "standalone" while it is not.
	 * Null when no available generation reads that table.
	 */
	public static function available_key_for( string $key ): ?string {
		$available = self::available_keys();
		if ( in_array( $key, $available, true ) ) {
			return $key;
		}
		$jobs = self::make( $key )->tables()->jobs;
		foreach ( $available as $candidate ) {
			if ( self::make( $candidate )->tables()->jobs === $jobs ) {
				return $candidate;
			}
		}
		return null;
	}

	/**
	 * Every generation key that reads the same jobs table as $key (itself included): what an operation
	 * started under any of them worked on.
	 *
	 * @return string[]
	 */
	public static function keys_reading_same_jobs_as( string $key ): array {
		$jobs = self::make( $key )->tables()->jobs;
		$keys = array();
		foreach ( array( CurrentGeneration::KEY, LegacyGeneration::KEY, StandaloneGeneration::KEY ) as $candidate ) {
			if ( self::make( $candidate )->tables()->jobs === $jobs ) {
				$keys[] = $candidate;
			}
		}
		return $keys;
	}

	/**
	 * Read another available generation for the rest of this request (null: back to the primary).
	 *
	 * @throws \InvalidArgumentException When the site has no such generation.
	 */
	public static function use( ?string $key ): void {
		if ( null !== $key && ! in_array( $key, self::available_keys(), true ) ) {
			throw new \InvalidArgumentException( sprintf( 'No Data Machine generation "%s" on this site.', $key ) );
		}
		self::$in_use = $key;
	}

	/**
	 * Runs $work with another available generation in use (null: the primary), then restores the one
	 * in use before, also when $work throws. Background work that belongs to one generation (an
	 * operation started on the second source) runs through this.
	 *
	 * @template T
	 * @param callable(): T $work
	 * @return T
	 * @throws \InvalidArgumentException When the site has no such generation ($work does not run).
	 */
	public static function using( ?string $key, callable $work ): mixed {
		$previous = self::$in_use;
		self::use( $key );
		try {
			return $work();
		} finally {
			self::$in_use = $previous;
		}
	}

	/**
	 * Whether the request reads the primary generation.
	 */
	public static function using_primary(): bool {
		return self::current()->key() === self::primary()->key();
	}

	/**
	 * Forget the detection (after tables were created or dropped, or in tests).
	 */
	public static function forget(): void {
		self::$keys   = null;
		self::$in_use = null;
		delete_option( self::DETECTED_OPTION );
	}

	public static function make( string $key ): Generation {
		return match ( $key ) {
			CurrentGeneration::KEY    => new CurrentGeneration(),
			LegacyGeneration::KEY     => new LegacyGeneration(),
			StandaloneGeneration::KEY => new StandaloneGeneration(),
			default                   => throw new \InvalidArgumentException( sprintf( 'Unknown Data Machine generation "%s".', $key ) ),
		};
	}

	/**
	 * @return string[] Primary first; never empty.
	 */
	public static function available_keys(): array {
		if ( null !== self::$keys ) {
			return self::$keys;
		}
		$found = self::detected_keys();

		/**
		 * Forces the Data Machine generation DM Jobs reads: "datamachine" (today's datamachine_* tables),
		 * "dm" (v0.1's dm_* tables) or "standalone" (DM Jobs' own dm_* tables). Empty: detect.
		 *
		 * @param string   $forced Generation key, or '' to keep the detection.
		 * @param string[] $found  What was detected, primary first.
		 */
		$forced = (string) apply_filters( 'dm_jobs_data_machine_generation', '', $found );
		if ( '' !== $forced ) {
			if ( in_array( $forced, array( CurrentGeneration::KEY, LegacyGeneration::KEY, StandaloneGeneration::KEY ), true ) ) {
				$found = array( $forced );
			} else {
				_doing_it_wrong( 'dm_jobs_data_machine_generation', esc_html( sprintf( 'Unknown generation "%s".', $forced ) ), '0.1.0' );
			}
		}
		self::$keys = $found;
		return $found;
	}

	/**
	 * @return string[]
	 */
	private static function detected_keys(): array {
		$signature = self::signature();
		$cached    = get_option( self::DETECTED_OPTION );
		if ( is_array( $cached ) && ( $cached['signature'] ?? '' ) === $signature && ( (int) ( $cached['checked'] ?? 0 ) ) > time() - self::DETECTION_TTL && ! empty( $cached['keys'] ) ) {
			return array_values( array_map( 'strval', (array) $cached['keys'] ) );
		}
		$keys = ( new Detector() )->detect();
		update_option(
			self::DETECTED_OPTION,
			array(
				'signature' => $signature,
				'keys'      => $keys,
				'checked'   => time(),
			),
			true
		);
		return $keys;
	}

	/**
	 * What would change the answer without a table change we made: Data Machine's loaded version.
	 */
	private static function signature(): string {
		return ( defined( 'DATAMACHINE_VERSION' ) ? 'datamachine:' . DATAMACHINE_VERSION : '' )
			. ( defined( 'DATA_MACHINE_VERSION' ) ? '|dm:' . DATA_MACHINE_VERSION : '' );
	}
}
