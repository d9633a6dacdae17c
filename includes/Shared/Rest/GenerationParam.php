<?php
/**
 * The `generation` parameter of every dm-jobs/v1 route: which Data Machine table generation the request
 * reads. Without it the primary one (today's datamachine_* tables when present). A site that upgraded
 * Data Machine keeps its older jobs in the dm_* tables: `generation=dm` reads those.
 *
 * @package DMJobs
 */

namespace DMJobs\Shared\Rest;

use DMJobs\DataMachine\Adapters;
use DMJobs\DataMachine\CurrentGeneration;
use DMJobs\DataMachine\LegacyGeneration;
use DMJobs\DataMachine\StandaloneGeneration;
use WP_Error;
use WP_REST_Request;

defined( 'ABSPATH' ) || exit;

final class GenerationParam {

	public const NAME = 'generation';

	/**
	 * @return array<string, mixed>
	 */
	public static function schema(): array {
		return array(
			'description' => __( 'Which Data Machine tables to read: "datamachine" (today\'s), "dm" (0.1\'s, kept after an upgrade) or "standalone". Default: the primary one on this site (GET /sources lists them).', 'dm-jobs' ),
			'type'        => 'string',
			'enum'        => array( CurrentGeneration::KEY, LegacyGeneration::KEY, StandaloneGeneration::KEY ),
		);
	}

	public function register(): void {
		add_filter( 'rest_request_before_callbacks', array( $this, 'apply' ), 5, 3 );
		add_filter( 'rest_request_after_callbacks', array( $this, 'reset' ), 999, 1 );
	}

	/**
	 * Switches the generation for a dm-jobs/v1 request (400 naming the parameter when the site lacks it).
	 *
	 * @param mixed           $response Response so far (a WP_Error stops the request).
	 * @param array           $handler  Route handler.
	 * @param WP_REST_Request $request  Request.
	 */
	public function apply( mixed $response, array $handler, WP_REST_Request $request ): mixed {
		unset( $handler );
		Adapters::use( null );
		if ( is_wp_error( $response ) || ! str_starts_with( (string) $request->get_route(), '/' . ApiNamespace::NAME . '/' ) ) {
			return $response;
		}
		$value = $request->get_param( self::NAME );
		if ( null === $value || '' === $value ) {
			return $response;
		}
		$key = is_string( $value ) ? $value : '';
		if ( ! in_array( $key, Adapters::available_keys(), true ) ) {
			return new WP_Error(
				'rest_invalid_param',
				/* translators: %s: parameter name. */
				sprintf( __( 'Invalid parameter(s): %s', 'dm-jobs' ), self::NAME ),
				array(
					'status' => 400,
					'params' => array(
						/* translators: %s: comma-separated generation keys. */
						self::NAME => sprintf( __( 'This site has these Data Machine tables: %s.', 'dm-jobs' ), implode( ', ', Adapters::available_keys() ) ),
					),
				)
			);
		}
		Adapters::use( $key );
		return $response;
	}

	/**
	 * Back to the primary generation after the request (rest_do_request() may run several per process).
	 *
	 * @param mixed $response Response.
	 */
	public function reset( mixed $response ): mixed {
		Adapters::use( null );
		return $response;
	}
}
