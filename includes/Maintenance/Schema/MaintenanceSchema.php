<?php
/**
 * The schemas of GET /dm-jobs/v1/maintenance/metrics: its arguments and its answer, with the table size and
 * the SQLite file parts that Operations' reports use too. MaintenanceController routes with them.
 *
 * @package DMJobs
 */

namespace DMJobs\Maintenance\Schema;

use DMJobs\Jobs\Schema\JobSchema;
use DMJobs\Shared\Rest\ResponseSchemas;

defined( 'ABSPATH' ) || exit;

final class MaintenanceSchema {

	/**
	 * @return array<string, array<string, mixed>>
	 */
	public static function metrics_params(): array {
		return array(
			'stuck_minutes' => array(
				'description' => __( 'A processing job older than this many minutes counts as stuck.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 10080,
				'default'     => 60,
			),
			'days'          => array(
				'description' => __( 'Days of growth to show.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 90,
				'default'     => 30,
			),
			'refresh'       => array(
				'description' => __( 'Count again instead of using the cached numbers.', 'dm-jobs' ),
				'type'        => 'boolean',
				'default'     => false,
			),
		);
	}

	/**
	 * The answer of GET /maintenance/metrics.
	 *
	 * @return array<string, mixed>
	 */
	public static function metrics(): array {
		return ResponseSchemas::titled(
			'dm-system-metrics',
			array(
				'generated_at'  => ResponseSchemas::time(),
				'took_ms'       => array( 'type' => 'integer' ),
				'cached'        => array( 'type' => 'boolean' ),
				'cache_seconds' => array( 'type' => 'integer' ),
				'database'      => ResponseSchemas::object(
					array(
						'engine'  => array(
							'type' => 'string',
							'enum' => array( 'mysql', 'sqlite' ),
						),
						'version' => array( 'type' => 'string' ),
						'file'    => array( 'anyOf' => array( self::sqlite_file(), array( 'type' => 'null' ) ) ),
					)
				),
				'tables'        => ResponseSchemas::list_of( self::table_size() ),
				'jobs'          => ResponseSchemas::object(
					array(
						'total'           => array( 'type' => 'integer' ),
						'by_status'       => ResponseSchemas::counts(),
						'distinct_raw'    => array( 'type' => 'integer' ),
						'compound_values' => array( 'type' => 'integer' ),
						'oldest'          => ResponseSchemas::nullable_time(),
						'newest'          => ResponseSchemas::nullable_time(),
					)
				),
				'growth'        => ResponseSchemas::object(
					array(
						'days'    => array( 'type' => 'integer' ),
						'per_day' => ResponseSchemas::list_of(
							ResponseSchemas::object(
								array(
									'date' => array( 'type' => 'string' ),
									'jobs' => array( 'type' => 'integer' ),
								)
							)
						),
						'average' => array( 'type' => 'number' ),
					)
				),
				'stuck'         => ResponseSchemas::object(
					array(
						'threshold_minutes' => array( 'type' => 'integer' ),
						'count'             => array( 'type' => 'integer' ),
						'sample'            => ResponseSchemas::list_of( JobSchema::item() ),
					)
				),
			),
		);
	}

	/**
	 * Size of one of the plugin's (or Data Machine's) tables.
	 *
	 * @return array<string, mixed>
	 */
	public static function table_size(): array {
		$bytes = ResponseSchemas::nullable( 'integer' );
		return array(
			'title'      => 'dm-table-size',
			'type'       => 'object',
			'properties' => array(
				'table'       => array( 'type' => 'string' ),
				'name'        => array( 'type' => 'string' ),
				'rows'        => $bytes,
				'data_bytes'  => $bytes,
				'index_bytes' => $bytes,
				'free_bytes'  => $bytes,
			),
		);
	}

	/**
	 * The SQLite database file's pages (SQLite sites only).
	 *
	 * @return array<string, mixed>
	 */
	public static function sqlite_file(): array {
		return array(
			'title'      => 'dm-sqlite-file',
			'type'       => 'object',
			'properties' => array(
				'page_size'      => array( 'type' => 'integer' ),
				'page_count'     => array( 'type' => 'integer' ),
				'freelist_count' => array( 'type' => 'integer' ),
				'file_bytes'     => array( 'type' => 'integer' ),
				'free_bytes'     => array( 'type' => 'integer' ),
			),
		);
	}
}
