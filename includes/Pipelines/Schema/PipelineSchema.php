<?php
/**
 * The schemas of the pipeline and flow routes (dm-jobs/v1/pipelines, /flows): their arguments and a pipeline
 * and a flow as the lists give them. PipelinesController routes with them.
 *
 * @package DMJobs
 */

namespace DMJobs\Pipelines\Schema;

use DMJobs\Shared\Rest\ParamLimits;
use DMJobs\Shared\Rest\ResponseSchemas;

defined( 'ABSPATH' ) || exit;

final class PipelineSchema {

	/**
	 * GET /flows.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function flows_params(): array {
		return array(
			'pipeline_id' => array(
				'description' => __( 'Only flows of this pipeline.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => ParamLimits::MAX_ID,
			),
		);
	}

	/**
	 * The answer of GET /pipelines.
	 *
	 * @return array<string, mixed>
	 */
	public static function pipelines(): array {
		return ResponseSchemas::list_of( self::pipeline() );
	}

	/**
	 * The answer of GET /flows.
	 *
	 * @return array<string, mixed>
	 */
	public static function flows(): array {
		return ResponseSchemas::list_of( self::flow() );
	}

	/**
	 * A pipeline as GET /pipelines lists it.
	 *
	 * @return array<string, mixed>
	 */
	public static function pipeline(): array {
		return self::collection_schema(
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
	public static function flow(): array {
		return self::collection_schema(
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
	private static function collection_schema( string $title, array $properties ): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => $title,
			'type'       => 'object',
			'properties' => $properties,
		);
	}
}
