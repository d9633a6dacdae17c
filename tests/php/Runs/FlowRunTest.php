<?php
/**
 * "Run flow now" and "Re-run" through Data Machine's own API, per generation: v0.1's
 * `dm_run_flow_now` action (answered here the way its engine answers: a pending job, the first step
 * scheduled, its log lines), today's `datamachine/run-flow` ability (WordPress's Abilities API), and
 * a runner another plugin provides through `dm_jobs_flow_runner` on a standalone site.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Runs;

use DMJobs\DataMachine\Adapters;
use DMJobs\DataMachine\CurrentExecution;
use DMJobs\DataMachine\CurrentGeneration;
use DMJobs\DataMachine\LegacyGeneration;
use DMJobs\DataMachine\StandaloneGeneration;
use DMJobs\Runs\Schema\RunSchema;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\ResponseSchemaAssertions;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class FlowRunTest extends TestCase {

	use ResponseSchemaAssertions;

	private int $pipeline_id;
	private int $flow_id;

	/**
	 * @var array<int, array<int, mixed>> Arguments dm_run_flow_now was called with.
	 */
	private array $run_calls = array();

	protected function setUp(): void {
		parent::setUp();
		$this->pipeline_id = Fixtures::pipeline( 'Feeds' );
		$this->flow_id     = Fixtures::flow( $this->pipeline_id, 'Hourly import' );
	}

	protected function tearDown(): void {
		remove_all_filters( 'dm_jobs_data_machine_generation' );
		remove_all_filters( 'dm_jobs_flow_runner' );
		remove_all_actions( 'dm_run_flow_now' );
		Adapters::forget();
		parent::tearDown();
	}

	private function use_generation( string $key ): void {
		add_filter( 'dm_jobs_data_machine_generation', static fn (): string => $key );
		Adapters::forget();
	}

	/**
	 * What Data Machine 0.1.2 does on dm_run_flow_now (inc/Engine/Actions/Engine.php): the flow must
	 * exist, create_job() inserts a pending job, the first step is scheduled, and it logs.
	 *
	 * @param mixed ...$args As do_action passed them.
	 */
	public function data_machine_v01_runs( ...$args ): void {
		global $wpdb;
		$this->run_calls[] = $args;
		$flow_id           = (int) $args[0];
		$flow              = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}dm_flows WHERE flow_id = %d", $flow_id ), ARRAY_A );
		if ( ! $flow ) {
			do_action( 'dm_log', 'error', 'Flow execution failed - flow not found', array( 'flow_id' => $flow_id ) );
			return;
		}
		$wpdb->insert(
			$wpdb->prefix . 'dm_jobs',
			array(
				'pipeline_id' => (int) $flow['pipeline_id'],
				'flow_id'     => $flow_id,
				'status'      => 'pending',
			),
			array( '%d', '%d', '%s' )
		);
		$job_id = (int) $wpdb->insert_id;
		do_action( 'dm_clear_jobs_cache' );
		if ( 'no steps' === $flow['flow_name'] ) {
			do_action( 'dm_log', 'error', 'Flow execution failed - no first step found', array( 'flow_id' => $flow_id, 'job_id' => $job_id ) );
			return;
		}
		do_action( 'dm_schedule_next_step', $job_id, 'step-uuid_' . $flow_id, array() );
		do_action( 'dm_log', 'info', 'Flow execution started successfully', array( 'flow_id' => $flow_id, 'job_id' => $job_id, 'first_step' => 'step-uuid_' . $flow_id ) );
	}

	public function test_v01_runs_through_dm_run_flow_now(): void {
		$this->use_generation( LegacyGeneration::KEY );
		add_action( 'dm_run_flow_now', array( $this, 'data_machine_v01_runs' ), 10, 2 );
		$before = Fixtures::job_count();

		$response = $this->admin_request( 'POST', "/flows/{$this->flow_id}/run" );

		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( array( array( $this->flow_id, 'manual' ) ), $this->run_calls );
		$data = $response->get_data();
		$this->assertSame( $before + 1, Fixtures::job_count(), 'Data Machine made exactly one job; DM Jobs wrote none' );
		$this->assertSame( 'pending', $data['job']['status'] );
		$this->assertSame( $this->flow_id, $data['job']['flow_id'] );
		$this->assertSame( 'Hourly import', $data['job']['flow_name'] );
		$this->assertSame( $data['job_id'], $data['job']['id'] );
		$this->assertFalse( $data['skipped'] );
		$this->assertAnswerMatches( $data, RunSchema::run(), 'POST /flows/{id}/run' );

		$audit = $this->admin_request( 'GET', '/audit', array( 'category' => 'flow' ) )->get_data();
		$this->assertSame( 'flow.run', $audit[0]['action'] );
		$this->assertSame( $data['job_id'], $audit[0]['job_id'] );
		$this->assertSame( 'dm_jobs_test_administrator', $audit[0]['actor']['login'] );
	}

	public function test_v01_refusal_is_shown_as_its_own_words(): void {
		$this->use_generation( LegacyGeneration::KEY );
		add_action( 'dm_run_flow_now', array( $this, 'data_machine_v01_runs' ), 10, 2 );
		$broken = Fixtures::flow( $this->pipeline_id, 'no steps' );

		$response = $this->admin_request( 'POST', "/flows/{$broken}/run" );

		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'data_machine_refused', $response->get_data()['code'] );
		$this->assertSame( 'Flow execution failed - no first step found', $response->get_data()['message'] );
		$audit = $this->admin_request( 'GET', '/audit', array( 'category' => 'flow' ) )->get_data();
		$this->assertSame( 'Flow execution failed - no first step found', $audit[0]['params']['error'] );
	}

	public function test_without_data_machine_or_a_runner_nothing_runs(): void {
		$this->use_generation( LegacyGeneration::KEY ); // Tables of v0.1, but its plugin is not loaded.
		$response = $this->admin_request( 'POST', "/flows/{$this->flow_id}/run" );
		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'dm_jobs_no_runner', $response->get_data()['code'] );
		$this->assertSame( 'Data Machine is not active, so flows cannot be run from here.', $response->get_data()['message'] );

		$this->use_generation( StandaloneGeneration::KEY );
		$this->assertNull( Adapters::current()->execution() );
		$this->assertSame( 'dm_jobs_no_runner', $this->admin_request( 'POST', "/flows/{$this->flow_id}/run" )->get_data()['code'] );
	}

	public function test_another_plugin_provides_the_runner_on_a_standalone_site(): void {
		$this->use_generation( StandaloneGeneration::KEY );
		$asked    = array();
		$pipeline = $this->pipeline_id;
		add_filter(
			'dm_jobs_flow_runner',
			static function ( $runner ) use ( &$asked, $pipeline ) {
				return static function ( int $flow_id ) use ( &$asked, $pipeline ) {
					$asked[] = $flow_id;
					$job     = dm_jobs_create_job( array( 'pipeline_id' => $pipeline, 'flow_id' => $flow_id, 'status' => 'processing' ) );
					return is_wp_error( $job ) ? $job : array( 'job_id' => $job['id'] );
				};
			}
		);
		$this->assertSame( 404, $this->admin_request( 'POST', '/flows/999999/run' )->get_status(), 'a flow that is gone is not run' );
		$this->assertSame( array(), $asked );

		$response = $this->admin_request( 'POST', "/flows/{$this->flow_id}/run" );
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( array( $this->flow_id ), $asked );
		$this->assertSame( 'processing', $response->get_data()['job']['status'] );
	}

	public function test_rerun_runs_the_flow_of_a_failed_job(): void {
		$this->use_generation( LegacyGeneration::KEY );
		add_action( 'dm_run_flow_now', array( $this, 'data_machine_v01_runs' ), 10, 2 );
		$failed    = Fixtures::job( $this->pipeline_id, $this->flow_id, 'failed - timeout', '2026-12-01 10:00:00', '2026-12-01 10:01:00' );
		$completed = Fixtures::job( $this->pipeline_id, $this->flow_id, 'completed', '2026-12-01 10:00:00', '2026-12-01 10:01:00' );

		$response = $this->admin_request( 'POST', "/jobs/{$failed}/rerun" );

		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( $failed, $response->get_data()['rerun_of'] );
		$this->assertGreaterThan( $failed, $response->get_data()['job_id'] );
		$this->assertSame( 'failed - timeout', dm_jobs_get_job( $failed )['raw_status'], 'the failed job stays as it was' );
		$audit = $this->admin_request( 'GET', '/audit', array( 'action' => 'flow.rerun' ) )->get_data();
		$this->assertSame( $failed, $audit[0]['params']['rerun_of'] );

		$this->assertSame( 'dm_jobs_not_failed', $this->admin_request( 'POST', "/jobs/{$completed}/rerun" )->get_data()['code'] );
		$this->assertSame( 404, $this->admin_request( 'POST', '/jobs/99999999/rerun' )->get_status() );
		$this->assertSame( 400, $this->admin_request( 'POST', '/jobs/0/rerun' )->get_status() );

		global $wpdb;
		$wpdb->delete( $wpdb->prefix . 'dm_flows', array( 'flow_id' => $this->flow_id ) );
		$gone = $this->admin_request( 'POST', "/jobs/{$failed}/rerun" );
		$this->assertSame( 404, $gone->get_status() );
		$this->assertSame( "Flow #{$this->flow_id} no longer exists.", $gone->get_data()['message'] );
		$this->assertCount( 1, $this->run_calls, 'Data Machine was asked once' );
	}

	public function test_roles(): void {
		add_action( 'dm_run_flow_now', array( $this, 'data_machine_v01_runs' ), 10, 2 );
		$failed = Fixtures::job( $this->pipeline_id, $this->flow_id, 'failed', '2026-12-01 10:00:00', '2026-12-01 10:01:00' );
		foreach ( array( "/flows/{$this->flow_id}/run", "/jobs/{$failed}/rerun" ) as $route ) {
			$this->act_as( 'anonymous' );
			$this->assertSame( 401, $this->request( 'POST', $route )->get_status() );
			$this->act_as( 'editor' );
			$this->assertSame( 403, $this->request( 'POST', $route )->get_status() );
		}
		$this->assertSame( array(), $this->run_calls );
	}

	public function test_admin_links_per_generation(): void {
		$old = ( new LegacyGeneration() )->admin_links();
		$this->assertNotNull( $old );
		$url = $old->for_pipeline( 12 );
		$this->assertStringContainsString( 'wp-admin/admin.php?page=dm-pipelines&selected_pipeline_id=12&_wpnonce=', $url );
		wp_parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		$this->act_as( 'administrator' );
		$this->assertFalse( wp_verify_nonce( $query['_wpnonce'], 'dm_ajax_actions' ), 'made for the user who follows it' );
		$url = ( new LegacyGeneration() )->admin_links()->for_flow( 12, 7 );
		wp_parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		$this->assertSame( 1, wp_verify_nonce( $query['_wpnonce'], 'dm_ajax_actions' ), 'Data Machine only honours selected_pipeline_id with this nonce' );
		$this->assertSame( '12', $query['selected_pipeline_id'] );

		$today = ( new CurrentGeneration() )->admin_links();
		$this->assertStringEndsWith( 'wp-admin/admin.php?page=datamachine-pipelines', $today->for_flow( 12, 7 ) );
		$this->assertSame(
			array(
				'storage' => 'localStorage',
				'key'     => 'datamachine-ui-store',
				'version' => 2,
				'field'   => 'selectedPipelineId',
			),
			$today->remember
		);
		$this->assertNull( ( new StandaloneGeneration() )->admin_links() );
	}

	public function test_todays_data_machine_runs_through_its_run_flow_ability(): void {
		if ( ! function_exists( 'wp_register_ability' ) ) {
			$this->markTestSkipped( 'The Abilities API needs WordPress 6.9+ (today\'s Data Machine requires 7.0).' );
		}
		$inputs   = array();
		$answer   = array(
			'success'    => true,
			'flow_id'    => $this->flow_id,
			'job_id'     => 4242,
			'first_step' => 'step-uuid_' . $this->flow_id,
		);
		$callback = static function ( array $input ) use ( &$inputs, &$answer ) {
			$inputs[] = $input;
			return $answer;
		};
		$this->register_run_flow_ability( $callback );
		try {
			$this->act_as( 'administrator' );
			$execution = new CurrentExecution();
			$this->assertTrue( $execution->available() );

			$outcome = $execution->run_flow( $this->flow_id );
			$this->assertSame( array( array( 'flow_id' => $this->flow_id ) ), $inputs );
			$this->assertSame( 4242, $outcome->job_id );

			$answer  = array( 'success' => true, 'flow_id' => $this->flow_id, 'job_id' => null, 'first_step' => 'x', 'skipped' => true, 'reason' => 'empty_drain_queue' );
			$outcome = $execution->run_flow( $this->flow_id );
			$this->assertTrue( $outcome->skipped );
			$this->assertSame( 'empty_drain_queue', $outcome->message );

			$answer = new \WP_Error( 'flow_not_found', sprintf( 'Flow %d not found.', $this->flow_id ), array( 'status' => 404 ) );
			$error  = $execution->run_flow( $this->flow_id );
			$this->assertInstanceOf( \WP_Error::class, $error );
			$this->assertSame( "Flow {$this->flow_id} not found.", $error->get_error_message() );
			$this->assertSame( 'flow_not_found', $error->get_error_data()['data_machine_code'] );

			$this->act_as( 'editor' );
			$denied = $execution->run_flow( $this->flow_id );
			$this->assertInstanceOf( \WP_Error::class, $denied, 'Data Machine\'s own permission check applies' );
			$this->assertCount( 3, $inputs );
		} finally {
			wp_unregister_ability( CurrentExecution::ABILITY );
		}
	}

	public function test_without_the_run_flow_ability_nothing_is_asked_for_wrongly(): void {
		if ( ! function_exists( 'wp_get_ability' ) ) {
			$this->markTestSkipped( 'The Abilities API needs WordPress 6.9+ (today\'s Data Machine requires 7.0).' );
		}
		// Today's tables without Data Machine loaded (as on the e2e site): its ability is not registered.
		$wrong = array();
		$log   = static function ( string $function_name ) use ( &$wrong ): void {
			$wrong[] = $function_name;
		};
		add_action( 'doing_it_wrong_run', $log );
		try {
			$execution = new CurrentExecution();
			$this->assertFalse( $execution->available() );
			$this->assertSame( 'data_machine_inactive', $execution->run_flow( $this->flow_id )->get_error_code() );
		} finally {
			remove_action( 'doing_it_wrong_run', $log );
		}
		$this->assertSame( array(), $wrong, 'looking for a missing ability is not a _doing_it_wrong() notice' );
	}

	/**
	 * Registers datamachine/run-flow as today's Data Machine does (RunFlowAbility::registerAbility:
	 * category datamachine-jobs, flow_id required integer, job_id, initial_data, respect_paused).
	 */
	private function register_run_flow_ability( callable $execute ): void {
		global $wp_filter;
		$saved = array(
			'wp_abilities_api_categories_init' => $wp_filter['wp_abilities_api_categories_init'] ?? null,
			'wp_abilities_api_init'            => $wp_filter['wp_abilities_api_init'] ?? null,
		);
		// Only these registrations, inside the actions WordPress requires them in.
		unset( $wp_filter['wp_abilities_api_categories_init'], $wp_filter['wp_abilities_api_init'] );
		try {
			wp_get_abilities(); // The registries exist (and ran their own init) before ours.
			unset( $wp_filter['wp_abilities_api_categories_init'], $wp_filter['wp_abilities_api_init'] );
			if ( ! wp_has_ability_category( 'datamachine-jobs' ) ) {
				add_action(
					'wp_abilities_api_categories_init',
					static function (): void {
						wp_register_ability_category(
							'datamachine-jobs',
							array(
								'label'       => 'Jobs',
								'description' => 'Job execution.',
							)
						);
					}
				);
				do_action( 'wp_abilities_api_categories_init' );
			}
			add_action(
				'wp_abilities_api_init',
				static function () use ( $execute ): void {
					wp_register_ability(
						CurrentExecution::ABILITY,
						array(
							'label'               => 'Run Flow',
							'description'         => 'Execute a flow immediately.',
							'category'            => 'datamachine-jobs',
							'input_schema'        => array(
								'type'       => 'object',
								'required'   => array( 'flow_id' ),
								'properties' => array(
									'flow_id'        => array( 'type' => 'integer' ),
									'job_id'         => array( 'anyOf' => array( array( 'type' => 'integer' ), array( 'type' => 'null' ) ) ),
									'initial_data'   => array( 'type' => 'object' ),
									'respect_paused' => array( 'type' => 'boolean' ),
								),
							),
							'execute_callback'    => $execute,
							'permission_callback' => static fn (): bool => current_user_can( 'manage_options' ),
							'meta'                => array( 'show_in_rest' => false ),
						)
					);
				}
			);
			do_action( 'wp_abilities_api_init' );
		} finally {
			foreach ( $saved as $hook => $hooks ) {
				if ( null === $hooks ) {
					unset( $wp_filter[ $hook ] );
				} else {
					$wp_filter[ $hook ] = $hooks; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
				}
			}
		}
	}
}
