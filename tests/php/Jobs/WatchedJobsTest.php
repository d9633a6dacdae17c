<?php
/**
 * GET /jobs/changes?watch[]=…: the jobs a screen watches come back with every poll, so it can
 * announce when they finish without a polling loop of its own.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Jobs;

use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class WatchedJobsTest extends TestCase {

	public function test_watched_jobs_come_back_with_each_poll(): void {
		global $wpdb;
		$pipeline = Fixtures::pipeline( 'Watch' );
		$flow     = Fixtures::flow( $pipeline, 'Watched flow' );
		$running  = Fixtures::job( $pipeline, $flow, 'processing', '2026-12-06 05:00:00' );
		$other    = Fixtures::job( $pipeline, $flow, 'pending', '2026-12-06 05:00:00' );
		$token    = $this->admin_request( 'GET', '/jobs/changes' )->get_data()['token'];

		$quiet = $this->admin_request( 'GET', '/jobs/changes', array( 'token' => $token ) )->get_data();
		$this->assertArrayNotHasKey( 'watched', $quiet, 'nothing watched: the lean answer' );

		$answer = $this->admin_request( 'GET', '/jobs/changes', array( 'token' => $token, 'watch' => array( $running, 99999999 ) ) )->get_data();
		$this->assertFalse( $answer['changed'] );
		$this->assertSame( array( $running ), array_column( $answer['watched'], 'id' ), 'missing jobs are left out' );
		$this->assertSame( 'processing', $answer['watched'][0]['status'] );
		$this->assertSame( 'Watched flow', $answer['watched'][0]['flow_name'] );

		// Data Machine finishes the job by writing the row.
		$wpdb->update( \DMJobs\Schema\Repository\TableNames::jobs(), array( 'status' => 'failed - timeout', 'completed_at' => '2026-12-06 05:01:00' ), array( 'job_id' => $running ) );
		$answer = $this->admin_request( 'GET', '/jobs/changes', array( 'token' => $token, 'watch' => (string) $running . ',' . $other ) )->get_data();
		$this->assertTrue( $answer['changed'] );
		$this->assertSame( array( 'failed', 'pending' ), array_column( $answer['watched'], 'status' ) );
		$this->assertSame( 'timeout', $answer['watched'][0]['status_reason'] );
		$this->assertSame( 60, $answer['watched'][0]['duration'] );
	}

	public function test_watch_is_validated(): void {
		$this->assertInvalidParam( $this->admin_request( 'GET', '/jobs/changes', array( 'watch' => array( 0 ) ) ), 'watch' );
		$this->assertInvalidParam( $this->admin_request( 'GET', '/jobs/changes', array( 'watch' => 'x' ) ), 'watch' );
		$this->assertInvalidParam( $this->admin_request( 'GET', '/jobs/changes', array( 'watch' => range( 1, 51 ) ) ), 'watch' );
	}
}
