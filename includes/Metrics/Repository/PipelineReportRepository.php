<?php
/**
 * Per-pipeline counts and durations for a created_at range, grouped by stored status (a range scan
 * of the created_at index; statuses are folded into base statuses by the caller).
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics\Repository;

use DMJobs\Schema\Repository\TableNames;

defined( 'ABSPATH' ) || exit;

final class PipelineReportRepository {

	/**
	 * @return array<int, array{pipeline_id: string, pipeline_name: string|null, status: string, n: string, duration_sum: string|null, duration_n: string|null}>
	 */
	public function grouped( string $after, string $before ): array {
		global $wpdb;
		$duration = $wpdb instanceof \WP_SQLite_DB
			? 'UNIX_TIMESTAMP(j.completed_at) - UNIX_TIMESTAMP(j.created_at)'
			: 'TIMESTAMPDIFF(SECOND, j.created_at, j.completed_at)';
		$has_time = "j.completed_at IS NOT NULL AND j.completed_at >= j.created_at AND j.completed_at > '1971-01-01'";
		$sql      = "SELECT j.pipeline_id, p.pipeline_name, j.status, COUNT(*) AS n,
				SUM(CASE WHEN {$has_time} THEN {$duration} ELSE 0 END) AS duration_sum,
				SUM(CASE WHEN {$has_time} THEN 1 ELSE 0 END) AS duration_n
			FROM " . TableNames::jobs() . ' j LEFT JOIN ' . TableNames::pipelines() . ' p ON p.pipeline_id = j.pipeline_id
			WHERE j.created_at >= %s AND j.created_at <= %s
			GROUP BY j.pipeline_id, p.pipeline_name, j.status';
		return (array) $wpdb->get_results( $wpdb->prepare( $sql, $after, $before ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}
}
