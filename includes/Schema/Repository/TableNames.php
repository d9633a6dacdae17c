<?php
/**
 * Prefixed names of the tables DM Jobs works with. Data Machine's tables come from the generation in use
 * (DMJobs\DataMachine\Adapters): datamachine_* today, dm_* in v0.1 and standalone. DM Jobs' own tables
 * keep their dm_ names.
 *
 * @package DMJobs
 */

namespace DMJobs\Schema\Repository;

use DMJobs\DataMachine\Adapters;

defined( 'ABSPATH' ) || exit;

final class TableNames {

	public static function jobs(): string {
		return Adapters::current()->tables()->jobs;
	}

	public static function pipelines(): string {
		return Adapters::current()->tables()->pipelines;
	}

	public static function flows(): string {
		return Adapters::current()->tables()->flows;
	}

	public static function processed_items(): string {
		return Adapters::current()->tables()->processed_items;
	}

	/**
	 * Data Machine's own log table (today's datamachine_logs), or null where lines live in job_logs().
	 */
	public static function data_machine_logs(): ?string {
		return Adapters::current()->tables()->logs;
	}

	/**
	 * Data Machine's run metadata table (today's generation), or null.
	 */
	public static function run_metadata(): ?string {
		return Adapters::current()->tables()->run_metadata;
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
	 * Data Machine's four core tables in the generation in use.
	 *
	 * @return array<string, string> unprefixed name => prefixed name
	 */
	public static function all(): array {
		global $wpdb;
		$all = array();
		foreach ( array( self::jobs(), self::pipelines(), self::flows(), self::processed_items() ) as $table ) {
			$all[ substr( $table, strlen( $wpdb->prefix ) ) ] = $table;
		}
		return $all;
	}

	private static function prefixed( string $name ): string {
		global $wpdb;
		return $wpdb->prefix . $name;
	}
}
