<?php
/**
 * Understands every status string Data Machine has stored: plain, legacy and compound
 * ("failed - step_execution_failure", "failed: timeout").
 *
 * @package DMJobs
 */

namespace DMJobs\Status;

defined( 'ABSPATH' ) || exit;

final class StatusParser {

	/**
	 * Separators of compound statuses, in the order they are tried.
	 */
	public const SEPARATORS = array( ' - ', ':' );

	public static function parse( string $raw ): ParsedStatus {
		$value = trim( $raw );
		$head  = $value;
		$tail  = null;

		$split_at  = null;
		$split_len = 0;
		foreach ( self::SEPARATORS as $separator ) {
			$position = strpos( $value, $separator );
			if ( false !== $position && ( null === $split_at || $position < $split_at ) ) {
				$split_at  = $position;
				$split_len = strlen( $separator );
			}
		}
		if ( null !== $split_at ) {
			$head = trim( substr( $value, 0, $split_at ) );
			$tail = trim( substr( $value, $split_at + $split_len ) );
		}

		$head = strtolower( $head );
		$base = BaseStatus::tryFrom( $head );
		if ( null !== $base ) {
			return new ParsedStatus( $base, '' === $tail ? null : $tail, $raw );
		}

		foreach ( BaseStatus::cases() as $candidate ) {
			$aliases = $candidate->legacy_aliases();
			if ( array_key_exists( $head, $aliases ) ) {
				$reason = $tail ?? $aliases[ $head ];
				return new ParsedStatus( $candidate, '' === $reason ? null : $reason, $raw );
			}
		}

		return new ParsedStatus( null, $tail, $raw, $head );
	}

	/**
	 * Whether a name is acceptable as an unknown status's name in filters (what base_value() returns for
	 * values Data Machine may write: lower-case words joined by underscores or hyphens).
	 */
	public static function is_status_name( string $name ): bool {
		return 1 === preg_match( '/^[a-z0-9][a-z0-9_\-]{0,49}$/', $name );
	}

	/**
	 * Stored forms of a status DM Jobs does not know, by its name: the plain value and compound values.
	 *
	 * @return array{exact: string[], prefixes: string[]}
	 */
	public static function stored_forms_of_name( string $name ): array {
		$prefixes = array();
		foreach ( self::SEPARATORS as $separator ) {
			$prefixes[] = $name . $separator;
		}
		return array(
			'exact'    => array( $name ),
			'prefixes' => $prefixes,
		);
	}

	/**
	 * What stored values belong to a base status: exact values, and prefixes of compound values.
	 *
	 * @return array{exact: string[], prefixes: string[]}
	 */
	public static function stored_forms( BaseStatus $base ): array {
		$heads    = array_merge( array( $base->value ), array_keys( $base->legacy_aliases() ) );
		$prefixes = array();
		foreach ( $heads as $head ) {
			foreach ( self::SEPARATORS as $separator ) {
				$prefixes[] = $head . $separator;
			}
		}
		return array(
			'exact'    => $heads,
			'prefixes' => $prefixes,
		);
	}
}
