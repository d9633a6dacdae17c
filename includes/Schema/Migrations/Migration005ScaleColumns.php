<?php
/**
 * Indexes for lists over millions of jobs: the base status and the duration as indexed virtual
 * generated columns (MySQL/MariaDB; instant to add, the indexes build online), and the status reason.
 *
 * @package DMJobs
 */

namespace DMJobs\Schema\Migrations;

use DMJobs\DataMachine\Adapters;
use DMJobs\Jobs\Repository\JobColumns;
use DMJobs\Schema\Repository\SchemaRepository;

defined( 'ABSPATH' ) || exit;

final class Migration005ScaleColumns implements Migration {

	/**
	 * The indexes that include the base-status column: name => columns. Flow or pipeline with a date
	 * range (and status) is counted from the index alone.
	 */
	public const STATUS_BASE_INDEXES = array(
		'dm_jobs_status_base'          => JobColumns::STATUS_BASE,
		'dm_jobs_status_base_created'  => JobColumns::STATUS_BASE . ', created_at',
		'dm_jobs_flow_date_status'     => 'flow_id, created_at, ' . JobColumns::STATUS_BASE . ', pipeline_id',
		'dm_jobs_pipeline_date_status' => 'pipeline_id, created_at, ' . JobColumns::STATUS_BASE,
	);

	public function version(): int {
		return 5;
	}

	public function up( SchemaRepository $schema ): void {
		foreach ( Adapters::available() as $generation ) {
			$this->extend( $schema, $generation->tables()->jobs, $generation->ids_are_text() );
		}
		JobColumns::forget();
	}

	/**
	 * The base-status virtual column with this expression, and the indexes that include it (Migration 6 and
	 * 10 rebuild them with it).
	 */
	public static function add_status_base( SchemaRepository $schema, string $jobs, string $expression ): void {
		$schema->add_column_if_missing( $jobs, JobColumns::STATUS_BASE, 'varchar(20) AS (' . $expression . ') VIRTUAL' );
		foreach ( self::STATUS_BASE_INDEXES as $index => $columns ) {
			$schema->add_index_if_missing( $jobs, $index, $columns );
		}
	}

	/**
	 * Drops the base-status column and its indexes (to add them again with another expression).
	 */
	public static function drop_status_base( SchemaRepository $schema, string $jobs ): void {
		foreach ( array_keys( self::STATUS_BASE_INDEXES ) as $index ) {
			$schema->drop_index_if_exists( $jobs, $index );
		}
		$schema->drop_column_if_exists( $jobs, JobColumns::STATUS_BASE );
	}

	/**
	 * @param SchemaRepository $schema           Schema helper.
	 * @param string           $jobs             The jobs table.
	 * @param bool             $has_flow_created Whether Data Machine already indexes (flow_id, created_at) (today's generation).
	 */
	private function extend( SchemaRepository $schema, string $jobs, bool $has_flow_created ): void {
		if ( ! JobColumns::uses_sqlite() ) {
			self::add_status_base( $schema, $jobs, JobColumns::status_base_column_expression() );
			$schema->add_column_if_missing( $jobs, JobColumns::DURATION, 'int AS (' . JobColumns::duration_expression() . ') VIRTUAL' );
			$schema->add_index_if_missing( $jobs, 'dm_jobs_duration', JobColumns::DURATION );
		} else {
			if ( ! $has_flow_created ) {
				$schema->add_index_if_missing( $jobs, 'dm_jobs_flow_created', 'flow_id, created_at' );
			}
			$schema->add_index_if_missing( $jobs, 'dm_jobs_pipeline_created', 'pipeline_id, created_at' );
		}
		if ( ! $schema->column_exists( $jobs, 'status_reason' ) ) {
			return; // Today's generation on SQLite: the reason is read from engine_data in the query.
		}
		try {
			// A full-length index lets DISTINCT status_reason be read by a loose index scan.
			$schema->add_index_if_missing( $jobs, 'dm_jobs_status_reason', 'status_reason' );
		} catch ( \RuntimeException $too_long_for_old_servers ) {
			$schema->add_index_if_missing( $jobs, 'dm_jobs_status_reason', 'status_reason(191)' );
		}
	}
}
