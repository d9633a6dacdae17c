<?php
/**
 * A condition DM Jobs watches. Evaluation reads aggregates (rollups, snapshots, indexed ranges),
 * never every job.
 *
 * @package DMJobs
 */

namespace DMJobs\Alerts;

defined( 'ABSPATH' ) || exit;

interface AlertRule {

	/**
	 * The rule's ID, one of AlertSettings::rule_ids().
	 */
	public function id(): string;

	/**
	 * What fires now.
	 *
	 * @param array<string, int|float|bool> $config The rule's saved settings.
	 * @param int                           $now    Unix time.
	 * @return Alert[]
	 */
	public function evaluate( array $config, int $now ): array;
}
