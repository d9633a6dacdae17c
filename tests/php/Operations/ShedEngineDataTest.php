<?php
/**
 * Shedding engine_data of old finished jobs: cleared for the completed family, failed/cancelled
 * keep their error_* keys, pending/processing and recent jobs untouched.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Operations;

use DMJobs\Tests\AdminTools\AdminToolsTestCase;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/../AdminTools/AdminToolsTestCase.php';

final class ShedEngineDataTest extends AdminToolsTestCase {

	private function engine_data( int $job_id ): ?string {
		global $wpdb;
		return $wpdb->get_var( $wpdb->prepare( "SELECT engine_data FROM " . \DMJobs\Schema\Repository\TableNames::jobs() . " WHERE job_id = %d", $job_id ) );
	}

	public function test_sheds_finished_jobs_and_keeps_error_details(): void {
		$big       = (string) wp_json_encode( array( 'items' => str_repeat( 'x', 5000 ), 'step' => 2 ) );
		$completed = $this->job( 'completed - ok', self::OLD, null, array( 'engine_data' => $big ) );
		$skipped   = $this->job( 'agent_skipped', self::OLD, null, array( 'engine_data' => serialize( array( 'a' => 1 ) ) ) );
		$failed    = $this->job(
			'failed - step_execut',
			self::OLD,
			null,
			array(
				'engine_data' => (string) wp_json_encode(
					array(
						'items'         => str_repeat( 'y', 3000 ),
						'error_message' => 'HTTP 500',
						'error_step_id' => 'step-2',
					)
				),
			)
		);
		$processing = $this->job( 'processing', self::OLD, null, array( 'engine_data' => $big ) );
		$recent     = $this->job( 'completed', $this->days_ago( 1 ), null, array( 'engine_data' => $big ) );

		[ $preview ] = $this->perform( 'shed_engine_data', array( 'older_than_days' => 30 ) );
		$this->assertSame( 3, $preview['count'] );
		$this->assertGreaterThan( 8000, ( (array) $preview['details'] )['bytes'] );

		$this->assertNull( $this->engine_data( $completed ) );
		$this->assertNull( $this->engine_data( $skipped ) );
		$this->assertSame( array( 'error_message' => 'HTTP 500', 'error_step_id' => 'step-2' ), json_decode( (string) $this->engine_data( $failed ), true ) );
		$this->assertSame( $big, $this->engine_data( $processing ) );
		$this->assertSame( $big, $this->engine_data( $recent ) );

		$detail = $this->admin_request( 'GET', "/jobs/{$failed}" )->get_data();
		$this->assertSame( 'HTTP 500', $detail['failure']['message'] );

		// A second run finds the failed job's error keys and leaves them as they are.
		$again = $this->run_to_end( $this->start( 'shed_engine_data', array( 'older_than_days' => 30 ), $this->preview( 'shed_engine_data', array( 'older_than_days' => 30 ) ) )['id'] );
		$this->assertSame( 0, $again['affected'] );
	}

	public function test_needs_an_age(): void {
		$response = $this->assertUnchangedAfter( fn () => $this->admin_request( 'POST', '/operations', array( 'type' => 'shed_engine_data', 'dry_run' => true ) ) );
		$this->assertInvalidParam( $response, 'older_than_days' );
		$response = $this->assertUnchangedAfter( fn () => $this->admin_request( 'POST', '/operations', array( 'type' => 'shed_engine_data', 'older_than_days' => 5, 'statuses' => array( 'pending' ), 'confirm_count' => 0 ) ) );
		$this->assertInvalidParam( $response, 'statuses' );
	}
}
