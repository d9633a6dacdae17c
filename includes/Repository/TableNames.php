<?php
/**
 * Prefixed names of the tables DM Jobs works with.
 *
 * @package DMJobs
 */

namespace DMJobs\Repository;

defined( 'ABSPATH' ) || exit;

final class TableNames {

	public static function jobs(): string {
		return self::prefixed( 'dm_jobs' );
	}

	public static function pipelines(): string {
		return self::prefixed( 'dm_pipelines' );
	}

	public static function flows(): string {
		return self::prefixed( 'dm_flows' );
	}

	public static function processed_items(): string {
		return self::prefixed( 'dm_processed_items' );
	}

	public static function job_logs(): string {
		return self::prefixed( 'dm_job_logs' );
	}

	public static function audit(): string {
		return self::prefixed( 'dm_jobs_audit' );
	}

	public static function operations(): string {
		return self::prefixed( 'dm_jobs_operations' );
	}

	/**
	 * @return array<string, string> short name => prefixed name
	 */
	public static function all(): array {
		return array(
			'dm_jobs'            => self::jobs(),
			'dm_pipelines'       => self::pipelines(),
			'dm_flows'           => self::flows(),
			'dm_processed_items' => self::processed_items(),
		);
	}

	private static function prefixed( string $name ): string {
		global $wpdb;
		return $wpdb->prefix . $name;
	}
}
