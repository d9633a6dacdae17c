<?php
/**
 * `wp dm-jobs cleanup <type>`: the Admin modal's cleanup tools, as the same resumable operation
 * (dry run, confirmation of the exact count, progress bar).
 *
 * @package DMJobs
 */

namespace DMJobs\Cli;

use WP_CLI\Utils;

defined( 'ABSPATH' ) || exit;

final class CleanupCommand {

	private const TYPES = array(
		'jobs'            => 'cleanup_jobs',
		'orphan-jobs'     => 'cleanup_orphan_jobs',
		'processed-items' => 'cleanup_processed_items',
		'orphan-logs'     => 'cleanup_orphan_logs',
		'orphan-files'    => 'cleanup_orphan_files',
		'engine-data'     => 'shed_engine_data',
		'optimize'        => 'optimize_tables',
		'audit'           => 'prune_audit',
	);

	private RestBridge $rest;

	public function __construct() {
		$this->rest = new RestBridge();
	}

	/**
	 * Cleans up: old finished jobs, orphans, processed items, engine_data, tables, audit entries.
	 *
	 * Runs the same resumable operation as the Admin modal: a dry run counts first, the run touches
	 * exactly that set (jobs created meanwhile are never touched).
	 *
	 * ## OPTIONS
	 *
	 * <type>
	 * : What to clean up.
	 * ---
	 * options:
	 *   - jobs
	 *   - orphan-jobs
	 *   - processed-items
	 *   - orphan-logs
	 *   - orphan-files
	 *   - engine-data
	 *   - optimize
	 *   - audit
	 * ---
	 *
	 * [--older_than_days=<days>]
	 * : Only rows older than this many days (0: any age).
	 *
	 * [--statuses=<statuses>]
	 * : Finished statuses (jobs, engine-data), comma-separated: completed, completed_no_items, failed, cancelled, agent_skipped.
	 *
	 * [--pipeline_id=<id>]
	 * : Only jobs of this pipeline.
	 *
	 * [--flow_id=<id>]
	 * : Only jobs of this flow.
	 *
	 * [--orphaned]
	 * : processed-items: only items whose job no longer exists.
	 *
	 * [--dry-run]
	 * : Only count and show a sample.
	 *
	 * [--yes]
	 * : Do not ask for confirmation.
	 *
	 * ## EXAMPLES
	 *
	 *     wp dm-jobs cleanup jobs --statuses=completed,completed_no_items,agent_skipped --older_than_days=30 --dry-run
	 *     wp dm-jobs cleanup orphan-logs --yes
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function __invoke( array $args, array $assoc_args ): void {
		$this->rest->act_as_capable_user();
		$type   = self::TYPES[ $args[0] ];
		$params = array( 'type' => $type ) + CliOptions::pick( $assoc_args, array( 'older_than_days', 'statuses', 'pipeline_id', 'flow_id' ) );
		if ( Utils\get_flag_value( $assoc_args, 'orphaned', false ) ) {
			$params['orphaned'] = true;
		}
		$what = match ( $type ) {
			'cleanup_processed_items' => 'processed items',
			'cleanup_orphan_logs'     => 'log lines',
			'cleanup_orphan_files'    => 'job folders',
			'optimize_tables'         => 'tables',
			'prune_audit'             => 'audit entries',
			default                   => 'jobs',
		};
		( new OperationRunner( $this->rest ) )->run( $params, CliOptions::dry_run( $assoc_args ), CliOptions::yes( $assoc_args ), $what );
	}
}
