<?php
/**
 * The schemas of the audit routes (dm-jobs/v1/audit): the arguments of GET /audit and an entry as it lists
 * it. AuditController routes with them.
 *
 * @package DMJobs
 */

namespace DMJobs\Audit\Schema;

use DMJobs\Audit\Actor;
use DMJobs\Shared\Rest\ParamLimits;
use DMJobs\Shared\Rest\ResponseSchemas;

defined( 'ABSPATH' ) || exit;

final class AuditSchema {

	public const CATEGORIES = array( 'job', 'jobs', 'cleanup', 'maintenance', 'retention', 'audit', 'export', 'alerts', 'flow' );

	/**
	 * GET /audit.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function collection_params(): array {
		return array(
			'page'     => array(
				'description' => __( 'Page, from 1.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => ParamLimits::MAX_PAGE,
				'default'     => 1,
			),
			'per_page' => array(
				'description' => __( 'Entries per page, 1 to 100.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 100,
				'default'     => 20,
			),
			'action'   => array(
				'description' => __( 'Only this action, e.g. "jobs.bulk_delete".', 'dm-jobs' ),
				'type'        => 'string',
				'pattern'     => '^[a-z_]+\.[a-z_]+$',
				'maxLength'   => 64,
			),
			'category' => array(
				'description' => __( 'Only actions of this kind (the part before the dot).', 'dm-jobs' ),
				'type'        => 'string',
				'enum'        => self::CATEGORIES,
			),
			'actor'    => array(
				'description' => __( 'Only entries by users or by the system.', 'dm-jobs' ),
				'type'        => 'string',
				'enum'        => array( Actor::USER, Actor::SYSTEM ),
			),
			'user_id'  => array(
				'description' => __( 'Only entries by this user.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => ParamLimits::MAX_ID,
			),
			'job_id'   => array(
				'description' => __( 'Only entries about this job.', 'dm-jobs' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => ParamLimits::MAX_ID,
			),
			'after'    => array(
				'description' => __( 'Entries at or after this ISO 8601 date-time.', 'dm-jobs' ),
				'type'        => 'string',
				'format'      => 'date-time',
			),
			'before'   => array(
				'description' => __( 'Entries at or before this ISO 8601 date-time.', 'dm-jobs' ),
				'type'        => 'string',
				'format'      => 'date-time',
			),
		);
	}

	/**
	 * The answer of GET /audit.
	 *
	 * @return array<string, mixed>
	 */
	public static function entries(): array {
		return ResponseSchemas::list_of( self::entry() );
	}

	/**
	 * The answer of GET /audit/actions: the actions recorded so far.
	 *
	 * @return array<string, mixed>
	 */
	public static function actions(): array {
		return ResponseSchemas::list_of( array( 'type' => 'string' ) );
	}

	/**
	 * An audit entry as GET /audit lists it.
	 *
	 * @return array<string, mixed>
	 */
	public static function entry(): array {
		return ResponseSchemas::titled(
			'dm-audit-entry',
			array(
				'id'         => array( 'type' => 'integer' ),
				'created_at' => ResponseSchemas::nullable_time(),
				'actor'      => ResponseSchemas::actor(),
				'action'     => array( 'type' => 'string' ),
				'job_id'     => ResponseSchemas::nullable( 'integer' ),
				'affected'   => array( 'type' => 'integer' ),
				'params'     => ResponseSchemas::nullable( 'object' ),
			)
		);
	}
}
