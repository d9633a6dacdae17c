<?php
/**
 * `wp dm-jobs retention [show|set|run]`: shows, changes or runs the retention policy through
 * /retention.
 *
 * @package DMJobs
 */

namespace DMJobs\Cli;

use WP_CLI;
use WP_CLI\Utils;

defined( 'ABSPATH' ) || exit;

final class RetentionCommand {

	private const KEYS = array( 'completed_days', 'failed_days', 'keep_failed', 'engine_data_days', 'audit_days' );

	private RestBridge $rest;

	public function __construct() {
		$this->rest = new RestBridge();
	}

	/**
	 * Shows, changes or runs the retention policy.
	 *
	 * ## OPTIONS
	 *
	 * [<action>]
	 * : show (default), set or run.
	 * ---
	 * default: show
	 * options:
	 *   - show
	 *   - set
	 *   - run
	 * ---
	 *
	 * [--completed_days=<days>]
	 * : set: days to keep completed, completed-without-items and skipped jobs (0: forever).
	 *
	 * [--failed_days=<days>]
	 * : set: days to keep failed and cancelled jobs (0: forever).
	 *
	 * [--keep_failed=<bool>]
	 * : set: keep failed jobs for debugging (true or false).
	 *
	 * [--engine_data_days=<days>]
	 * : set: days after which finished jobs shed their engine_data (0: never).
	 *
	 * [--audit_days=<days>]
	 * : set: days to keep audit entries (0: forever).
	 *
	 * [--dry-run]
	 * : run: only count what each rule would remove now.
	 *
	 * [--yes]
	 * : run: do not ask for confirmation.
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
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp dm-jobs retention set --completed_days=30 --failed_days=90
	 *     wp dm-jobs retention run --dry-run
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function __invoke( array $args, array $assoc_args ): void {
		$this->rest->act_as_capable_user();
		$action = $args[0] ?? 'show';
		$format = (string) ( $assoc_args['format'] ?? 'table' );
		if ( 'set' === $action ) {
			$changes = CliOptions::pick( $assoc_args, self::KEYS );
			if ( array() === $changes ) {
				WP_CLI::error( 'Give at least one of --' . implode( ', --', self::KEYS ) . '.' );
			}
			$this->rest->call( 'POST', '/retention', $changes );
			WP_CLI::success( 'Retention policy saved.' );
		}
		if ( 'run' === $action ) {
			$this->run_retention( $assoc_args, $format );
			return;
		}
		$policy = (array) $this->rest->data( 'GET', '/retention' );
		$rows   = array();
		foreach ( self::KEYS as $key ) {
			$rows[] = array(
				'setting'    => $key,
				'saved'      => CliOptions::scalar( $policy['saved'][ $key ] ?? null ),
				'effective'  => CliOptions::scalar( $policy['effective'][ $key ] ?? null ),
				'overridden' => in_array( $key, (array) ( $policy['overridden'] ?? array() ), true ) ? 'yes' : 'no',
			);
		}
		Utils\format_items( $format, $rows, array( 'setting', 'saved', 'effective', 'overridden' ) );
		if ( 'table' === $format ) {
			WP_CLI::log( sprintf( 'Runs with %s; next run %s.', (string) ( $policy['schedule']['runner'] ?? '?' ), (string) ( $policy['schedule']['next_run'] ?? 'not scheduled' ) ) );
		}
	}

	/**
	 * POST /retention/run: the dry run's steps, then (unless --dry-run) a confirmed real run.
	 *
	 * @param array<string, mixed> $assoc_args Options.
	 * @param string               $format     Output format.
	 */
	private function run_retention( array $assoc_args, string $format ): void {
		$preview = (array) $this->rest->data( 'POST', '/retention/run', array( 'dry_run' => true ) );
		$steps   = array_map(
			static fn ( $step ): array => array(
				'rule'  => (string) ( $step['key'] ?? '' ),
				'type'  => (string) ( $step['type'] ?? '' ),
				'days'  => (int) ( $step['days'] ?? 0 ),
				'count' => (int) ( $step['count'] ?? 0 ),
			),
			(array) ( $preview['steps'] ?? array() )
		);
		if ( array() === $steps ) {
			WP_CLI::success( 'No retention rule is set: nothing would be removed.' );
			return;
		}
		Utils\format_items( $format, $steps, array( 'rule', 'type', 'days', 'count' ) );
		$total = array_sum( array_column( $steps, 'count' ) );
		if ( CliOptions::dry_run( $assoc_args ) ) {
			WP_CLI::success( sprintf( 'Dry run: %s rows would be removed. Nothing was changed.', number_format_i18n( $total ) ) );
			return;
		}
		if ( ! CliOptions::yes( $assoc_args ) ) {
			WP_CLI::confirm( sprintf( 'Run the retention policy now (about %s rows)?', number_format_i18n( $total ) ) );
		}
		$result = $this->rest->data(
			'POST',
			'/retention/run',
			array(
				'dry_run' => false,
				'confirm' => true,
			)
		);
		WP_CLI::success( 'Retention ran: ' . wp_json_encode( $result, JSON_UNESCAPED_SLASHES ) );
	}
}
