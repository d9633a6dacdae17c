<?php
/**
 * The audit trail: job events through the API (with who did it), filters over REST, no route that
 * changes it, and a system actor for code running without a user.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Audit;

use DMJobs\Tests\AdminTools\AdminToolsTestCase;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/../AdminTools/AdminToolsTestCase.php';

final class AuditTrailTest extends AdminToolsTestCase {

	public function test_job_events_are_recorded_with_their_actor(): void {
		$created = $this->admin_request( 'POST', '/jobs', array( 'pipeline_id' => $this->pipeline_id, 'flow_id' => $this->flow_id ) )->get_data();
		$this->admin_request( 'POST', "/jobs/{$created['id']}/status", array( 'status' => 'failed', 'reason' => 'timeout' ) );
		wp_set_current_user( 0 );
		$by_code = dm_jobs_create_job( array( 'pipeline_id' => $this->pipeline_id, 'flow_id' => $this->flow_id, 'status' => 'processing' ) );
		$this->admin_request( 'DELETE', "/jobs/{$created['id']}" );

		$entries = $this->audit_entries( array( 'category' => 'job' ) );
		$this->assertSame( array( 'job.deleted', 'job.created', 'job.status_changed', 'job.created' ), array_column( $entries, 'action' ) );
		$this->assertSame( array( $created['id'], $by_code['id'], $created['id'], $created['id'] ), array_column( $entries, 'job_id' ) );
		$this->assertSame( 'system', $entries[1]['actor']['type'] );
		$this->assertNull( $entries[1]['actor']['login'] );
		$this->assertSame( array( 'type' => 'user', 'user_id' => $this->users['administrator'], 'login' => 'dm_jobs_test_administrator' ), $entries[2]['actor'] );
		$this->assertSame( array( 'from' => 'pending', 'to' => 'failed', 'reason' => 'timeout' ), $entries[2]['params'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $entries[0]['created_at'] );
	}

	public function test_filters_and_paging(): void {
		$this->admin_request( 'POST', '/jobs', array( 'pipeline_id' => $this->pipeline_id, 'flow_id' => $this->flow_id ) );
		$this->act_as( 'editor' );
		$editor_job = dm_jobs_create_job( array( 'pipeline_id' => $this->pipeline_id, 'flow_id' => $this->flow_id ) );
		$this->admin_request( 'POST', '/retention', array( 'completed_days' => 12 ) );

		$this->assertCount( 1, $this->audit_entries( array( 'user_id' => $this->users['editor'] ) ) );
		$this->assertCount( 1, $this->audit_entries( array( 'job_id' => $editor_job['id'] ) ) );
		$this->assertCount( 1, $this->audit_entries( array( 'category' => 'retention' ) ) );
		$this->assertCount( 2, $this->audit_entries( array( 'action' => 'job.created' ) ) );
		$this->assertCount( 0, $this->audit_entries( array( 'actor' => 'system' ) ) );
		$this->assertCount( 0, $this->audit_entries( array( 'before' => '2001-01-01T00:00:00Z' ) ) );

		$page = $this->admin_request( 'GET', '/audit', array( 'per_page' => 2, 'page' => 1 ) );
		$this->assertSame( '3', (string) $page->get_headers()['X-WP-Total'] );
		$this->assertSame( '2', (string) $page->get_headers()['X-WP-TotalPages'] );
		$this->assertContains( 'job.created', $this->admin_request( 'GET', '/audit/actions' )->get_data() );
	}

	public function test_there_is_no_way_to_change_the_trail_over_rest(): void {
		$this->admin_request( 'POST', '/retention', array( 'completed_days' => 12 ) );
		$id = $this->audit_entries()[0]['id'];
		foreach ( array( 'POST', 'PUT', 'DELETE' ) as $method ) {
			$this->assertSame( 404, $this->admin_request( $method, '/audit' )->get_status(), $method );
			$this->assertSame( 404, $this->admin_request( $method, "/audit/{$id}" )->get_status(), $method );
		}
		$this->assertCount( 1, $this->audit_entries() );
	}

	public function test_bad_filters_are_refused(): void {
		foreach ( array( array( 'action', 'DROP TABLE' ), array( 'category', 'nope' ), array( 'actor', 'robot' ), array( 'per_page', 500 ), array( 'after', 'yesterday' ), array( 'user_id', 0 ) ) as [ $param, $value ] ) {
			$this->assertInvalidParam( $this->admin_request( 'GET', '/audit', array( $param => $value ) ), $param );
		}
		$this->assertInvalidParam( $this->admin_request( 'GET', '/audit', array( 'after' => '2026-02-02T00:00:00Z', 'before' => '2026-02-01T00:00:00Z' ) ), 'before' );
	}
}
