<?php
/**
 * Severity of a job log line (the PSR-3 / syslog names DM Jobs accepts).
 *
 * @package DMJobs
 */

namespace DMJobs\Logs;

defined( 'ABSPATH' ) || exit;

enum LogLevel: string {
	case Debug    = 'debug';
	case Info     = 'info';
	case Notice   = 'notice';
	case Warning  = 'warning';
	case Error    = 'error';
	case Critical = 'critical';

	/**
	 * Higher is more severe.
	 */
	public function severity(): int {
		return match ( $this ) {
			self::Debug    => 100,
			self::Info     => 200,
			self::Notice   => 250,
			self::Warning  => 300,
			self::Error    => 400,
			self::Critical => 500,
		};
	}

	/**
	 * @return string[]
	 */
	public static function values(): array {
		return array_map( static fn ( self $level ): string => $level->value, self::cases() );
	}

	/**
	 * A level from the looser names other loggers use ("WARN", "err", "emergency", …), or null.
	 */
	public static function from_loose( mixed $value ): ?self {
		if ( ! is_string( $value ) ) {
			return null;
		}
		$value = strtolower( trim( $value ) );
		return self::tryFrom( $value ) ?? match ( $value ) {
			'warn'                        => self::Warning,
			'err'                         => self::Error,
			'alert', 'emergency', 'fatal' => self::Critical,
			default                       => null,
		};
	}
}
