<?php
/**
 * GET /dm-jobs/v1/export?format=csv|json&…GET /jobs filters|ids&include_engine_data
 *
 * Streams every matching job (the same filters as the list; pending and processing included) as a
 * download: the callback answers with an ExportStream, and AdminToolsModule::serve_export() writes
 * it in chunks instead of JSON-encoding a response. Browsers download it with a plain link that
 * carries the REST nonce (`_wpnonce`), so nothing is held in memory on either side.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Export;

use DMJobs\Jobs\Export\Schema\ExportSchema;
use DMJobs\Operations\OperationParams;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\Permission;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class ExportController extends WP_REST_Controller {

	public function __construct() {
		$this->namespace = ApiNamespace::NAME;
		$this->rest_base = 'export';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => $this->get_collection_params(),
				),
			)
		);
	}

	/**
	 * @param WP_REST_Request $request Request.
	 */
	public function get_item( $request ): WP_REST_Response|WP_Error {
		$input                   = $request->get_params();
		$input['include_active'] = true;
		$selection               = OperationParams::selection( $input );
		if ( is_wp_error( $selection ) ) {
			return $selection;
		}
		return new WP_REST_Response( new ExportStream( $selection, (string) $request['format'], (bool) $request['include_engine_data'] ) );
	}

	/**
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params(): array {
		return ExportSchema::params();
	}
}
