<?php
/**
 * Wires alerts into WordPress: the scheduled evaluation and the wp-admin notices.
 *
 * @package DMJobs
 */

namespace DMJobs\Alerts;

defined( 'ABSPATH' ) || exit;

final class AlertsModule {

	public function register(): void {
		( new AlertScheduler() )->register();
		( new AlertNotices() )->register();
	}
}
