<?php
/**
 * The "DM Jobs" section of Site Health → Info (also in "Copy site info to clipboard").
 *
 * @package DMJobs
 */

namespace DMJobs\Health;

use DMJobs\DataMachine\Adapters;
use DMJobs\Jobs\JobCounts;
use DMJobs\Metrics\Reports\CapacityReport;
use DMJobs\Metrics\RollupService;
use DMJobs\Metrics\SiteClock;
use DMJobs\Retention\RetentionScheduler;
use DMJobs\Retention\RetentionSettings;
use DMJobs\Schema\Repository\SchemaRepository;
use DMJobs\Shared\Rest\Permission;

defined( 'ABSPATH' ) || exit;

final class DebugInformation {

	/**
	 * @return array{label: string, description: string, fields: array<string, array{label: string, value: string, debug?: string}>}
	 */
	public function section(): array {
		$primary   = Adapters::primary();
		$secondary = Adapters::secondary();
		$counts    = ( new JobCounts() )->current();
		$rollup    = ( new RollupService() )->progress();
		$capacity  = ( new CapacityReport() )->build( null, SiteClock::site(), time() );
		$retention = ( new RetentionSettings() )->effective();
		$fields    = array(
			'version'        => $this->field( __( 'Version', 'dm-jobs' ), defined( 'DM_JOBS_VERSION' ) ? DM_JOBS_VERSION : '' ),
			'schema_version' => $this->field( __( 'Schema version', 'dm-jobs' ), (string) get_option( SchemaRepository::VERSION_OPTION, '' ) ),
			'generation'     => $this->field( __( 'Data Machine generation read', 'dm-jobs' ), sprintf( '%s: %s', $primary->label(), $primary->tables()->jobs ), $primary->key() ),
			'second_source'  => $this->field( __( 'Second source', 'dm-jobs' ), null === $secondary ? __( 'none', 'dm-jobs' ) : sprintf( '%s: %s', $secondary->label(), $secondary->tables()->jobs ), null === $secondary ? 'none' : $secondary->key() ),
			'data_machine'   => $this->field( __( 'Data Machine plugin active', 'dm-jobs' ), $this->yes_no( (bool) array_filter( Adapters::available(), static fn ( $generation ): bool => $generation->plugin_active() ) ) ),
			'jobs'           => $this->field( __( 'Jobs', 'dm-jobs' ), number_format_i18n( (int) $counts['total'] ) . ( empty( $counts['exact'] ) ? ' ' . __( '(estimate)', 'dm-jobs' ) : '' ), (string) $counts['total'] ),
			'jobs_by_status' => $this->field( __( 'Jobs by status', 'dm-jobs' ), (string) wp_json_encode( $counts['by_status'] ) ),
			'counts_as_of'   => $this->field( __( 'Count snapshot', 'dm-jobs' ), gmdate( 'Y-m-d H:i:s', (int) $counts['as_of'] ) . ' UTC' ),
			'table_size'     => $this->field(
				__( 'Jobs table size', 'dm-jobs' ),
				null === $capacity['bytes'] ? __( 'not measured yet', 'dm-jobs' ) : sprintf( '%s, %s rows (%s)', size_format( (int) $capacity['bytes'], 1 ), number_format_i18n( (int) $capacity['rows'] ), (string) $capacity['measured_at'] ),
				null === $capacity['bytes'] ? 'unknown' : (string) $capacity['bytes']
			),
			'growth'         => $this->field( __( 'Jobs added per day (30 days)', 'dm-jobs' ), null === $capacity['growth']['rows_per_day'] ? __( 'unknown', 'dm-jobs' ) : (string) $capacity['growth']['rows_per_day'] ),
			'rollups'        => $this->field( __( 'Metrics rollups', 'dm-jobs' ), sprintf( '%s, %s%%, last run %s', $rollup['state'], $rollup['percent'], $rollup['last_run_at'] ?? __( 'never', 'dm-jobs' ) ) ),
			'retention'      => $this->field( __( 'Retention policy', 'dm-jobs' ), (string) wp_json_encode( $retention ) ),
			'capability'     => $this->field( __( 'Capability', 'dm-jobs' ), Permission::capability() ),
			'wp_cron'        => $this->field( __( 'WP-Cron started by page views', 'dm-jobs' ), $this->yes_no( ! ( defined( 'DISABLE_WP_CRON' ) && DISABLE_WP_CRON ) ) ),
			'retention_runs' => $this->field( __( 'Retention runner', 'dm-jobs' ), RetentionScheduler::schedule()['runner'] ),
		);
		foreach ( ( new HealthChecks() )->scheduled_tasks() as $key => $task ) {
			/* translators: %s: task name, e.g. "count refresh". */
			$fields[ 'next_' . $key ] = $this->field( sprintf( __( 'Next %s', 'dm-jobs' ), $task['label'] ), null === $task['next'] ? __( 'not scheduled', 'dm-jobs' ) : gmdate( 'Y-m-d H:i:s', $task['next'] ) . ' UTC' );
		}
		return array(
			'label'       => __( 'DM Jobs', 'dm-jobs' ),
			'description' => __( 'The jobs DM Jobs reads, its derived state and its background work.', 'dm-jobs' ),
			'fields'      => $fields,
		);
	}

	/**
	 * @return array{label: string, value: string, debug?: string}
	 */
	private function field( string $label, string $value, ?string $debug = null ): array {
		$field = array(
			'label' => $label,
			'value' => $value,
		);
		if ( null !== $debug ) {
			$field['debug'] = $debug;
		}
		return $field;
	}

	private function yes_no( bool $yes ): string {
		return $yes ? __( 'yes', 'dm-jobs' ) : __( 'no', 'dm-jobs' );
	}
}
