<?php
/**
 * REST routes listing pipelines and flows, for filters and links (dm-jobs/v1). Their schemas are
 * PipelineSchema's.
 *
 * @package DMJobs
 */

namespace DMJobs\Pipelines;

use DMJobs\Pipelines\Repository\PipelineRepository;
use DMJobs\Pipelines\Schema\PipelineSchema;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\Permission;
use DMJobs\Shared\Rest\TypeScriptContract;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

final class PipelinesController extends WP_REST_Controller {

	public function __construct( private readonly PipelineRepository $pipelines = new PipelineRepository() ) {
		$this->namespace = ApiNamespace::NAME;
		$this->rest_base = 'pipelines';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/pipelines',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_pipelines' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => array(),
					TypeScriptContract::RESPONSE_SCHEMA => array( PipelineSchema::class, 'pipelines' ),
				),
				'schema' => array( PipelineSchema::class, 'pipeline' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/flows',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_flows' ),
					'permission_callback' => array( Permission::class, 'check' ),
					'args'                => PipelineSchema::flows_params(),
					TypeScriptContract::RESPONSE_SCHEMA => array( PipelineSchema::class, 'flows' ),
				),
				'schema' => array( PipelineSchema::class, 'flow' ),
			)
		);
	}

	public function get_pipelines(): WP_REST_Response {
		$items = array_map(
			static fn ( array $row ): array => array(
				'id'         => (int) $row['pipeline_id'],
				'name'       => (string) $row['pipeline_name'],
				'flow_count' => (int) $row['flow_count'],
			),
			$this->pipelines->find_all_with_flow_counts()
		);
		return rest_ensure_response( $items );
	}

	public function get_flows( WP_REST_Request $request ): WP_REST_Response {
		$pipeline_id = null === $request['pipeline_id'] ? null : (int) $request['pipeline_id'];
		$items       = array_map(
			static fn ( array $row ): array => array(
				'id'          => (int) $row['flow_id'],
				'pipeline_id' => (int) $row['pipeline_id'],
				'name'        => (string) $row['flow_name'],
			),
			$this->pipelines->find_flows( $pipeline_id )
		);
		return rest_ensure_response( $items );
	}
}
