<?php
/**
 * Today's Data Machine (datamachine_* tables), rows written the way its code writes them: waiting and
 * unknown statuses, direct/chat/system jobs named as Data Machine names them, reasons in
 * engine_data.job_status_reason, fan-out children, started-by user, and log lines in datamachine_logs
 * (job ID inside the JSON context, integer or string, written before DM Jobs was active).
 *
 * Runs in bin/test-php.sh's DM_JOBS_TEST_TABLES=datamachine pass (skipped over the dm_* tables).
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\DataMachine;

use DMJobs\DataMachine\Repository\DataMachineRowsRepository;
use DMJobs\Schema\Repository\TableNames;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class TodaysGenerationTest extends TestCase {

	private int $pipeline = 0;
	private int $flow     = 0;

	protected function setUp(): void {
		parent::setUp();
		if ( ! Fixtures::today() ) {
			$this->markTestSkipped( 'Runs over today\'s datamachine_* tables (DM_JOBS_TEST_TABLES=datamachine).' );
		}
		$this->pipeline = Fixtures::pipeline( 'Music events' );
		$this->flow     = Fixtures::flow( $this->pipeline, 'Venue feeds' );
	}

	/**
	 * A jobs row as Data Machine's Jobs::create_job() and status transitions leave it.
	 *
	 * @param array<string, mixed> $row Columns.
	 */
	private function dm_job( array $row ): int {
		( new DataMachineRowsRepository() )->insert_jobs(
			array(
				$row + array(
					'user_id'      => 0,
					'pipeline_id'  => (string) $this->pipeline,
					'flow_id'      => (string) $this->flow,
					'source'       => 'pipeline',
					'label'        => 'Venue feeds',
					'engine_data'  => '{}',
					'created_at'   => '2026-11-01 10:00:00',
					'completed_at' => null,
				),
			)
		);
		return ( new \DMJobs\Jobs\Repository\JobRepository() )->max_id();
	}

	/**
	 * @param array<string, mixed> $params
	 * @return array<int, array<string, mixed>>
	 */
	private function listed( array $params = array() ): array {
		$response = $this->admin_request( 'GET', '/jobs', $params + array( 'per_page' => 100 ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	private function item( int $job_id ): array {
		foreach ( $this->listed() as $item ) {
			if ( $item['id'] === $job_id ) {
				return $item;
			}
		}
		$this->fail( "Job {$job_id} is not listed." );
	}

	public function test_waiting_is_an_open_status_that_is_listed_counted_and_filtered(): void {
		$waiting = $this->dm_job( array( 'status' => 'waiting', 'engine_data' => '{"webhook_gate":{"token":"abc"}}' ) );
		$done    = $this->dm_job( array( 'status' => 'completed', 'completed_at' => '2026-11-01 10:00:09' ) );
		$legacy  = $this->dm_job( array( 'status' => 'pending_runtime_tool' ) );

		$item = $this->item( $waiting );
		$this->assertSame( 'waiting', $item['status'] );
		$this->assertFalse( $item['is_final'] );
		$this->assertNull( $item['completed_at'] );
		$this->assertSame( 'runtime_tool_request', $this->item( $legacy )['status_reason'], 'Data Machine reads pending_runtime_tool as waiting for a runtime tool' );

		$this->assertEqualsCanonicalizing( array( $waiting, $legacy ), $this->ids( $this->admin_request( 'GET', '/jobs', array( 'status' => 'waiting' ) ) ) );
		$this->assertSame( array( $done ), $this->ids( $this->admin_request( 'GET', '/jobs', array( 'status' => 'completed' ) ) ) );
		$counts = $this->admin_request( 'GET', '/jobs/counts' )->get_data();
		$this->assertSame( 2, $counts['by_status']['waiting'] );
		$this->assertSame( 3, $counts['total'] );
	}

	public function test_a_status_dm_jobs_does_not_know_is_shown_counted_and_filterable_as_itself(): void {
		$odd    = $this->dm_job( array( 'status' => 'quarantined - manual review' ) );
		$failed = $this->dm_job( array( 'status' => 'failed', 'completed_at' => '2026-11-01 10:00:09' ) );

		$item = $this->item( $odd );
		$this->assertSame( 'quarantined', $item['status'] );
		$this->assertFalse( $item['status_known'] );
		$this->assertSame( 'manual review', $item['status_reason'] );
		$this->assertSame( 'quarantined - manual review', $item['raw_status'] );

		$counts = $this->admin_request( 'GET', '/jobs/counts' )->get_data();
		$this->assertSame( 2, $counts['total'], 'the unknown job is counted, not dropped' );
		$this->assertSame( array( 'quarantined' => 1 ), (array) $counts['other_statuses'] );

		$this->assertSame( array( $odd ), $this->ids( $this->admin_request( 'GET', '/jobs', array( 'other_status' => 'quarantined' ) ) ) );
		$this->assertEqualsCanonicalizing( array( $odd, $failed ), $this->ids( $this->admin_request( 'GET', '/jobs', array( 'status' => 'failed', 'other_status' => 'quarantined' ) ) ) );
		$this->assertSame( array( $failed ), $this->ids( $this->admin_request( 'GET', '/jobs', array( 'status' => 'failed' ) ) ) );
		$this->assertInvalidParam( $this->admin_request( 'GET', '/jobs', array( 'other_status' => 'DROP TABLE' ) ), 'other_status' );
	}

	public function test_jobs_without_a_saved_pipeline_are_named_as_data_machine_names_them(): void {
		$system = $this->dm_job( array( 'pipeline_id' => 'direct', 'flow_id' => 'direct', 'source' => 'system', 'label' => 'Daily memory', 'status' => 'completed', 'completed_at' => '2026-11-01 10:00:04' ) );
		$chat   = $this->dm_job( array( 'pipeline_id' => null, 'flow_id' => null, 'source' => 'chat', 'label' => 'Chat: Summarise this week', 'status' => 'processing' ) );
		$saved  = $this->dm_job( array( 'status' => 'completed', 'completed_at' => '2026-11-01 10:00:04' ) );

		$item = $this->item( $system );
		$this->assertNull( $item['pipeline_id'] );
		$this->assertNull( $item['flow_id'] );
		$this->assertSame( 'Direct', $item['pipeline_name'] );
		$this->assertSame( 'Daily memory', $item['flow_name'] );
		$this->assertSame( 'system', $item['source'] );

		$item = $this->item( $chat );
		$this->assertSame( 'Chat', $item['pipeline_name'] );
		$this->assertSame( 'Chat: Summarise this week', $item['flow_name'] );

		$item = $this->item( $saved );
		$this->assertSame( $this->pipeline, $item['pipeline_id'] );
		$this->assertSame( 'Music events', $item['pipeline_name'] );
		$this->assertSame( 'Venue feeds', $item['flow_name'] );

		// Filters compare the text IDs exactly: "direct" and NULL never match a pipeline.
		$this->assertSame( array( $saved ), $this->ids( $this->admin_request( 'GET', '/jobs', array( 'pipeline_id' => $this->pipeline ) ) ) );
		$this->assertSame( array( $system ), $this->ids( $this->admin_request( 'GET', '/jobs', array( 'search' => 'Daily mem' ) ) ) );
		foreach ( array( 'pipeline', 'flow' ) as $orderby ) {
			$this->assertEqualsCanonicalizing( array( $system, $chat, $saved ), $this->ids( $this->admin_request( 'GET', '/jobs', array( 'orderby' => $orderby ) ) ), "sorted by {$orderby}" );
		}
		$detail = $this->admin_request( 'GET', "/jobs/{$system}" );
		$this->assertSame( 200, $detail->get_status() );
		$this->assertSame( array(), $detail->get_data()['config_checks'] ?? array(), 'no saved configuration to check' );
	}

	public function test_reasons_come_from_job_status_reason_and_are_searchable(): void {
		$skipped = $this->dm_job( array( 'status' => 'agent_skipped', 'engine_data' => '{"job_status_reason":"not a music event"}', 'completed_at' => '2026-11-01 10:00:02' ) );
		$old     = $this->dm_job( array( 'status' => 'failed - timeout', 'completed_at' => '2026-11-01 10:00:02' ) );

		$this->assertSame( 'not a music event', $this->item( $skipped )['status_reason'] );
		$this->assertSame( 'timeout', $this->item( $old )['status_reason'] );
		$this->assertSame( array( $skipped ), $this->ids( $this->admin_request( 'GET', '/jobs', array( 'search' => 'not a music' ) ) ) );

		// A status change through DM Jobs keeps Data Machine's shape: base status, reason in engine_data.
		$response = $this->admin_request( 'POST', "/jobs/{$old}/status", array( 'status' => 'failed', 'reason' => 'gave up' ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( 'failed', Fixtures::stored_status( $old ) );
		global $wpdb;
		$engine = json_decode( (string) $wpdb->get_var( $wpdb->prepare( 'SELECT engine_data FROM ' . TableNames::jobs() . ' WHERE job_id = %d', $old ) ), true );
		$this->assertSame( 'gave up', $engine['job_status_reason'] );
		$this->assertSame( 'gave up', $response->get_data()['status_reason'] );
	}

	public function test_parent_children_and_started_by_user(): void {
		$admin  = $this->users['administrator'];
		$parent = $this->dm_job( array( 'status' => 'completed', 'user_id' => $admin, 'completed_at' => '2026-11-01 10:00:09' ) );
		$first  = $this->dm_job( array( 'status' => 'completed', 'parent_job_id' => $parent, 'label' => 'Item 1: Jazz night', 'user_id' => $admin, 'completed_at' => '2026-11-01 10:00:05' ) );
		$second = $this->dm_job( array( 'status' => 'failed', 'parent_job_id' => $parent, 'label' => 'Item 2: Open mic', 'user_id' => $admin, 'completed_at' => '2026-11-01 10:00:06' ) );

		$item = $this->item( $second );
		$this->assertSame( $parent, $item['parent_job_id'] );
		$this->assertSame( 'Item 2: Open mic', $item['label'] );
		$this->assertSame( $admin, $item['user_id'] );

		$detail = $this->admin_request( 'GET', "/jobs/{$parent}" )->get_data();
		$this->assertSame( array( $first, $second ), $detail['child_job_ids'] );
		$this->assertSame( 2, $detail['child_count'] );
		$this->assertSame( get_userdata( $admin )->display_name, $detail['user_name'] );
	}

	public function test_logs_are_read_from_datamachine_logs_by_the_exact_job_id(): void {
		$one    = $this->dm_job( array( 'status' => 'failed', 'completed_at' => '2026-11-01 10:00:09' ) );
		$twelve = $one;
		for ( $i = 0; $i < 11; $i++ ) {
			$twelve = $this->dm_job( array( 'status' => 'completed', 'completed_at' => '2026-11-01 10:00:09' ) );
		}
		$lines = array(
			array( 'info', 'Pipeline execution started', array( 'job_id' => $one ) ),
			array( 'error', 'Step execution failed', array( 'job_id' => (string) $one, 'flow_step_id' => 'step_fetch', 'failure_reason' => 'timeout' ) ),
			array( 'info', 'Another job', array( 'job_id' => (int) ( $one . '2' ) ) ),
			array( 'info', 'Another job as text', array( 'job_id' => $one . '2' ) ),
			array( 'info', 'No job at all', array( 'flows' => 3 ) ),
			array( 'info', 'Not an ID', array( 'job_id' => $one . 'abc' ) ),
		);
		$rows  = array();
		foreach ( $lines as $index => [ $level, $message, $context ] ) {
			$rows[] = array(
				'level'      => $level,
				'message'    => $message,
				'context'    => (string) wp_json_encode( $context ),
				'created_at' => '2026-11-01 10:00:0' . $index,
			);
		}
		// Written straight into Data Machine's table, as before DM Jobs was active.
		( new DataMachineRowsRepository() )->insert_logs( $rows );

		$page = $this->admin_request( 'GET', "/jobs/{$one}/logs" );
		$this->assertSame( 200, $page->get_status(), (string) wp_json_encode( $page->get_data() ) );
		$items = $page->get_data()['items'] ?? $page->get_data();
		$this->assertSame( array( 'Pipeline execution started', 'Step execution failed' ), array_column( $items, 'message' ) );
		$this->assertSame( 'step_fetch', $items[1]['step'] );
		$this->assertSame( 'error', $items[1]['level'] );

		$errors = $this->admin_request( 'GET', "/jobs/{$one}/logs", array( 'level' => 'error' ) )->get_data();
		$this->assertSame( array( 'Step execution failed' ), array_column( $errors['items'] ?? $errors, 'message' ) );

		// A line appended through DM Jobs lands in Data Machine's table, shaped as its logger writes it.
		$added = $this->admin_request( 'POST', "/jobs/{$one}/logs", array( 'level' => 'warning', 'message' => 'Retry scheduled', 'step' => 'step_fetch' ) );
		$this->assertSame( 201, $added->get_status(), (string) wp_json_encode( $added->get_data() ) );
		global $wpdb;
		$stored = $wpdb->get_row( 'SELECT level, message, context FROM ' . TableNames::data_machine_logs() . ' ORDER BY id DESC LIMIT 1', ARRAY_A );
		$this->assertSame( 'warning', $stored['level'] );
		$this->assertSame( $one, json_decode( (string) $stored['context'], true )['job_id'] );
		$this->assertCount( 3, ( $this->admin_request( 'GET', "/jobs/{$one}/logs" )->get_data()['items'] ?? array() ) );
		$this->assertGreaterThan( 0, $twelve );

		// Deleting the job takes its lines out of Data Machine's table, and only its lines.
		$before = (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . TableNames::data_machine_logs() );
		$this->assertSame( 200, $this->admin_request( 'DELETE', "/jobs/{$one}" )->get_status() );
		$after = (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . TableNames::data_machine_logs() );
		$this->assertSame( $before - 3, $after );
		$left = $wpdb->get_col( 'SELECT message FROM ' . TableNames::data_machine_logs() . ' ORDER BY id' );
		$this->assertContains( 'Another job', $left );
		$this->assertContains( 'Another job as text', $left );
		$this->assertContains( 'Not an ID', $left );
	}

	public function test_logs_are_read_through_the_added_job_id_column_without_asking_the_schema(): void {
		if ( \DMJobs\Jobs\Repository\JobColumns::uses_sqlite() ) {
			$this->markTestSkipped( 'The indexed dm_job_id column exists on MySQL/MariaDB only.' );
		}
		$job = $this->dm_job( array( 'status' => 'failed', 'completed_at' => '2026-11-01 10:00:09' ) );
		( new DataMachineRowsRepository() )->insert_logs(
			array(
				array(
					'level'      => 'error',
					'message'    => 'Step execution failed',
					'context'    => (string) wp_json_encode( array( 'job_id' => $job ) ),
					'created_at' => '2026-11-01 10:00:05',
				),
			)
		);
		$asked   = array();
		$collect = static function ( string $sql ) use ( &$asked ): string {
			$asked[] = $sql;
			return $sql;
		};
		add_filter( 'query', $collect );
		$page = $this->admin_request( 'GET', "/jobs/{$job}/logs" );
		$list = $this->admin_request( 'GET', '/jobs', array( 'status' => 'failed' ) );
		remove_filter( 'query', $collect );

		$this->assertSame( array( 'Step execution failed' ), array_column( $page->get_data()['items'], 'message' ) );
		$this->assertSame( 200, $list->get_status() );
		$this->assertSame( array(), array_values( preg_grep( '/^\s*(SHOW|DESCRIBE)\s/i', $asked ) ), 'No schema question per request.' );
		$this->assertNotEmpty( preg_grep( '/dm_job_id AS job_id/', $asked ), 'Lines are found through the indexed column.' );
	}

	public function test_the_change_feed_sees_jobs_data_machine_writes_and_finishes(): void {
		$open  = $this->dm_job( array( 'status' => 'waiting' ) );
		$token = $this->admin_request( 'GET', '/jobs/changes' )->get_data()['token'];
		$this->assertFalse( $this->admin_request( 'GET', '/jobs/changes', array( 'token' => $token ) )->get_data()['changed'] );

		global $wpdb;
		$wpdb->update( TableNames::jobs(), array( 'status' => 'completed', 'completed_at' => '2026-11-01 10:01:00' ), array( 'job_id' => $open ) );
		$after_finish = $this->admin_request( 'GET', '/jobs/changes', array( 'token' => $token ) )->get_data();
		$this->assertTrue( $after_finish['changed'] );

		$this->dm_job( array( 'pipeline_id' => 'direct', 'flow_id' => 'direct', 'source' => 'system', 'status' => 'pending' ) );
		$after_new = $this->admin_request( 'GET', '/jobs/changes', array( 'token' => $after_finish['token'], 'since_id' => $open ) )->get_data();
		$this->assertTrue( $after_new['changed'] );
		$this->assertSame( 1, $after_new['new_jobs'] );
	}
}
