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
			\DMJobs\Schema\Repository\TableNames::pipelines(),
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
			\DMJobs\Schema\Repository\TableNames::flows(),
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
		if ( self::today() && array_key_exists( 'status_reason', $overrides ) ) {
			// Today's Data Machine keeps the reason in engine_data.job_status_reason.
			$engine = json_decode( (string) ( $overrides['engine_data'] ?? '{}' ), true );
			$engine = is_array( $engine ) ? $engine : array();
			if ( null !== $overrides['status_reason'] ) {
				$engine['job_status_reason'] = $overrides['status_reason'];
			}
			$overrides['engine_data'] = (string) wp_json_encode( $engine );
			unset( $overrides['status_reason'] );
		}
		$wpdb->insert(
			\DMJobs\Schema\Repository\TableNames::jobs(),
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

	/**
	 * Sets a job's status reason where the generation keeps it: our status_reason column (dm_*), or
	 * engine_data.job_status_reason (today's Data Machine).
	 */
	public static function set_reason( int $job_id, ?string $reason ): void {
		( new \DMJobs\Jobs\Repository\JobRepository() )->update_status(
			$job_id,
			(string) \DMJobs\Tests\Fixtures::stored_status( $job_id ),
			$reason,
			\DMJobs\Tests\Fixtures::stored_completed_at( $job_id )
		);
	}

	public static function stored_status( int $job_id ): ?string {
		global $wpdb;
		return $wpdb->get_var( $wpdb->prepare( 'SELECT status FROM ' . \DMJobs\Schema\Repository\TableNames::jobs() . ' WHERE job_id = %d', $job_id ) );
	}

	public static function stored_completed_at( int $job_id ): ?string {
		global $wpdb;
		return $wpdb->get_var( $wpdb->prepare( 'SELECT completed_at FROM ' . \DMJobs\Schema\Repository\TableNames::jobs() . ' WHERE job_id = %d', $job_id ) );
	}

	/**
	 * Whether the tests run over today's Data Machine tables (DM_JOBS_TEST_TABLES=datamachine).
	 */
	public static function today(): bool {
		return \DMJobs\DataMachine\Adapters::current()->ids_are_text();
	}

	public static function job_count(): int {
		global $wpdb;
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM " . \DMJobs\Schema\Repository\TableNames::jobs() . "" );
	}
}
