<?php
/**
 * Options and output shared by the `wp dm-jobs` subcommands: REST parameters from options,
 * --fields, --dry-run and --yes, and cells for table and CSV output.
 *
 * @package DMJobs
 */

namespace DMJobs\Cli;

use WP_CLI\Utils;

defined( 'ABSPATH' ) || exit;

final class CliOptions {

	/**
	 * The given options among $names, as REST parameters.
	 *
	 * @param array<string, mixed> $assoc_args Options.
	 * @param string[]             $names      Option names.
	 * @return array<string, mixed>
	 */
	public static function pick( array $assoc_args, array $names ): array {
		return array_intersect_key( $assoc_args, array_flip( $names ) );
	}

	/**
	 * @param array<string, mixed> $assoc_args Options.
	 * @param string[]             $defaults   Default fields.
	 * @return string[]
	 */
	public static function fields( array $assoc_args, array $defaults ): array {
		if ( ! isset( $assoc_args['fields'] ) ) {
			return $defaults;
		}
		return array_values( array_filter( array_map( 'trim', explode( ',', (string) $assoc_args['fields'] ) ) ) );
	}

	/**
	 * @param array<string, mixed> $item A REST item.
	 * @return array<string, mixed> Without its _links.
	 */
	public static function without_links( $item ): array {
		$item = (array) $item;
		unset( $item['_links'] );
		return $item;
	}

	/**
	 * Table and CSV cells show null as empty and structures as JSON; JSON and YAML keep the types.
	 *
	 * @param array<int, array<string, mixed>> $items  Items.
	 * @param string                           $format Output format.
	 * @return array<int, array<string, mixed>>
	 */
	public static function for_display( array $items, string $format ): array {
		if ( ! in_array( $format, array( 'table', 'csv' ), true ) ) {
			return $items;
		}
		return array_map(
			static fn ( array $item ): array => array_map(
				static fn ( $value ) => null === $value ? '' : ( is_array( $value ) || is_object( $value ) ? (string) wp_json_encode( $value, JSON_UNESCAPED_SLASHES ) : $value ),
				$item
			),
			$items
		);
	}

	/**
	 * @param mixed $value A setting.
	 */
	public static function scalar( $value ): string {
		return is_bool( $value ) ? ( $value ? 'true' : 'false' ) : (string) $value;
	}

	/**
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public static function dry_run( array $assoc_args ): bool {
		return (bool) Utils\get_flag_value( $assoc_args, 'dry-run', false );
	}

	/**
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public static function yes( array $assoc_args ): bool {
		return (bool) Utils\get_flag_value( $assoc_args, 'yes', false );
	}
}
