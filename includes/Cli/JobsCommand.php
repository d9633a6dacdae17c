<?php
/**
 * `wp dm-jobs`: list, inspect, change and delete Data Machine jobs and read their logs from the
 * command line (cleanup, retention, stats and refresh are subcommands of their own, registered
 * beside it in Plugin).
 *
 * Every subcommand goes through the dm-jobs/v1 REST routes in-process (RestBridge), so input is
 * validated the same way (a bad value is refused naming the parameter) and the same services,
 * audit trail and hooks run as for the Jobs screen.
 *
 * @package DMJobs
 */

namespace DMJobs\Cli;

use WP_CLI;
use WP_CLI\Utils;

defined( 'ABSPATH' ) || exit;

final class JobsCommand {

	private const LIST_FIELDS   = array( 'id', 'pipeline_name', 'flow_name', 'status', 'status_reason', 'created_at', 'duration' );
	private const LIST_FILTERS  = array( 'status', 'pipeline_id', 'flow_id', 'search', 'after', 'before', 'orderby', 'order', 'page', 'per_page' );
	private const JOB_FILTERS   = array( 'status', 'pipeline_id', 'flow_id', 'search', 'after', 'before' );
	private const LOG_FIELDS    = array( 'id', 'created_at', 'level', 'step', 'message' );

	private RestBridge $rest;

	public function __construct() {
		$this->rest = new RestBridge();
	}

	/**
	 * Lists jobs, with the Jobs screen's filters and sorting.
	 *
	 * ## OPTIONS
	 *
	 * [--status=<statuses>]
	 * : Base statuses, comma-separated: pending, processing, completed, completed_no_items, failed, cancelled, agent_skipped.
	 *
	 * [--pipeline_id=<id>]
	 * : Only jobs of this pipeline.
	 *
	 * [--flow_id=<id>]
	 * : Only jobs of this flow.
	 *
	 * [--search=<text>]
	 * : A job ID, or text matched against pipeline name, flow name and status reason.
	 *
	 * [--after=<datetime>]
	 * : Only jobs created at or after this ISO 8601 date-time.
	 *
	 * [--before=<datetime>]
	 * : Only jobs created at or before this ISO 8601 date-time.
	 *
	 * [--orderby=<column>]
	 * : job_id (default), created_at, completed_at, status, pipeline, flow or duration.
	 *
	 * [--order=<direction>]
	 * : desc (default) or asc.
	 *
	 * [--page=<page>]
	 * : Page, from 1.
	 *
	 * [--per_page=<count>]
	 * : Jobs per page, 1 to 100 (default 20).
	 *
	 * [--fields=<fields>]
	 * : Fields to show (default: id, pipeline_name, flow_name, status, status_reason, created_at, duration).
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - yaml
	 *   - ids
	 *   - count
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp dm-jobs list --status=failed --after=2026-12-01T00:00:00Z
	 *     wp dm-jobs list --pipeline_id=3 --orderby=duration --format=csv
	 *
	 * @subcommand list
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function list_( array $args, array $assoc_args ): void {
		$this->rest->act_as_capable_user();
		$response = $this->rest->call( 'GET', '/jobs', CliOptions::pick( $assoc_args, self::LIST_FILTERS ) );
		$headers  = $response->get_headers();
		$format   = (string) ( $assoc_args['format'] ?? 'table' );
		if ( 'count' === $format ) {
			WP_CLI::line( (string) ( $headers['X-WP-Total'] ?? 0 ) );
			return;
		}
		$jobs = array_map( array( CliOptions::class, 'without_links' ), (array) RestBridge::as_json( $response->get_data() ) );
		Utils\format_items( $format, CliOptions::for_display( $jobs, $format ), CliOptions::fields( $assoc_args, self::LIST_FIELDS ) );
		if ( 'table' === $format ) {
			WP_CLI::log(
				sprintf(
					'Page %d of %d, %s%s jobs.',
					(int) ( $assoc_args['page'] ?? 1 ),
					(int) ( $headers['X-WP-TotalPages'] ?? 0 ),
					'0' === (string) ( $headers['X-DM-Jobs-Total-Exact'] ?? '1' ) ? 'about ' : '',
					number_format_i18n( (int) ( $headers['X-WP-Total'] ?? 0 ) )
				)
			);
		}
	}

	/**
	 * Shows one job with its engine_data and failure details.
	 *
	 * ## OPTIONS
	 *
	 * <id>
	 * : The job ID.
	 *
	 * [--fields=<fields>]
	 * : Only these fields.
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - yaml
	 * ---
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function get( array $args, array $assoc_args ): void {
		$this->rest->act_as_capable_user();
		$job    = CliOptions::without_links( (array) $this->rest->data( 'GET', '/jobs/' . rawurlencode( $args[0] ) ) );
		$fields = isset( $assoc_args['fields'] ) ? CliOptions::fields( $assoc_args, array() ) : array_keys( $job );
		$job    = array_intersect_key( $job, array_flip( $fields ) );
		$format = (string) ( $assoc_args['format'] ?? 'table' );
		if ( 'table' !== $format ) {
			Utils\format_items( $format, array( $job ), array_keys( $job ) );
			return;
		}
		$rows = array();
		foreach ( $job as $field => $value ) {
			$rows[] = array(
				'Field' => $field,
				'Value' => is_scalar( $value ) || null === $value ? (string) wp_json_encode( $value ) : (string) wp_json_encode( $value, JSON_UNESCAPED_SLASHES ),
			);
		}
		Utils\format_items( 'table', $rows, array( 'Field', 'Value' ) );
	}

	/**
	 * Deletes jobs (and their logs and files) by ID or by filter, after a dry run that counts them.
	 *
	 * Pending and processing jobs are left out unless --include_active is given.
	 *
	 * ## OPTIONS
	 *
	 * [<id>...]
	 * : Job IDs. Without IDs, the filters choose the jobs.
	 *
	 * [--status=<statuses>]
	 * : Base statuses, comma-separated.
	 *
	 * [--pipeline_id=<id>]
	 * : Only jobs of this pipeline.
	 *
	 * [--flow_id=<id>]
	 * : Only jobs of this flow.
	 *
	 * [--search=<text>]
	 * : A job ID, or text matched against pipeline name, flow name and status reason.
	 *
	 * [--after=<datetime>]
	 * : Only jobs created at or after this ISO 8601 date-time.
	 *
	 * [--before=<datetime>]
	 * : Only jobs created at or before this ISO 8601 date-time.
	 *
	 * [--include_active]
	 * : Also delete pending and processing jobs.
	 *
	 * [--all]
	 * : Without IDs or filters: every job (a guard against deleting everything by mistake).
	 *
	 * [--dry-run]
	 * : Only count and show a sample.
	 *
	 * [--yes]
	 * : Do not ask for confirmation.
	 *
	 * ## EXAMPLES
	 *
	 *     wp dm-jobs delete 12 13 14 --yes
	 *     wp dm-jobs delete --status=failed --before=2026-11-01T00:00:00Z --dry-run
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function delete( array $args, array $assoc_args ): void {
		$this->rest->act_as_capable_user();
		$params = array( 'type' => 'delete_jobs' ) + CliOptions::pick( $assoc_args, self::JOB_FILTERS );
		if ( $args ) {
			$params['ids'] = $args;
		} elseif ( count( $params ) === 1 && ! Utils\get_flag_value( $assoc_args, 'all', false ) ) {
			WP_CLI::error( 'Give job IDs or filters (or --all to delete every job).' );
		}
		if ( Utils\get_flag_value( $assoc_args, 'include_active', false ) ) {
			$params['include_active'] = true;
		}
		( new OperationRunner( $this->rest ) )->run( $params, CliOptions::dry_run( $assoc_args ), CliOptions::yes( $assoc_args ), 'jobs' );
	}

	/**
	 * Changes a job's status (a final status sets completed_at).
	 *
	 * ## OPTIONS
	 *
	 * <id>
	 * : The job ID.
	 *
	 * <status>
	 * : The new base status: pending, processing, completed, completed_no_items, failed, cancelled, agent_skipped.
	 *
	 * [--reason=<reason>]
	 * : Why, shown next to the status.
	 *
	 * [--format=<format>]
	 * : Output format of the changed job.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - yaml
	 * ---
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function status( array $args, array $assoc_args ): void {
		$this->rest->act_as_capable_user();
		$params = array( 'status' => $args[1] );
		if ( isset( $assoc_args['reason'] ) ) {
			$params['reason'] = (string) $assoc_args['reason'];
		}
		$job    = CliOptions::without_links( (array) $this->rest->data( 'POST', '/jobs/' . rawurlencode( $args[0] ) . '/status', $params ) );
		$format = (string) ( $assoc_args['format'] ?? 'table' );
		if ( 'table' === $format ) {
			WP_CLI::success( sprintf( 'Job %d is now %s%s.', (int) $job['id'], (string) $job['status'], null === ( $job['status_reason'] ?? null ) ? '' : ' (' . $job['status_reason'] . ')' ) );
			return;
		}
		Utils\format_items( $format, array( $job ), array_keys( $job ) );
	}

	/**
	 * Shows a job's log lines (oldest first).
	 *
	 * ## OPTIONS
	 *
	 * <id>
	 * : The job ID.
	 *
	 * [--level=<levels>]
	 * : Only these levels, comma-separated: debug, info, notice, warning, error, critical.
	 *
	 * [--search=<text>]
	 * : Text matched against the message and the step.
	 *
	 * [--tail]
	 * : The newest lines instead of the oldest.
	 *
	 * [--per_page=<count>]
	 * : Lines per page, 1 to 1000 (default 200).
	 *
	 * [--all]
	 * : Every line, page after page.
	 *
	 * [--fields=<fields>]
	 * : Fields to show (default: id, created_at, level, step, message).
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - yaml
	 *   - count
	 * ---
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function logs( array $args, array $assoc_args ): void {
		$this->rest->act_as_capable_user();
		$route  = '/jobs/' . rawurlencode( $args[0] ) . '/logs';
		$params = CliOptions::pick( $assoc_args, array( 'level', 'search', 'per_page' ) );
		if ( Utils\get_flag_value( $assoc_args, 'tail', false ) ) {
			$params['tail'] = true;
		}
		$all   = (bool) Utils\get_flag_value( $assoc_args, 'all', false );
		$lines = array();
		do {
			$page  = (array) $this->rest->data( 'GET', $route, $params );
			$lines = array_merge( $lines, (array) ( $page['items'] ?? array() ) );
			$more  = $all && ! empty( $page['has_more'] ) && null !== ( $page['next_cursor'] ?? null );
			if ( $more ) {
				unset( $params['tail'] );
				$params['after'] = (int) $page['next_cursor'];
			}
		} while ( $more );
		$format = (string) ( $assoc_args['format'] ?? 'table' );
		Utils\format_items( $format, CliOptions::for_display( $lines, $format ), CliOptions::fields( $assoc_args, self::LOG_FIELDS ) );
	}
}
