<?php
/**
 * Adds DM Jobs to Tools → Site Health: its tests (HealthChecks) and a section of the Info tab
 * (DebugInformation).
 *
 * @package DMJobs
 */

namespace DMJobs\Health;

use DMJobs\Shared\Rest\Permission;

defined( 'ABSPATH' ) || exit;

final class SiteHealth {

	public function register(): void {
		add_filter( 'site_status_tests', array( $this, 'add_tests' ) );
		add_filter( 'debug_information', array( $this, 'add_debug_information' ) );
	}

	/**
	 * @param mixed $tests Site Health tests by kind ("direct", "async").
	 * @return mixed
	 */
	public function add_tests( $tests ) {
		if ( ! is_array( $tests ) || ! current_user_can( Permission::capability() ) ) {
			return $tests;
		}
		$labels = array(
			'dm_jobs_table_size'    => __( 'DM Jobs table size', 'dm-jobs' ),
			'dm_jobs_background'    => __( 'DM Jobs background tasks', 'dm-jobs' ),
			'dm_jobs_derived_state' => __( 'DM Jobs counts and insights', 'dm-jobs' ),
			'dm_jobs_failure_rate'  => __( 'DM Jobs failure rate', 'dm-jobs' ),
			'dm_jobs_data_machine'  => __( 'Data Machine', 'dm-jobs' ),
		);
		foreach ( HealthChecks::TESTS as $name => $method ) {
			$tests['direct'][ $name ] = array(
				'label' => $labels[ $name ],
				'test'  => static fn (): array => ( new HealthChecks() )->$method(),
			);
		}
		return $tests;
	}

	/**
	 * @param mixed $info Site Health Info sections.
	 * @return mixed
	 */
	public function add_debug_information( $info ) {
		if ( ! is_array( $info ) || ! current_user_can( Permission::capability() ) ) {
			return $info;
		}
		$info['dm-jobs'] = ( new DebugInformation() )->section();
		return $info;
	}
}
