<?php
/**
 * GET/POST /jobs/{id}/logs and the export: roles, validation, filters, cursor paging, export content.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Logs;

use DMJobs\Logs\LogExportResponse;
use DMJobs\Logs\LogService;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class LogsRestTest extends TestCase {

	private int $job_id;

	protected function setUp(): void {
		parent::setUp();
		LogService::forget_known_jobs();
		$pipeline     = Fixtures::pipeline( 'Logs' );
		$flow         = Fixtures::flow( $pipeline, 'Daily' );
		$this->job_id = Fixtures::job( $pipeline, $flow, 'processing', '2026-01-01 00:00:00' );
	}

	private function append( string $level, string $message, array $extra = array() ): \WP_REST_Response {
		return $this->request( 'POST', '/jobs/' . $this->job_id . '/logs', array( 'level' => $level, 'message' => $message ) + $extra );
	}

	/**
	 * @return array<int, array<string, mixed>>
	 */
	private function items( \WP_REST_Response $response ): array {
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response->get_data()['items'];
	}

	public function test_append_and_read_by_role(): void {
		foreach ( array( 'anonymous' => 401, 'subscriber' => 403, 'editor' => 403 ) as $role => $status ) {
			$this->act_as( $role );
			$this->assertSame( $status, $this->append( 'info', 'nope' )->get_status(), $role . ' appending' );
			$this->assertSame( $status, $this->request( 'GET', '/jobs/' . $this->job_id . '/logs' )->get_status(), $role . ' reading' );
			$this->assertSame( $status, $this->request( 'GET', '/jobs/' . $this->job_id . '/logs/export' )->get_status(), $role . ' exporting' );
		}

		$this->act_as( 'administrator' );
		$created = $this->append( 'warning', 'Feed was slow', array( 'step' => 'fetch', 'context' => array( 'http_status' => 200, 'ms' => 2900 ) ) );
		$this->assertSame( 201, $created->get_status(), (string) wp_json_encode( $created->get_data() ) );
		$line = $created->get_data();
		$this->assertSame( 'warning', $line['level'] );
		$this->assertSame( 'fetch', $line['step'] );
		$this->assertSame( 'Feed was slow', $line['message'] );
		$this->assertSame( array( 'http_status' => 200, 'ms' => 2900 ), $line['context'] );
		$this->assertSame( 200, $line['http_status'] );
		$this->assertFalse( $line['truncated'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $line['created_at'] );

		$items = $this->items( $this->request( 'GET', '/jobs/' . $this->job_id . '/logs' ) );
		$this->assertSame( array( $line ), $items );
	}

	public function test_validation(): void {
		$this->act_as( 'administrator' );
		$this->assertInvalidParam( $this->append( 'loud', 'x' ), 'level' );
		$this->assertInvalidParam( $this->append( 'info', '' ), 'message' );
		$this->assertInvalidParam( $this->append( 'info', str_repeat( 'é', LogService::MAX_MESSAGE_CHARS + 1 ) ), 'message' );
		$this->assertInvalidParam( $this->append( 'info', 'x', array( 'step' => str_repeat( 's', 101 ) ) ), 'step' );
		$this->assertInvalidParam( $this->append( 'info', 'x', array( 'context' => array( 'blob' => str_repeat( 'a', LogService::MAX_CONTEXT_BYTES ) ) ) ), 'context' );
		$this->assertInvalidParam( $this->append( 'info', 'x', array( 'context' => 'not an object' ) ), 'context' );
		$this->assertInvalidParam( $this->request( 'GET', '/jobs/' . $this->job_id . '/logs', array( 'level' => 'loud' ) ), 'level' );
		$this->assertInvalidParam( $this->request( 'GET', '/jobs/' . $this->job_id . '/logs', array( 'per_page' => 1001 ) ), 'per_page' );
		$this->assertInvalidParam( $this->request( 'GET', '/jobs/' . $this->job_id . '/logs', array( 'after' => 1, 'before' => 5 ) ), 'before' );
		$this->assertInvalidParam( $this->request( 'GET', '/jobs/' . $this->job_id . '/logs/export', array( 'format' => 'html' ) ), 'format' );
		// Nothing was written.
		$this->assertSame( array(), $this->items( $this->request( 'GET', '/jobs/' . $this->job_id . '/logs' ) ) );

		// The longest allowed message is kept whole.
		$longest = $this->append( 'info', str_repeat( 'é', LogService::MAX_MESSAGE_CHARS ) );
		$this->assertSame( 201, $longest->get_status() );
		$this->assertSame( LogService::MAX_MESSAGE_CHARS, mb_strlen( $longest->get_data()['message'] ) );

		$this->assertSame( 404, $this->request( 'POST', '/jobs/999999/logs', array( 'level' => 'info', 'message' => 'x' ) )->get_status() );
		$this->assertSame( 404, $this->request( 'GET', '/jobs/999999/logs' )->get_status() );
		$this->assertSame( 404, $this->request( 'GET', '/jobs/999999/logs/export' )->get_status() );
	}

	public function test_level_filter_and_escaped_search(): void {
		$this->act_as( 'administrator' );
		$this->append( 'debug', 'Fetching https://example.com/feed' );
		$this->append( 'error', 'Got 100% of nothing' );
		$this->append( 'error', 'Got 1000 items' );
		$this->append( 'critical', 'Publish failed', array( 'step' => 'publish_step' ) );

		$route  = '/jobs/' . $this->job_id . '/logs';
		$levels = array_column( $this->items( $this->request( 'GET', $route, array( 'level' => 'error,critical' ) ) ), 'level' );
		$this->assertSame( array( 'error', 'error', 'critical' ), $levels );

		// "%" and "_" are literal characters in the search, not LIKE wildcards.
		$this->assertSame( array( 'Got 100% of nothing' ), array_column( $this->items( $this->request( 'GET', $route, array( 'search' => '100%' ) ) ), 'message' ) );
		$this->assertSame( array( 'Publish failed' ), array_column( $this->items( $this->request( 'GET', $route, array( 'search' => 'h_s' ) ) ), 'message' ) );
		$this->assertSame( array(), $this->items( $this->request( 'GET', $route, array( 'search' => '1_0' ) ) ) );
		$this->assertSame( array( 'Got 1000 items' ), array_column( $this->items( $this->request( 'GET', $route, array( 'search' => 'got 1000', 'level' => array( 'error' ) ) ) ), 'message' ) );
	}

	public function test_cursor_paging_has_no_gaps_or_repeats_while_lines_are_appended(): void {
		$this->act_as( 'administrator' );
		$other = Fixtures::job( 1, 1, 'processing', '2026-01-01 00:00:00' );
		for ( $i = 1; $i <= 25; $i++ ) {
			$this->append( 0 === $i % 5 ? 'error' : 'info', 'line ' . $i );
			// Another job's lines interleave in the table.
			dm_jobs_log( $other, 'info', 'other ' . $i );
		}

		$route    = '/jobs/' . $this->job_id . '/logs';
		$seen     = array();
		$cursor   = null;
		$appended = 25;
		$pages    = 0;
		do {
			$params = array( 'per_page' => 7 );
			if ( null !== $cursor ) {
				$params['after'] = $cursor;
			}
			$page = $this->request( 'GET', $route, $params )->get_data();
			foreach ( $page['items'] as $item ) {
				$seen[] = $item['message'];
			}
			$cursor = $page['next_cursor'];
			// Lines keep arriving while the reader pages through.
			if ( $appended < 40 ) {
				for ( $i = 0; $i < 3; $i++ ) {
					$this->append( 'info', 'line ' . ( ++$appended ) );
				}
			}
			++$pages;
		} while ( $page['has_more'] && $pages < 50 );

		$expected = array_map( static fn ( int $i ): string => 'line ' . $i, range( 1, $appended ) );
		$this->assertSame( $expected, $seen, 'every line exactly once, in order' );

		// Live tail: nothing new keeps the cursor where it was; a new line comes next.
		$tail = $this->request( 'GET', $route, array( 'after' => $cursor ) )->get_data();
		$this->assertSame( array(), $tail['items'] );
		$this->assertSame( $cursor, $tail['next_cursor'] );
		$this->append( 'notice', 'late line' );
		$tail = $this->request( 'GET', $route, array( 'after' => $cursor ) )->get_data();
		$this->assertSame( array( 'late line' ), array_column( $tail['items'], 'message' ) );

		// Filtered paging by level, also gap-free.
		$errors = array();
		$cursor = 0;
		do {
			$page = $this->request( 'GET', $route, array( 'per_page' => 2, 'after' => $cursor, 'level' => 'error' ) )->get_data();
			array_push( $errors, ...array_column( $page['items'], 'message' ) );
			$cursor = $page['next_cursor'];
		} while ( $page['has_more'] );
		$this->assertSame( array( 'line 5', 'line 10', 'line 15', 'line 20', 'line 25' ), $errors );

		// Several levels, forwards and backwards: merged in order, nothing lost.
		$this->append( 'warning', 'warn A' );
		$this->append( 'warning', 'warn B' );
		$expected = array( 'line 5', 'line 10', 'line 15', 'line 20', 'line 25', 'warn A', 'warn B' );
		$forward  = array();
		$cursor   = 0;
		do {
			$page = $this->request( 'GET', $route, array( 'per_page' => 3, 'after' => $cursor, 'level' => 'warning,error' ) )->get_data();
			array_push( $forward, ...array_column( $page['items'], 'message' ) );
			$cursor = $page['next_cursor'];
		} while ( $page['has_more'] );
		$this->assertSame( $expected, $forward );

		$page     = $this->request( 'GET', $route, array( 'per_page' => 3, 'tail' => true, 'level' => 'error,warning' ) )->get_data();
		$backward = array_column( $page['items'], 'message' );
		while ( $page['has_older'] ) {
			$page     = $this->request( 'GET', $route, array( 'per_page' => 3, 'before' => $page['prev_cursor'], 'level' => 'error,warning' ) )->get_data();
			$backward = array_merge( array_column( $page['items'], 'message' ), $backward );
		}
		$this->assertSame( $expected, $backward );
	}

	public function test_tail_and_backward_paging(): void {
		$this->act_as( 'administrator' );
		for ( $i = 1; $i <= 12; $i++ ) {
			$this->append( 'info', 'line ' . $i );
		}
		$route = '/jobs/' . $this->job_id . '/logs';
		$tail  = $this->request( 'GET', $route, array( 'tail' => true, 'per_page' => 5 ) )->get_data();
		$this->assertSame( array( 'line 8', 'line 9', 'line 10', 'line 11', 'line 12' ), array_column( $tail['items'], 'message' ) );
		$this->assertTrue( $tail['has_older'] );

		$seen   = array_column( $tail['items'], 'message' );
		$before = $tail['prev_cursor'];
		do {
			$page = $this->request( 'GET', $route, array( 'before' => $before, 'per_page' => 5 ) )->get_data();
			$seen = array_merge( array_column( $page['items'], 'message' ), $seen );
			$before = $page['prev_cursor'];
		} while ( $page['has_older'] );
		$this->assertSame( array_map( static fn ( int $i ): string => 'line ' . $i, range( 1, 12 ) ), $seen );
	}

	public function test_export_text_and_json(): void {
		$this->act_as( 'administrator' );
		$this->append( 'info', 'Fetched 3 items', array( 'step' => 'fetch' ) );
		$this->append( 'error', "Publish failed\n#0 trace line", array( 'context' => array( 'post' => '<b>x</b>' ) ) );
		$this->append( 'debug', 'Done' );

		$route    = '/jobs/' . $this->job_id . '/logs/export';
		$response = $this->request( 'GET', $route, array( 'format' => 'text' ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertInstanceOf( LogExportResponse::class, $response );
		$headers = $response->get_headers();
		$this->assertSame( 'text/plain; charset=utf-8', $headers['Content-Type'] );
		$this->assertSame( 'attachment; filename="dm-job-' . $this->job_id . '-log.txt"', $headers['Content-Disposition'] );
		$this->assertSame( 'nosniff', $headers['X-Content-Type-Options'] );

		$text  = $this->stream( $response );
		$lines = explode( "\n", rtrim( $text, "\n" ) );
		$this->assertStringStartsWith( '# DM Jobs log of job ' . $this->job_id . ' (Logs → Daily), status processing', $lines[0] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ INFO     \[fetch\] Fetched 3 items$/', $lines[1] );
		$this->assertStringEndsWith( 'ERROR    Publish failed', $lines[2] );
		$this->assertSame( '    #0 trace line {"post":"<b>x</b>"}', $lines[3] );
		$this->assertStringEndsWith( 'DEBUG    Done', $lines[4] );
		$this->assertSame( '# 3 lines', $lines[5] );

		$json = $this->request( 'GET', $route, array( 'format' => 'json', 'level' => 'error,info' ) );
		$this->assertSame( 'application/json; charset=utf-8', $json->get_headers()['Content-Type'] );
		$this->assertStringEndsWith( '-log.json"', $json->get_headers()['Content-Disposition'] );
		$decoded = json_decode( $this->stream( $json ), true );
		$this->assertIsArray( $decoded );
		$this->assertSame( $this->job_id, $decoded['job']['id'] );
		$this->assertSame( array( 'error', 'info' ), $decoded['filters']['level'] );
		$this->assertSame( array( 'Fetched 3 items', "Publish failed\n#0 trace line" ), array_column( $decoded['lines'], 'message' ) );
		$this->assertSame( array( 'post' => '<b>x</b>' ), $decoded['lines'][1]['context'] );
	}

	public function test_export_streams_many_lines_in_pages(): void {
		$this->act_as( 'administrator' );
		for ( $i = 1; $i <= 2100; $i++ ) {
			dm_jobs_log( $this->job_id, 'info', 'line ' . $i );
		}
		$chunks   = array();
		$response = $this->request( 'GET', '/jobs/' . $this->job_id . '/logs/export', array( 'format' => 'json' ) );
		$this->assertInstanceOf( LogExportResponse::class, $response );
		$count   = $response->stream(
			static function ( string $chunk ) use ( &$chunks ): void {
				$chunks[] = $chunk;
			}
		);
		$this->assertSame( 2100, $count );
		$this->assertGreaterThanOrEqual( 5, count( $chunks ), 'written a page at a time' );
		$decoded = json_decode( implode( '', $chunks ), true );
		$this->assertCount( 2100, $decoded['lines'] );
		$this->assertSame( 'line 2100', $decoded['lines'][2099]['message'] );
	}

	private function stream( \WP_REST_Response $response ): string {
		$this->assertInstanceOf( LogExportResponse::class, $response );
		$output = '';
		$response->stream(
			static function ( string $chunk ) use ( &$output ): void {
				$output .= $chunk;
			}
		);
		return $output;
	}
}
