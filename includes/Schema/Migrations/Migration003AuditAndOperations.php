<?php
/**
 * The admin tools' tables:
 * - {prefix}dm_jobs_audit: an append-only trail of who did what to jobs (admin actions, job events,
 *   retention runs), with its own retention. Indexed for the audit view's filters, newest first.
 * - {prefix}dm_jobs_operations: one row per batched admin operation (bulk delete, cleanup, …): its
 *   parameters, the primary-key cursor it has reached and its counts, so it can be resumed after an
 *   interruption, cancelled, and watched while it runs.
 *
 * @package DMJobs
 */

namespace DMJobs\Schema\Migrations;

use DMJobs\Schema\Repository\SchemaRepository;
use DMJobs\Schema\Repository\TableNames;

defined( 'ABSPATH' ) || exit;

final class Migration003AuditAndOperations implements Migration {

	public function version(): int {
		return 3;
	}

	public function up( SchemaRepository $schema ): void {
		$audit = TableNames::audit();
		$schema->create_table_if_missing(
			'dm_jobs_audit',
			"CREATE TABLE `{$audit}` (
				audit_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				created_at datetime NOT NULL,
				actor_type varchar(10) NOT NULL,
				user_id bigint(20) unsigned NOT NULL DEFAULT 0,
				user_login varchar(60) NULL DEFAULT NULL,
				action varchar(64) NOT NULL,
				job_id bigint(20) unsigned NULL DEFAULT NULL,
				affected bigint(20) unsigned NOT NULL DEFAULT 0,
				params longtext NULL,
				PRIMARY KEY  (audit_id),
				KEY created_at (created_at),
				KEY action_time (action, audit_id),
				KEY user_time (user_id, audit_id),
				KEY job_time (job_id, audit_id)
			)"
		);

		$operations = TableNames::operations();
		$schema->create_table_if_missing(
			'dm_jobs_operations',
			"CREATE TABLE `{$operations}` (
				operation_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				type varchar(40) NOT NULL,
				state varchar(20) NOT NULL,
				params longtext NULL,
				max_id bigint(20) unsigned NOT NULL DEFAULT 0,
				cursor_id bigint(20) unsigned NOT NULL DEFAULT 0,
				total bigint(20) unsigned NOT NULL DEFAULT 0,
				processed bigint(20) unsigned NOT NULL DEFAULT 0,
				affected bigint(20) unsigned NOT NULL DEFAULT 0,
				result longtext NULL,
				message text NULL,
				actor_type varchar(10) NOT NULL,
				user_id bigint(20) unsigned NOT NULL DEFAULT 0,
				user_login varchar(60) NULL DEFAULT NULL,
				cancel_requested tinyint(1) unsigned NOT NULL DEFAULT 0,
				lock_token varchar(32) NULL DEFAULT NULL,
				locked_until datetime NULL DEFAULT NULL,
				created_at datetime NOT NULL,
				updated_at datetime NOT NULL,
				finished_at datetime NULL DEFAULT NULL,
				PRIMARY KEY  (operation_id),
				KEY state_created (state, operation_id)
			)"
		);
	}
}
