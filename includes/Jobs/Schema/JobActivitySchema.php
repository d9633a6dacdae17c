<?php
/**
 * The schemas of the routes that keep a jobs view live (dm-jobs/v1/jobs/changes, /jobs/counts).
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Schema;

use DMJobs\Jobs\JobActivityController;
use DMJobs\Shared\Rest\ParamLimits;
use DMJobs\Shared\Rest\ResponseSchemas;

defined( 'ABSPATH' ) || exit;

final class JobActivitySchema {

	/**
	 * GET /jobs/changes: the list's filters, and the poll's own.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function changes_params(): array {
		return array_merge(
			JobSchema::collection_params(),
			array(
				'token'    => array(
					'description' => __( 'The token of the last poll; "changed" says whether anything moved since.', 'dm-jobs' ),
					'type'        => 'string',
					'pattern'     => '^[0-9a-f]{0,32}$',
					'default'     => '',
				),
				'since_id' => array(
					'description' => __( 'The newest job ID the client shows: matching jobs above it are counted as new.', 'dm-jobs' ),
					'type'        => 'integer',
					'minimum'     => 0,
					'maximum'     => ParamLimits::MAX_ID,
				),
				'watch'    => array(
					'description' => __( 'Job IDs the screen watches (started from it, or marked "watch"): their current state comes back in "watched" on every poll, changed or not.', 'dm-jobs' ),
					'type'        => 'array',
					'items'       => array(
						'type'    => 'integer',
						'minimum' => 1,
						'maximum' => ParamLimits::MAX_ID,
					),
					'maxItems'    => JobActivityController::WATCH_LIMIT,
				),
			)
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public static function changes(): array {
		return array(
			'$schema'    => ResponseSchemas::DRAFT,
			'title'      => 'dm-jobs-changes',
			'type'       => 'object',
			'properties' => array(
				'token'    => array( 'type' => 'string' ),
				'changed'  => array( 'type' => 'boolean' ),
				'new_jobs' => array(
					'description' => __( 'Matching jobs above since_id, counted up to 101 (101 means "more than 100").', 'dm-jobs' ),
					'type'        => 'integer',
				),
				'watched'  => array(
					'description' => __( 'The watched jobs that still exist, as GET /jobs lists them (only when "watch" was sent).', 'dm-jobs' ),
					'type'        => 'array',
					'items'       => JobSchema::item(),
				),
			),
			// new_jobs only when something moved and since_id was sent; watched only when watch was sent.
			'required'   => array( 'token', 'changed' ),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public static function counts(): array {
		return array(
			'$schema'    => ResponseSchemas::DRAFT,
			'title'      => 'dm-jobs-counts',
			'type'       => 'object',
			'properties' => array(
				'total'     => array( 'type' => 'integer' ),
				'exact'     => array(
					'description' => __( 'False while counts are estimates (a very large table before its first count, or right after a cleanup).', 'dm-jobs' ),
					'type'        => 'boolean',
				),
				'as_of'     => array(
					'type'   => 'string',
					'format' => 'date-time',
				),
				'by_status' => array(
					'type'                 => 'object',
					'additionalProperties' => array( 'type' => 'integer' ),
				),
				'other_statuses' => array(
					'description'          => __( 'Jobs per status DM Jobs does not know yet, by name (filter them with other_status).', 'dm-jobs' ),
					'type'                 => 'object',
					'additionalProperties' => array( 'type' => 'integer' ),
				),
			),
		);
	}
}
