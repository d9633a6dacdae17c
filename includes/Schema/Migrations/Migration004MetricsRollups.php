<?php
/**
 * Metrics rollups: hourly and daily aggregates of finished jobs (counts by status, and
 * duration histograms / jobs per hour of day in separate status-less tables), the set of open jobs
 * still to re-check, concurrency/table-size snapshots, and the rollup state.
 *
 * @package DMJobs
 */

namespace DMJobs\Schema\Migrations;

use DMJobs\Metrics\DurationHistogram;
use DMJobs\Metrics\Repository\RollupTables;
use DMJobs\Schema\Repository\SchemaRepository;

defined( 'ABSPATH' ) || exit;

final class Migration004MetricsRollups implements Migration {

	public function version(): int {
		return 4;
	}

	public function up( SchemaRepository $schema ): void {
		$bins = '';
		foreach ( DurationHistogram::columns() as $column ) {
			$bins .= "{$column} int(10) unsigned NOT NULL DEFAULT 0,\n";
		}
		$hours = '';
		for ( $hour = 0; $hour < 24; $hour++ ) {
			$hours .= sprintf( "c%02d int(10) unsigned NOT NULL DEFAULT 0,\n", $hour );
		}
		$measures = "job_count int(10) unsigned NOT NULL DEFAULT 0,
				duration_count int(10) unsigned NOT NULL DEFAULT 0,
				duration_sum bigint(20) unsigned NOT NULL DEFAULT 0,
				duration_max int(10) unsigned NOT NULL DEFAULT 0,\n";

		// Narrow tables (volume, rates, average durations) and status-less "shape" tables (duration
		// histograms, jobs per local hour): long ranges sum few, short rows. The count tables' keys
		// put status before flow, so grouping by bucket, pipeline and status streams in key order.
		$schema->create_table_if_missing(
			'dm_jobs_rollup_hourly',
			'CREATE TABLE `' . RollupTables::hourly() . "` (
				bucket_start datetime NOT NULL,
				pipeline_id bigint(20) unsigned NOT NULL,
				flow_id bigint(20) unsigned NOT NULL,
				status varchar(20) NOT NULL,
				{$measures}PRIMARY KEY  (bucket_start, pipeline_id, status, flow_id),
				KEY pipeline_bucket (pipeline_id, bucket_start),
				KEY flow_bucket (flow_id, bucket_start)
			)"
		);
		$schema->create_table_if_missing(
			'dm_jobs_rollup_daily',
			'CREATE TABLE `' . RollupTables::daily() . "` (
				bucket_date date NOT NULL,
				pipeline_id bigint(20) unsigned NOT NULL,
				flow_id bigint(20) unsigned NOT NULL,
				status varchar(20) NOT NULL,
				{$measures}PRIMARY KEY  (bucket_date, pipeline_id, status, flow_id),
				KEY pipeline_bucket (pipeline_id, bucket_date),
				KEY flow_bucket (flow_id, bucket_date)
			)"
		);
		$schema->create_table_if_missing(
			'dm_jobs_rollup_hourly_shape',
			'CREATE TABLE `' . RollupTables::hourly_shape() . "` (
				bucket_start datetime NOT NULL,
				pipeline_id bigint(20) unsigned NOT NULL,
				flow_id bigint(20) unsigned NOT NULL,
				{$bins}PRIMARY KEY  (bucket_start, pipeline_id, flow_id),
				KEY pipeline_bucket (pipeline_id, bucket_start),
				KEY flow_bucket (flow_id, bucket_start)
			)"
		);
		$schema->create_table_if_missing(
			'dm_jobs_rollup_daily_shape',
			'CREATE TABLE `' . RollupTables::daily_shape() . "` (
				bucket_date date NOT NULL,
				pipeline_id bigint(20) unsigned NOT NULL,
				flow_id bigint(20) unsigned NOT NULL,
				{$bins}{$hours}PRIMARY KEY  (bucket_date, pipeline_id, flow_id),
				KEY pipeline_bucket (pipeline_id, bucket_date),
				KEY flow_bucket (flow_id, bucket_date)
			)"
		);
		$schema->create_table_if_missing(
			'dm_jobs_rollup_open',
			'CREATE TABLE `' . RollupTables::open() . '` (
				job_id bigint(20) unsigned NOT NULL,
				state varchar(20) NOT NULL,
				first_seen_at datetime NOT NULL,
				checked_at datetime NOT NULL,
				PRIMARY KEY  (job_id),
				KEY state (state),
				KEY checked_at (checked_at)
			)'
		);
		$schema->create_table_if_missing(
			'dm_jobs_rollup_snapshots',
			'CREATE TABLE `' . RollupTables::snapshots() . '` (
				snapshot_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				taken_at datetime NOT NULL,
				processing int(10) unsigned NOT NULL DEFAULT 0,
				pending int(10) unsigned NOT NULL DEFAULT 0,
				table_rows bigint(20) unsigned NULL DEFAULT NULL,
				table_bytes bigint(20) unsigned NULL DEFAULT NULL,
				free_bytes bigint(20) unsigned NULL DEFAULT NULL,
				bytes_estimated tinyint(1) NOT NULL DEFAULT 0,
				is_hourly tinyint(1) NOT NULL DEFAULT 0,
				PRIMARY KEY  (snapshot_id),
				KEY taken_at (taken_at)
			)'
		);
		$schema->create_table_if_missing(
			'dm_jobs_rollup_meta',
			'CREATE TABLE `' . RollupTables::meta() . '` (
				meta_key varchar(64) NOT NULL,
				meta_value longtext NOT NULL,
				PRIMARY KEY  (meta_key)
			)'
		);
	}
}
