<?php
/**
 * REST routes listing pipelines and flows, for filters and links (dm-jobs/v1).
 *
 * @package DMJobs
 */

namespace DMJobs\Pipelines;

use DMJobs\Pipelines\Repository\PipelineRepository;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\ParamLimits;
use DMJobs\Shared\Rest\Permission;
use DMJobs\Shared\Rest\ResponseSchemas;
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
					TypeScriptContract::RESPONSE_SCHEMA => fn (): array => ResponseSchemas::list_of( $this->pipeline_schema() ),
				),
				'schema' => array( $this, 'pipeline_schema' ),
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
					'args'                => array(
						'pipeline_id' => array(
							'description' => __( 'Only flows of this pipeline.', 'dm-jobs' ),
							'type'        => 'integer',
							'minimum'     => 1,
							'maximum'     => ParamLimits::MAX_ID,
						),
					),
					TypeScriptContract::RESPONSE_SCHEMA => fn (): array => ResponseSchemas::list_of( $this->flow_schema() ),
				),
				'schema' => array( $this, 'flow_schema' ),
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

	/**
	 * A pipeline as GET /pipelines lists it.
	 *
	 * @return array<string, mixed>
	 */
	public function pipeline_schema(): array {
		return $this->collection_schema(
			'dm-pipeline',
			array(
				'id'         => self::id(),
				'name'       => array( 'type' => 'string' ),
				'flow_count' => array(
					'type'    => 'integer',
					'minimum' => 0,
				),
			)
		);
	}

	/**
	 * A flow as GET /flows lists it.
	 *
	 * @return array<string, mixed>
	 */
	public function flow_schema(): array {
		return $this->collection_schema(
			'dm-flow',
			array(
				'id'          => self::id(),
				'pipeline_id' => self::id(),
				'name'        => array( 'type' => 'string' ),
			)
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	private static function id(): array {
		return array(
			'type'    => 'integer',
			'minimum' => 1,
		);
	}

	/**
	 * @param array<string, array<string, mixed>> $properties
	 * @return array<string, mixed>
	 */
	private function collection_schema( string $title, array $properties ): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => $title,
			'type'       => 'object',
			'properties' => $properties,
		);
	}
}
