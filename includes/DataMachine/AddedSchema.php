<?php
/**
 * The one list of what DM Jobs adds to Data Machine's tables (for speed), so uninstall can remove
 * exactly these and leave Data Machine's tables as they were. Migrations use these names; keep both in step.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

defined( 'ABSPATH' ) || exit;

final class AddedSchema {

	/**
	 * jobs.status_reason: a real column on the dm_* generations (written by DM Jobs' API); on today's
	 * generation a virtual column reading engine_data.job_status_reason, where Data Machine keeps it.
	 */
	public const STATUS_REASON = 'status_reason';

	/**
	 * Virtual generated columns (MySQL/MariaDB only): the base status and the duration in seconds.
	 */
	public const STATUS_BASE = 'dm_status_base';
	public const DURATION    = 'dm_duration';

	/**
	 * datamachine_logs.dm_job_id: the job ID inside the JSON context, as an indexed virtual column, so a
	 * job's lines are found exactly (integer or string ID) without scanning the log table.
	 */
	public const LOG_JOB_ID       = 'dm_job_id';
	public const LOG_JOB_ID_INDEX = 'dm_jobs_log_job';

	/**
	 * Today's jobs.label (MySQL/MariaDB): a search reads the jobs of the labels that contain the term
	 * (found in DM Jobs' own dm_jobs_labels table) through this index.
	 */
	public const LABEL_INDEX = 'dm_jobs_label';

	/**
	 * Indexes added to the jobs table.
	 */
	public const JOB_INDEXES = array(
		'dm_jobs_created_at',
		'dm_jobs_completed_at',
		'dm_jobs_status_base',
		'dm_jobs_duration',
		'dm_jobs_status_base_created',
		'dm_jobs_flow_date_status',
		'dm_jobs_pipeline_date_status',
		'dm_jobs_flow_created',
		'dm_jobs_pipeline_created',
		'dm_jobs_status_reason',
	);

	/**
	 * @return array{columns: array<string, string[]>, indexes: array<string, string[]>}
	 */
	public static function for_jobs_table( string $jobs_table ): array {
		return array(
			'columns' => array( $jobs_table => array( self::STATUS_REASON, self::STATUS_BASE, self::DURATION ) ),
			'indexes' => array( $jobs_table => self::JOB_INDEXES ),
		);
	}
}
