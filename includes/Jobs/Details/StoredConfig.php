<?php
/**
 * Decodes a stored configuration value (JSON, or a PHP-serialized array on old rows) and tells
 * "missing", "empty" and "invalid" apart, which the configuration checks report differently.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Details;

use DMJobs\Jobs\EngineDataDecoder;

defined( 'ABSPATH' ) || exit;

final class StoredConfig {

	public const MISSING = 'missing';
	public const EMPTY   = 'empty';
	public const INVALID = 'invalid';
	public const OK      = 'ok';

	/**
	 * @param string      $state One of the constants.
	 * @param array<mixed> $value The decoded object/array (empty unless OK).
	 */
	private function __construct( public readonly string $state, public readonly array $value ) {
	}

	public static function parse( ?string $stored ): self {
		if ( null === $stored ) {
			return new self( self::MISSING, array() );
		}
		$trimmed = trim( $stored );
		if ( '' === $trimmed ) {
			return new self( self::EMPTY, array() );
		}
		$json = json_decode( $trimmed, true );
		if ( JSON_ERROR_NONE === json_last_error() ) {
			if ( ! is_array( $json ) ) {
				return new self( null === $json ? self::EMPTY : self::INVALID, array() );
			}
			return new self( $json ? self::OK : self::EMPTY, $json );
		}
		if ( is_serialized( $trimmed ) ) {
			// Objects are never instantiated (EngineDataDecoder refuses classes).
			$decoded = EngineDataDecoder::decode( $trimmed );
			if ( is_array( $decoded ) && ! array_key_exists( 'value', $decoded ) ) {
				return new self( $decoded ? self::OK : self::EMPTY, $decoded );
			}
		}
		return new self( self::INVALID, array() );
	}
}
