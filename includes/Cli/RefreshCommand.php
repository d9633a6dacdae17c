<?php
/**
 * `wp dm-jobs refresh`: refreshes the count snapshot, page anchors, date zones and metrics
 * rollups now.
 *
 * @package DMJobs
 */

namespace DMJobs\Cli;

use DMJobs\Jobs\CountRefresher;
use WP_CLI;
use WP_CLI\Utils;

defined( 'ABSPATH' ) || exit;

final class RefreshCommand {

	private RestBridge $rest;

	public function __construct() {
		$this->rest = new RestBridge();
	}

	/**
	 * Refreshes derived state now: the count snapshot, the page anchors and date zones (what WP-Cron
	 * does every five minutes) and the metrics rollups (until they have caught up).
	 *
	 * ## OPTIONS
	 *
	 * [--rebuild]
	 * : Empty the rollups and backfill them again from the jobs table.
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function __invoke( array $args, array $assoc_args ): void {
		$this->rest->act_as_capable_user();
		$started = microtime( true );
		( new CountRefresher() )->run();
		WP_CLI::log( sprintf( 'Count snapshot, page anchors, date zones and job labels refreshed (%.1f s).', microtime( true ) - $started ) );

		$rebuild  = (bool) Utils\get_flag_value( $assoc_args, 'rebuild', false );
		$progress = (array) $this->rest->data(
			'POST',
			'/metrics/rollup',
			array(
				'rebuild' => $rebuild,
				'confirm' => $rebuild, // --rebuild is the explicit request.
			)
		);
		$target   = max( 1, (int) ( $progress['target'] ?? 0 ) );
		$bar      = Utils\make_progress_bar( 'Metrics rollups', $target );
		$shown    = 0;
		for ( $passes = 0; ; $passes++ ) {
			$done = min( $target, (int) ( $progress['processed'] ?? 0 ) );
			if ( $done > $shown ) {
				$bar->tick( $done - $shown );
				$shown = $done;
			}
			if ( 'ready' === ( $progress['state'] ?? '' ) || $passes >= 10000 ) {
				break;
			}
			$progress = (array) $this->rest->data( 'POST', '/metrics/rollup', array( 'rebuild' => false ) );
		}
		$bar->finish();
		if ( 'ready' !== ( $progress['state'] ?? '' ) ) {
			WP_CLI::error( sprintf( 'The rollups have not caught up (state "%s"); run the command again.', (string) ( $progress['state'] ?? '' ) ) );
		}
		WP_CLI::success( sprintf( 'Derived state refreshed in %.1f s.', microtime( true ) - $started ) );
	}
}
