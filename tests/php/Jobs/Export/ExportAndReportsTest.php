<?php
/**
 * CSV/JSON export of every job matching the list's filters (streamed in keyset chunks) and the
 * per-pipeline summary report.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Jobs\Export;

use DMJobs\Jobs\Export\ExportStream;
use DMJobs\Operations\OperationParams;
use DMJobs\Tests\AdminTools\AdminToolsTestCase;
use DMJobs\Tests\Fixtures;

PHP_SAPI === 'cli' || exit;

require_once __DIR__ . '/../../AdminTools/AdminToolsTestCase.php';

final class ExportAndReportsTest extends AdminToolsTestCase {

	/**
	 * @param array<string, mixed> $params
	 */
	private function export( array $params ): string {
		$response = $this->admin_request( 'GET', '/export', $params );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$stream = $response->get_data();
		$this->assertInstanceOf( ExportStream::class, $stream );
		$out = fopen( 'php://memory', 'w+b' );
		$stream->write_to( $out );
		rewind( $out );
		$text = (string) stream_get_contents( $out );
		fclose( $out );
		return $text;
	}

	/**
	 * @return array<int, array<string, string>>
	 */
	private function parse_csv( string $csv ): array {
		$lines  = array_map( static fn ( string $line ): array => str_getcsv( $line, ',', '"', '' ), array_filter( explode( "\n", substr( $csv, 3 ) ) ) );
		$header = array_shift( $lines );
		return array_map( static fn ( array $row ): array => array_combine( $header, $row ), $lines );
	}

	public function test_csv_rows_are_exactly_the_filtered_list(): void {
		for ( $i = 0; $i < 1203; $i++ ) {
			$this->job( 0 === $i % 3 ? 'failed - timeout' : ( 1 === $i % 3 ? 'completed' : 'processing' ), '2026-02-10 10:00:00' );
		}
		$named = $this->job( 'failed', '2026-02-11 10:00:00', null, array( 'status_reason' => '=HYPERLINK("x")' ) );
		$filter = array( 'status' => array( 'failed', 'processing' ), 'after' => '2026-02-01T00:00:00Z' );

		$list_ids = array();
		for ( $page = 1; ; $page++ ) {
			$ids      = $this->ids( $this->admin_request( 'GET', '/jobs', $filter + array( 'per_page' => 100, 'page' => $page ) ) );
			$list_ids = array_merge( $list_ids, $ids );
			if ( count( $ids ) < 100 ) {
				break;
			}
		}
		sort( $list_ids );

		$rows = $this->parse_csv( $this->export( $filter + array( 'format' => 'csv' ) ) );
		$this->assertSame( $list_ids, array_map( 'intval', array_column( $rows, 'id' ) ), 'pending/processing included, order by ID' );
		$this->assertSame( ExportStream::CSV_COLUMNS, array_keys( $rows[0] ) );
		$this->assertSame( 'Admin tools pipeline', $rows[0]['pipeline_name'] );
		$last = end( $rows );
		$this->assertSame( (string) $named, $last['id'] );
		$this->assertSame( 'failed', $last['status'] );
		$this->assertSame( "'=HYPERLINK(\"x\")", $last['status_reason'], 'formula-like text is neutralised' );
		$this->assertSame( '2026-02-11T10:00:00Z', $last['created_at'] );
	}

	public function test_json_export_of_selected_ids_with_and_without_engine_data(): void {
		$a = $this->job( 'completed', self::OLD, null, array( 'engine_data' => '{"secret":"payload"}' ) );
		$b = $this->job( 'failed', self::OLD );
		$this->job( 'failed', self::OLD );

		$plain = json_decode( $this->export( array( 'format' => 'json', 'ids' => array( $b, $a ) ) ), true );
		$this->assertSame( array( $a, $b ), array_column( $plain, 'id' ) );
		$this->assertArrayNotHasKey( 'engine_data', $plain[0] );
		$this->assertStringNotContainsString( 'payload', wp_json_encode( $plain ) );

		$full = json_decode( $this->export( array( 'format' => 'json', 'ids' => array( $a ), 'include_engine_data' => true ) ), true );
		$this->assertSame( array( 'secret' => 'payload' ), $full[0]['engine_data'] );
		$this->assertSame( array(), json_decode( $this->export( array( 'format' => 'json', 'ids' => array( 999999999 ) ) ), true ) );
	}

	public function test_export_memory_stays_flat(): void {
		$rows = array();
		for ( $i = 0; $i < 6000; $i++ ) {
			$rows[] = array( 'pipeline_id' => $this->pipeline_id, 'flow_id' => $this->flow_id, 'status' => 'completed', 'engine_data' => str_repeat( 'e', 2000 ), 'created_at' => self::OLD, 'completed_at' => self::OLD );
		}
		( new \DMJobs\Jobs\Repository\JobRepository() )->insert_many( $rows );
		unset( $rows );
		$stream = new ExportStream( OperationParams::selection( array( 'include_active' => true ) ), 'csv' );
		$out    = fopen( 'php://temp/maxmemory:0', 'w+b' );
		$peak   = 0;
		$base   = memory_get_usage();
		$stream->write_to(
			$out,
			static function () use ( &$peak ): void {
				$peak = max( $peak, memory_get_usage() );
			}
		);
		fclose( $out );
		$this->assertSame( 6000, $stream->rows_written() );
		$this->assertLessThan( 8 * 1024 * 1024, $peak - $base, 'one chunk of 1,000 rows at a time, engine_data not read' );
	}

	public function test_bad_export_parameters(): void {
		foreach ( array( array( 'format', 'xml' ), array( 'status', array( 'exploded' ) ), array( 'ids', array( 0 ) ), array( 'after', 'soon' ) ) as [ $param, $value ] ) {
			$this->assertInvalidParam( $this->admin_request( 'GET', '/export', array( $param => $value ) ), $param );
		}
		$this->assertInvalidParam( $this->admin_request( 'GET', '/export', array( 'ids' => array( 1 ), 'status' => array( 'failed' ) ) ), 'ids' );
	}

	public function test_pipeline_report_counts_rates_and_durations(): void {
		$second = Fixtures::pipeline( 'Second pipeline' );
		$flow   = Fixtures::flow( $second, 'Second flow' );
		$in     = '2026-02-10 10:00:00';
		$done   = '2026-02-10 10:01:40'; // 100 s.
		Fixtures::job( $this->pipeline_id, $this->flow_id, 'completed', $in, $done );
		Fixtures::job( $this->pipeline_id, $this->flow_id, 'complete', $in, '2026-02-10 10:05:00' ); // 300 s.
		Fixtures::job( $this->pipeline_id, $this->flow_id, 'completed_no_items', $in, $done );
		Fixtures::job( $this->pipeline_id, $this->flow_id, 'failed - step_execut', $in, $done );
		Fixtures::job( $this->pipeline_id, $this->flow_id, 'cancelled', $in, $done );
		Fixtures::job( $this->pipeline_id, $this->flow_id, 'processing', $in );
		Fixtures::job( $second, $flow, 'failed: timeout', $in, $done );
		Fixtures::job( $second, $flow, 'completed', '2025-12-01 10:00:00', '2025-12-01 10:00:10' ); // Outside the range.

		$response = $this->admin_request( 'GET', '/reports/pipelines', array( 'after' => '2026-02-01T00:00:00Z', 'before' => '2026-02-28T23:59:59Z' ) );
		$this->assertSame( 200, $response->get_status() );
		$report = $response->get_data();
		$first  = $report['pipelines'][0];
		$this->assertSame( $this->pipeline_id, $first['pipeline_id'] );
		$this->assertSame( 6, $first['total'] );
		$this->assertSame( 5, $first['finished'] );
		$this->assertSame( 3, $first['succeeded'] );
		$this->assertSame( 1, $first['failed'] );
		$this->assertSame( 0.75, $first['success_rate'] );
		$this->assertSame( 140.0, $first['average_duration'] );
		$by_status = (array) $first['by_status'];
		ksort( $by_status );
		$this->assertSame( array( 'cancelled' => 1, 'completed' => 2, 'completed_no_items' => 1, 'failed' => 1, 'processing' => 1 ), $by_status );
		$this->assertSame( 'Second pipeline', $report['pipelines'][1]['pipeline_name'] );
		$this->assertSame( 0.0, $report['pipelines'][1]['success_rate'] );
		$this->assertSame( 7, $report['totals']['total'] );

		$this->assertInvalidParam( $this->admin_request( 'GET', '/reports/pipelines', array( 'after' => '2026-03-01T00:00:00Z', 'before' => '2026-02-01T00:00:00Z' ) ), 'before' );
	}
}
