<?php
/**
 * Keeps the reason Data Machine 0.1 gave a failure where DM Jobs lists it: that generation stores a
 * plain `failed` and names the reason only in its log ("Job marked as failed", failure_reason), so the
 * reason is copied into DM Jobs' status_reason column of that job — only when the job is plainly
 * failed and has no reason yet.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Repository;

use DMJobs\Schema\Repository\TableNames;

defined( 'ABSPATH' ) || exit;

final class JobReasonRepository {

	public function fill_missing_failure_reason( int $job_id, string $reason ): bool {
		global $wpdb;
		$sql = 'UPDATE ' . TableNames::jobs() . " SET status_reason = %s WHERE job_id = %d AND status = 'failed' AND status_reason IS NULL";
		return (int) $wpdb->query( $wpdb->prepare( $sql, mb_substr( $reason, 0, 255 ), $job_id ) ) > 0; // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}
}
