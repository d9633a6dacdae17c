<?php
/**
 * Every schema step, in order. A feature that needs a table adds one class here with the next free number.
 *
 * @package DMJobs
 */

namespace DMJobs\Schema\Migrations;

defined( 'ABSPATH' ) || exit;

final class Migrations {

	/**
	 * @return Migration[] Sorted by version.
	 */
	public static function all(): array {
		$steps = array(
			new Migration001CoreTables(),
			new Migration002JobLogs(),
			new Migration003AuditAndOperations(),
			new Migration004MetricsRollups(),
			new Migration005ScaleColumns(),
			new Migration006StatusVocabulary(),
			new Migration007DataMachineLogs(),
			new Migration008OperationGenerations(),
			new Migration009JobLabels(),
			new Migration010StatusBaseLookup(),
		);
		usort( $steps, static fn ( Migration $a, Migration $b ): int => $a->version() <=> $b->version() );
		return $steps;
	}

	public static function latest_version(): int {
		$steps = self::all();
		return $steps ? end( $steps )->version() : 0;
	}
}
