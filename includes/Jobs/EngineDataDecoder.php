<?php
/**
 * Decodes a stored engine_data value: JSON on newer rows, PHP-serialized arrays on older ones.
 *
 * Serialized objects are never instantiated: they come back as arrays tagged with their class name.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

defined( 'ABSPATH' ) || exit;

final class EngineDataDecoder {

	public const CLASS_KEY = '__php_class';

	/**
	 * @return array<mixed>|null Null for an empty or undecodable value.
	 */
	public static function decode( ?string $stored ): ?array {
		if ( null === $stored || '' === trim( $stored ) ) {
			return null;
		}

		$json = json_decode( $stored, true );
		if ( JSON_ERROR_NONE === json_last_error() ) {
			return is_array( $json ) ? $json : array( 'value' => $json );
		}

		if ( is_serialized( $stored ) ) {
			// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.serialize_unserialize -- objects are refused below.
			$value = @unserialize( trim( $stored ), array( 'allowed_classes' => false, 'max_depth' => 64 ) );
			if ( false !== $value || 'b:0;' === trim( $stored ) ) {
				$normalised = self::normalise( $value );
				return is_array( $normalised ) ? $normalised : array( 'value' => $normalised );
			}
		}

		return null;
	}

	/**
	 * Turns incomplete (never instantiated) objects into plain arrays.
	 */
	private static function normalise( mixed $value ): mixed {
		if ( $value instanceof \__PHP_Incomplete_Class ) {
			$properties = array();
			$class_name = '';
			foreach ( (array) $value as $key => $property ) {
				if ( '__PHP_Incomplete_Class_Name' === $key ) {
					$class_name = (string) $property;
					continue;
				}
				// Private and protected property names carry NUL-delimited scope prefixes.
				$clean_key                = preg_replace( '/^\0[^\0]*\0/', '', (string) $key );
				$properties[ $clean_key ] = self::normalise( $property );
			}
			return array( self::CLASS_KEY => $class_name ) + $properties;
		}
		if ( is_object( $value ) ) {
			return array( self::CLASS_KEY => get_class( $value ) );
		}
		if ( is_array( $value ) ) {
			return array_map( array( self::class, 'normalise' ), $value );
		}
		return $value;
	}
}
