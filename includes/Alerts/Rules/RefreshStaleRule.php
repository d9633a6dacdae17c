<?php
/**
 * The background work stopped: the WP-Cron refresh of counts and page anchors (CountRefresher) has
 * not run for N minutes. It normally runs every five minutes and only in WP-Cron (the metrics
 * rollups also run before reads, so they would hide a dead cron), so this is how a site learns that
 * WP-Cron is not running.
 *
 * @package DMJobs
 */

namespace DMJobs\Alerts\Rules;

use DMJobs\Alerts\Alert;
use DMJobs\Alerts\AlertRule;
use DMJobs\Jobs\CountRefresher;

defined( 'ABSPATH' ) || exit;

final class RefreshStaleRule implements AlertRule {

	public function id(): string {
		return 'refresh_stale';
	}

	public function evaluate( array $config, int $now ): array {
		$minutes = max( 1, (int) $config['minutes'] );
		$last    = CountRefresher::last_run();
		if ( null === $last || $now - $last < $minutes * MINUTE_IN_SECONDS ) {
			return array();
		}
		return array(
			new Alert(
				$this->id(),
				'counts',
				sprintf(
					/* translators: %d: minutes */
					__( 'The background refresh has not run for %d minutes', 'dm-jobs' ),
					(int) floor( ( $now - $last ) / MINUTE_IN_SECONDS )
				),
				__( 'It runs on WP-Cron every five minutes. Check that WP-Cron runs (a real cron job calling wp-cron.php when DISABLE_WP_CRON is set).', 'dm-jobs' ),
				array(),
				array(
					'last_run_at' => gmdate( 'Y-m-d\TH:i:s\Z', $last ),
					'minutes'     => $minutes,
				)
			),
		);
	}
}
