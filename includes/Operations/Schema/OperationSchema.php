<?php
/**
 * The schemas of the operation routes (dm-jobs/v1/operations…): the arguments of each and the answers (an
 * operation, and a dry run's preview typed by its kind of sample). OperationsController routes with them.
 *
 * @package DMJobs
 */

namespace DMJobs\Operations\Schema;

use DMJobs\AdminTools\AdminToolsRoutes;
use DMJobs\Audit\Schema\AuditSchema;
use DMJobs\Jobs\JobService;
use DMJobs\Jobs\Schema\JobSchema;
use DMJobs\Maintenance\Schema\MaintenanceSchema;
use DMJobs\Operations\OperationParams;
use DMJobs\Operations\OperationService;
use DMJobs\Operations\OperationType;
use DMJobs\Shared\Rest\ParamLimits;
use DMJobs\Shared\Rest\ResponseSchemas;

defined( 'ABSPATH' ) || exit;

final class OperationSchema {

	/**
	 * GET /operations.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function collection_params(): array {
		return array(
			'state'    => array(
				'description' => __( 'Only operations in these states.', 'dm-jobs' ),
				'type'        => 'array',
				'items'       => array(
					'type' => 'string',
					'enum' => array( OperationService::STATE_RUNNING, OperationService::STATE_COMPLETED, OperationService::STATE_CANCELLED, OperationService::STATE_FAILED ),
				),
				'uniqueItems' => true,
			),
			'per_page' => array(
				'description' => __( 'How many, newest first.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 50,
				'default'     => 20,
			),
		);
	}

	/**
	 * POST /operations: the type, the confirmation and each type's parameters, with the GET /jobs filters.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function create_params(): array {
		$final = OperationParams::final_statuses();
		return array_merge(
			array(
				'type'            => array(
					'description' => __( 'What to do.', 'dm-jobs' ),
					'type'        => 'string',
					'enum'        => OperationType::values(),
					'required'    => true,
				),
				'dry_run'         => array(
					'description' => __( 'Only count and show a sample; change nothing.', 'dm-jobs' ),
					'type'        => 'boolean',
					'default'     => false,
				),
				'confirm_count'   => array(
					'description' => __( 'The exact count the user confirmed (from the dry run); the operation is refused (409) if it no longer matches.', 'dm-jobs' ),
					'type'        => 'integer',
					'minimum'     => 0,
					'maximum'     => ParamLimits::MAX_COUNT,
				),
				'max_id'          => array(
					'description' => __( 'The dry run\'s snapshot: rows added later are never touched.', 'dm-jobs' ),
					'type'        => 'integer',
					'minimum'     => 0,
					'maximum'     => ParamLimits::MAX_ID,
				),
				'as_of'           => array(
					'description' => __( 'The dry run\'s time; "older than N days" is measured from it.', 'dm-jobs' ),
					'type'        => 'string',
					'format'      => 'date-time',
				),
				'ids'             => AdminToolsRoutes::job_ids_param( __( 'Explicit job IDs (bulk actions on selected rows). Send either ids or the filters.', 'dm-jobs' ) ),
				'include_active'  => array(
					'description' => __( 'Also touch pending and processing jobs (bulk actions only; never the default).', 'dm-jobs' ),
					'type'        => 'boolean',
					'default'     => false,
				),
				'target_status'   => array(
					'description' => __( 'The final status to set (update_status).', 'dm-jobs' ),
					'type'        => 'string',
					'enum'        => $final,
				),
				'reason'          => array(
					'description' => __( 'Why (update_status), shown next to the status.', 'dm-jobs' ),
					'type'        => array( 'string', 'null' ),
					'maxLength'   => JobService::MAX_REASON_LENGTH,
				),
				'statuses'        => array(
					'description' => __( 'Finished statuses to clean up (cleanup_jobs, shed_engine_data); compound values count as their base.', 'dm-jobs' ),
					'type'        => 'array',
					'items'       => array(
						'type' => 'string',
						'enum' => $final,
					),
					'uniqueItems' => true,
				),
				'older_than_days' => array(
					'description' => __( 'Only rows older than this many days (0: any age).', 'dm-jobs' ),
					'type'        => 'integer',
					'minimum'     => 0,
					'maximum'     => OperationParams::MAX_DAYS,
				),
				'orphaned'        => array(
					'description' => __( 'Processed items whose job no longer exists (cleanup_processed_items).', 'dm-jobs' ),
					'type'        => 'boolean',
					'default'     => false,
				),
			),
			AdminToolsRoutes::job_filter_params()
		);
	}

	/**
	 * The ID argument of the routes under /operations/{id}.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function id_arg(): array {
		return array(
			'id' => array(
				'description' => __( 'The operation ID.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => ParamLimits::MAX_ID,
			),
		);
	}

	/**
	 * POST /operations/{id}/run.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function run_params(): array {
		return array(
			'budget' => array(
				'description' => __( 'Seconds to work before answering (the client calls again until the operation ends).', 'dm-jobs' ),
				'type'        => 'number',
				'minimum'     => 0.2,
				'maximum'     => 20,
				'default'     => 3,
			),
		);
	}

	/**
	 * The answer of POST /operations: the dry run's preview, or the operation started.
	 *
	 * @return array<string, mixed>
	 */
	public static function created(): array {
		return array(
			'$schema' => ResponseSchemas::DRAFT,
			'type'    => 'object',
			'anyOf'   => array( self::preview(), self::operation() ),
		);
	}

	/**
	 * The answer of GET /operations.
	 *
	 * @return array<string, mixed>
	 */
	public static function operations(): array {
		return ResponseSchemas::list_of( self::operation() );
	}

	/**
	 * An operation as every route under /operations/{id} answers it.
	 *
	 * @return array<string, mixed>
	 */
	public static function operation(): array {
		$nullable_time = array(
			'type'   => array( 'string', 'null' ),
			'format' => 'date-time',
		);
		$schema        = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'dm-operation',
			'type'       => 'object',
			'properties' => array(
				'id'               => array( 'type' => 'integer' ),
				'type'             => array(
					'type' => 'string',
					'enum' => OperationType::values(),
				),
				'state'            => array(
					'type' => 'string',
					'enum' => array( OperationService::STATE_RUNNING, OperationService::STATE_COMPLETED, OperationService::STATE_CANCELLED, OperationService::STATE_FAILED ),
				),
				'params'           => array( 'type' => 'object' ),
				'generation'       => array(
					'description' => __( 'The Data Machine table generation the operation works on (null: the default source).', 'dm-jobs' ),
					'type'        => array( 'string', 'null' ),
				),
				'total'            => array( 'type' => 'integer' ),
				'processed'        => array( 'type' => 'integer' ),
				'affected'         => array( 'type' => 'integer' ),
				'progress'         => array(
					'type'    => 'number',
					'minimum' => 0,
					'maximum' => 1,
				),
				'result'           => array(
					'description' => __( 'What the operation did besides deleting or changing jobs (counters summed over its batches; per-row entries for maintenance).', 'dm-jobs' ),
					'type'        => 'object',
					'properties'  => array(
						'logs_removed'    => array( 'type' => 'integer' ),
						'folders_removed' => array( 'type' => 'integer' ),
						'bytes_removed'   => array( 'type' => 'integer' ),
						'bytes_shed'      => array( 'type' => 'integer' ),
						'bytes_reclaimed' => array( 'type' => 'integer' ),
						'skipped'         => array( 'type' => 'integer' ),
						'entries'         => array(
							'type'  => 'array',
							'items' => array( 'type' => 'object' ),
						),
					),
					'required'    => array(),
				),
				'message'          => array( 'type' => array( 'string', 'null' ) ),
				'actor'            => ResponseSchemas::actor(),
				'cancel_requested' => array( 'type' => 'boolean' ),
				'active'           => array(
					'description' => __( 'A run holds the operation right now.', 'dm-jobs' ),
					'type'        => 'boolean',
				),
				'created_at'       => $nullable_time,
				'updated_at'       => $nullable_time,
				'finished_at'      => $nullable_time,
				'duration'         => array( 'type' => array( 'integer', 'null' ) ),
				'busy'             => array(
					'description' => __( 'Only in a run\'s answer: another request holds the operation, this one did no work.', 'dm-jobs' ),
					'type'        => 'boolean',
				),
			),
		);
		$schema['required'] = array_values( array_diff( array_keys( $schema['properties'] ), array( 'busy' ) ) );
		return $schema;
	}

	/**
	 * The answer of POST /operations with dry_run: what the operation would touch. One variant per kind of sample
	 * (jobs, processed items, log lines, files, engine data sizes, table sizes, audit entries), so the sample's rows
	 * are typed by sample_kind.
	 *
	 * @return array<string, mixed>
	 */
	public static function preview(): array {
		$variants = array();
		foreach ( self::sample_rows() as $kind => $row ) {
			$variants[] = ResponseSchemas::object(
				array(
					'dry_run'     => array(
						'type' => 'boolean',
						'enum' => array( true ),
					),
					'type'        => array(
						'type' => 'string',
						'enum' => OperationType::values(),
					),
					'params'      => array( 'type' => 'object' ),
					'count'       => array( 'type' => 'integer' ),
					'sample_kind' => array(
						'type' => 'string',
						'enum' => array( $kind ),
					),
					'sample'      => ResponseSchemas::list_of( $row ),
					'details'     => self::preview_details(),
					'max_id'      => array( 'type' => 'integer' ),
					'as_of'       => ResponseSchemas::time(),
				)
			);
		}
		return array(
			'$schema' => ResponseSchemas::DRAFT,
			'title'   => 'dm-operation-preview',
			'type'    => 'object',
			'anyOf'   => $variants,
		);
	}

	/**
	 * The rows of each kind of dry-run sample.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function sample_rows(): array {
		$id = array( 'type' => 'integer' );
		return array(
			'jobs'            => JobSchema::item(),
			'processed_items' => array(
				'title' => 'dm-processed-item-sample',
			) + ResponseSchemas::object(
				array(
					'id'                  => $id,
					'flow_step_id'        => array( 'type' => 'string' ),
					'source_type'         => array( 'type' => 'string' ),
					'item_identifier'     => array( 'type' => 'string' ),
					'job_id'              => $id,
					'processed_timestamp' => ResponseSchemas::nullable_time(),
				)
			),
			'logs'            => array(
				'title' => 'dm-log-sample',
			) + ResponseSchemas::object(
				array(
					'log_id'     => $id,
					'job_id'     => $id,
					'level'      => array( 'type' => 'string' ),
					'message'    => array( 'type' => 'string' ),
					'created_at' => ResponseSchemas::nullable_time(),
				)
			),
			'files'           => array(
				'title' => 'dm-file-sample',
			) + ResponseSchemas::object(
				array(
					'job_id' => $id,
					'path'   => array( 'type' => 'string' ),
					'bytes'  => $id,
				)
			),
			'engine_data'     => array(
				'title' => 'dm-engine-data-sample',
			) + ResponseSchemas::object(
				array(
					'id'         => $id,
					'status'     => array( 'type' => 'string' ),
					'raw_status' => array( 'type' => 'string' ),
					'bytes'      => $id,
				)
			),
			'tables'          => MaintenanceSchema::table_size(),
			'audit'           => AuditSchema::entry(),
		);
	}

	/**
	 * What a dry run adds besides its count and sample (each operation type fills in its own).
	 *
	 * @return array<string, mixed>
	 */
	private static function preview_details(): array {
		$count = array( 'type' => 'integer' );
		return array(
			'title'      => 'dm-operation-preview-details',
			'type'       => 'object',
			'properties' => array(
				'by_status'          => ResponseSchemas::counts(),
				'active_left_out'    => $count,
				'target_status'      => array( 'type' => 'string' ),
				'bytes'              => $count,
				'reclaimable_bytes'  => $count,
				'engine'             => array(
					'type' => 'string',
					'enum' => array( 'mysql', 'sqlite' ),
				),
				'logs_table_present' => array( 'type' => 'boolean' ),
				'files_dir'          => array( 'type' => 'string' ),
				'file'               => array( 'anyOf' => array( MaintenanceSchema::sqlite_file(), array( 'type' => 'null' ) ) ),
			),
			'required'   => array(),
		);
	}
}
