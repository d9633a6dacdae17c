<?php
/**
 * Reads and writes rows of {prefix}dm_pipelines and {prefix}dm_flows.
 *
 * @package DMJobs
 */

namespace DMJobs\Pipelines\Repository;

use DMJobs\Schema\Repository\TableNames;

defined( 'ABSPATH' ) || exit;

final class PipelineRepository {

	/**
	 * Every pipeline with how many flows it has, by name.
	 *
	 * @return array<int, array{pipeline_id: string, pipeline_name: string, flow_count: string}>
	 */
	public function find_all_with_flow_counts(): array {
		global $wpdb;
		$sql = 'SELECT p.pipeline_id, p.pipeline_name, COUNT(f.flow_id) AS flow_count FROM ' . TableNames::pipelines() . ' p'
			. ' LEFT JOIN ' . TableNames::flows() . ' f ON f.pipeline_id = p.pipeline_id'
			. ' GROUP BY p.pipeline_id, p.pipeline_name ORDER BY p.pipeline_name ASC, p.pipeline_id ASC';
		return (array) $wpdb->get_results( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Flows, optionally of one pipeline, by name.
	 *
	 * @return array<int, array{flow_id: string, pipeline_id: string, flow_name: string}>
	 */
	public function find_flows( ?int $pipeline_id = null ): array {
		global $wpdb;
		$sql = 'SELECT flow_id, pipeline_id, flow_name FROM ' . TableNames::flows();
		if ( null !== $pipeline_id ) {
			$sql = $wpdb->prepare( $sql . ' WHERE pipeline_id = %d', $pipeline_id ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		}
		return (array) $wpdb->get_results( $sql . ' ORDER BY flow_name ASC, flow_id ASC', ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	public function pipeline_exists( int $pipeline_id ): bool {
		global $wpdb;
		$sql = 'SELECT 1 FROM ' . TableNames::pipelines() . ' WHERE pipeline_id = %d';
		return null !== $wpdb->get_var( $wpdb->prepare( $sql, $pipeline_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * The pipeline a flow belongs to, or null when the flow does not exist.
	 */
	public function flow_pipeline_id( int $flow_id ): ?int {
		global $wpdb;
		$sql   = 'SELECT pipeline_id FROM ' . TableNames::flows() . ' WHERE flow_id = %d';
		$value = $wpdb->get_var( $wpdb->prepare( $sql, $flow_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return null === $value ? null : (int) $value;
	}

	/**
	 * @param array<string, mixed> $config
	 */
	public function insert_pipeline( string $name, array $config, string $created_at ): int {
		global $wpdb;
		$inserted = $wpdb->insert(
			TableNames::pipelines(),
			array(
				'pipeline_name'   => $name,
				'pipeline_config' => wp_json_encode( $config ),
				'created_at'      => $created_at,
				'updated_at'      => $created_at,
			),
			array( '%s', '%s', '%s', '%s' )
		);
		if ( false === $inserted ) {
			throw new \RuntimeException( 'Could not insert the pipeline: ' . $wpdb->last_error );
		}
		return (int) $wpdb->insert_id;
	}

	/**
	 * @param array<string, mixed> $config
	 * @param array<string, mixed> $scheduling
	 */
	public function insert_flow( int $pipeline_id, string $name, array $config, array $scheduling ): int {
		global $wpdb;
		$inserted = $wpdb->insert(
			TableNames::flows(),
			array(
				'pipeline_id'       => $pipeline_id,
				'flow_name'         => $name,
				'flow_config'       => wp_json_encode( $config ),
				'scheduling_config' => wp_json_encode( $scheduling ),
			),
			array( '%d', '%s', '%s', '%s' )
		);
		if ( false === $inserted ) {
			throw new \RuntimeException( 'Could not insert the flow: ' . $wpdb->last_error );
		}
		return (int) $wpdb->insert_id;
	}

	/**
	 * Replaces a flow's step settings (Data Machine writes them once the flow ID is known).
	 *
	 * @param array<string, mixed> $config
	 */
	public function update_flow_config( int $flow_id, array $config ): void {
		global $wpdb;
		$updated = $wpdb->update( TableNames::flows(), array( 'flow_config' => wp_json_encode( $config ) ), array( 'flow_id' => $flow_id ), array( '%s' ), array( '%d' ) );
		if ( false === $updated ) {
			throw new \RuntimeException( 'Could not update the flow: ' . $wpdb->last_error );
		}
	}
}
