<?php
/**
 * Reads the configuration a job ran with: its pipeline's and flow's stored settings (single rows by ID).
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Repository;

use DMJobs\Schema\Repository\TableNames;

defined( 'ABSPATH' ) || exit;

final class JobConfigRepository {

	/**
	 * @return array{pipeline_id: string, pipeline_name: string, pipeline_config: string|null}|null
	 */
	public function find_pipeline( int $pipeline_id ): ?array {
		global $wpdb;
		$sql = 'SELECT pipeline_id, pipeline_name, pipeline_config FROM ' . TableNames::pipelines() . ' WHERE pipeline_id = %d';
		$row = $wpdb->get_row( $wpdb->prepare( $sql, $pipeline_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return is_array( $row ) ? $row : null;
	}

	/**
	 * @return array{flow_id: string, pipeline_id: string, flow_name: string, flow_config: string|null, scheduling_config: string|null}|null
	 */
	public function find_flow( int $flow_id ): ?array {
		global $wpdb;
		$sql = 'SELECT flow_id, pipeline_id, flow_name, flow_config, scheduling_config FROM ' . TableNames::flows() . ' WHERE flow_id = %d';
		$row = $wpdb->get_row( $wpdb->prepare( $sql, $flow_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return is_array( $row ) ? $row : null;
	}
}
