<?php
/**
 * Per-job log lines: {prefix}dm_job_logs.
 *
 * Built for millions of lines: every read is bounded to one job and pages by log_id (keyset), so the
 * composite indexes below answer reads without touching other jobs' rows:
 * - job_log   (job_id, log_id):        a job's lines in order, cursor paging, live tail, export, delete.
 * - job_level (job_id, level, log_id): level filter and per-level counts (index only).
 * - job_step  (job_id, step, log_id):  per-step first/last line and counts for the progress view (index only).
 *
 * @package DMJobs
 */

namespace DMJobs\Schema\Migrations;

use DMJobs\Schema\Repository\SchemaRepository;
use DMJobs\Schema\Repository\TableNames;

defined( 'ABSPATH' ) || exit;

final class Migration002JobLogs implements Migration {

	public function version(): int {
		return 2;
	}

	public function up( SchemaRepository $schema ): void {
		$table = TableNames::job_logs();
		$schema->create_table_if_missing(
			'dm_job_logs',
			"CREATE TABLE `{$table}` (
				log_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				job_id bigint(20) unsigned NOT NULL,
				level varchar(10) NOT NULL,
				step varchar(100) NULL DEFAULT NULL,
				message text NOT NULL,
				context longtext NULL,
				http_status smallint(5) unsigned NULL DEFAULT NULL,
				truncated tinyint(1) unsigned NOT NULL DEFAULT 0,
				created_at datetime NOT NULL,
				PRIMARY KEY  (log_id),
				KEY job_log (job_id, log_id),
				KEY job_level (job_id, level, log_id),
				KEY job_step (job_id, step, log_id)
			)"
		);
	}
}
