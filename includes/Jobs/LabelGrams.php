<?php
/**
 * The trigrams of a collation weight string (MySQL/MariaDB WEIGHT_STRING() of a UCA or general
 * collation at the primary level: 2 bytes per collation element). A label contains a term under the
 * collation's LIKE only if each character of the term equals one of the label's, in a row, and equal
 * characters have equal weights; so the term's weights are a substring of the label's weights, and
 * every trigram of the term's weights is one of the label's. Each trigram is stored as the CRC32 of its
 * 6 bytes: a collision only adds a candidate, which the exact LIKE then drops.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

defined( 'ABSPATH' ) || exit;

final class LabelGrams {

	public const UNIT_BYTES = 2;
	public const UNITS      = 3;

	/**
	 * The distinct trigrams of a weight string (none when it is shorter than one trigram).
	 *
	 * @return int[]
	 */
	public static function of( string $weights ): array {
		$bytes = self::UNIT_BYTES * self::UNITS;
		$grams = array();
		for ( $at = 0; $at + $bytes <= strlen( $weights ); $at += self::UNIT_BYTES ) {
			$grams[ crc32( substr( $weights, $at, $bytes ) ) ] = true;
		}
		return array_keys( $grams );
	}
}
