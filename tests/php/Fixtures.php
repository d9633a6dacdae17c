<?php
/**
 * Writes pipelines, flows and jobs straight into the tables, as Data Machine does.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests;

PHP_SAPI === 'cli' || exit;

final class Fixtures {

	public static function pipeline( string $name ): int {
		global $wpdb;
		$wpdb->insert(
			$wpdb->prefix . 'dm_pipelines',
			array(
				'pipeline_name'   => $name,
				'pipeline_config' => '{}',
				'created_at'      => '2026-01-01 00:00:00',
				'updated_at'      => '2026-01-01 00:00:00',
			)
		);
		return (int) $wpdb->insert_id;
	}

	public static function flow( int $pipeline_id, string $name ): int {
		global $wpdb;
		$wpdb->insert(
			$wpdb->prefix . 'dm_flows',
			array(
				'pipeline_id'       => $pipeline_id,
				'flow_name'         => $name,
				'flow_config'       => '{}',
				'scheduling_config' => '{"interval":"manual"}',
			)
		);
		return (int) $wpdb->insert_id;
	}

	/**
	 * @param array<string, mixed> $overrides Columns to set.
	 */
	public static function job( int $pipeline_id, int $flow_id, string $status, string $created_at, ?string $completed_at = null, array $overrides = array() ): int {
		global $wpdb;
		$wpdb->insert(
			$wpdb->prefix . 'dm_jobs',
			array_merge(
				array(
					'pipeline_id'  => $pipeline_id,
					'flow_id'      => $flow_id,
					'status'       => $status,
					'engine_data'  => '{}',
					'created_at'   => $created_at,
					'completed_at' => $completed_at,
				),
				$overrides
			)
		);
		return (int) $wpdb->insert_id;
	}

	public static function job_count(): int {
		global $wpdb;
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}dm_jobs" );
	}
}
