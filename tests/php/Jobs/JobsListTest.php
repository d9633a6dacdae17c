<?php
/**
 * GET /jobs and GET /jobs/{id}: every parameter, compound statuses, and bad input.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Jobs;

use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class JobsListTest extends TestCase {

	/**
	 * @var array<int, int> fixture number => job ID
	 */
	private array $job = array();
	private int $alpha;
	private int $beta;
	private int $morning;
	private int $evening;
	private int $catalogue;

	protected function setUp(): void {
		parent::setUp();
		$this->alpha     = Fixtures::pipeline( 'Alpha News' );
		$this->beta      = Fixtures::pipeline( 'Beta Shop' );
		$this->morning   = Fixtures::flow( $this->alpha, 'Morning' );
		$this->evening   = Fixtures::flow( $this->alpha, 'Evening' );
		$this->catalogue = Fixtures::flow( $this->beta, 'Catalogue' );

		$rows = array(
			1  => array( $this->alpha, $this->morning, 'completed', '2026-03-01 10:00:00', '2026-03-01 10:05:00' ),
			2  => array( $this->alpha, $this->evening, 'failed - timeout', '2026-03-02 10:00:00', '2026-03-02 10:01:00' ),
			3  => array( $this->beta, $this->catalogue, 'failed', '2026-03-03 10:00:00', '2026-03-03 10:00:10' ),
			4  => array( $this->beta, $this->catalogue, 'completed_no_items', '2026-03-04 10:00:00', '2026-03-04 10:00:20' ),
			5  => array( $this->alpha, $this->morning, 'running', '2026-03-05 10:00:00', null ),
			6  => array( $this->alpha, $this->morning, 'failed: http_500', '2026-03-06 10:00:00', '2026-03-06 10:00:05' ),
			7  => array( $this->beta, $this->catalogue, 'complete', '2026-03-07 10:00:00', '2026-03-07 10:16:40' ),
			8  => array( $this->beta, $this->catalogue, 'pending', '2026-03-08 10:00:00', null ),
			9  => array( $this->alpha, $this->evening, 'completed_with_error', '2026-03-09 10:00:00', '2026-03-09 10:00:30' ),
			10 => array( $this->alpha, $this->morning, 'agent_skipped', '2026-03-09 10:00:00', '2026-03-09 10:00:30' ),
			11 => array( $this->beta, $this->catalogue, 'cancelled', '2026-03-10 10:00:00', '2026-03-10 10:00:02' ),
		);
		foreach ( $rows as $number => $row ) {
			$this->job[ $number ] = Fixtures::job( ...$row );
		}
	}

	/**
	 * @param int[] $numbers Fixture numbers.
	 * @return int[] Job IDs.
	 */
	private function jobs( array $numbers ): array {
		return array_map( fn ( int $number ): int => $this->job[ $number ], $numbers );
	}

	public function test_default_list_is_newest_first_with_totals(): void {
		$response = $this->admin_request( 'GET', '/jobs' );
		$this->assertSame( $this->jobs( array( 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 ) ), $this->ids( $response ) );
		$this->assertSame( '11', (string) $response->get_headers()['X-WP-Total'] );
		$this->assertSame( '1', (string) $response->get_headers()['X-WP-TotalPages'] );
	}

	public function test_paging(): void {
		$response = $this->admin_request( 'GET', '/jobs', array( 'per_page' => 3, 'page' => 2 ) );
		$this->assertSame( $this->jobs( array( 8, 7, 6 ) ), $this->ids( $response ) );
		$this->assertSame( '4', (string) $response->get_headers()['X-WP-TotalPages'] );

		$last = $this->admin_request( 'GET', '/jobs', array( 'per_page' => 3, 'page' => 4 ) );
		$this->assertSame( $this->jobs( array( 2, 1 ) ), $this->ids( $last ) );
		$this->assertSame( array(), $this->ids( $this->admin_request( 'GET', '/jobs', array( 'per_page' => 3, 'page' => 5 ) ) ) );
	}

	public function test_item_shape_without_engine_data(): void {
		$items = $this->admin_request( 'GET', '/jobs', array( 'search' => (string) $this->job[2] ) )->get_data();
		$item  = current( array_filter( $items, fn ( array $candidate ): bool => $candidate['id'] === $this->job[2] ) );
		$this->assertSame(
			array(
				'id'            => $this->job[2],
				'pipeline_id'   => $this->alpha,
				'pipeline_name' => 'Alpha News',
				'flow_id'       => $this->evening,
				'flow_name'     => 'Evening',
				'status'        => 'failed',
				'status_known'  => true,
				'status_reason' => 'timeout',
				'raw_status'    => 'failed - timeout',
				'source'        => Fixtures::today() ? 'pipeline' : null,
				'label'         => null,
				'parent_job_id' => null,
				'user_id'       => null,
				'is_final'      => true,
				'is_stuck'      => false,
				'created_at'    => '2026-03-02T10:00:00Z',
				'completed_at'  => '2026-03-02T10:01:00Z',
				'duration'      => 60,
				'error_summary' => null,
			),
			array_diff_key( $item, array( '_links' => true ) )
		);
		$this->assertArrayNotHasKey( 'engine_data', $item );
		$this->assertStringEndsWith( '/dm-jobs/v1/jobs/' . $this->job[2], $item['_links']['self'][0]['href'] );

		$running = $this->admin_request( 'GET', '/jobs', array( 'status' => 'processing' ) )->get_data()[0];
		$this->assertSame( 'processing', $running['status'] );
		$this->assertFalse( $running['is_final'] );
		$this->assertNull( $running['completed_at'] );
		$this->assertNull( $running['duration'] );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: int[]}>
	 */
	public static function filters(): array {
		return array(
			'failed includes compound'     => array( array( 'status' => 'failed' ), array( 6, 3, 2 ) ),
			'completed includes legacy'    => array( array( 'status' => 'completed' ), array( 9, 7, 1 ) ),
			'processing includes running'  => array( array( 'status' => 'processing' ), array( 5 ) ),
			'comma list'                   => array( array( 'status' => 'failed,pending' ), array( 8, 6, 3, 2 ) ),
			'array'                        => array( array( 'status' => array( 'cancelled', 'agent_skipped' ) ), array( 11, 10 ) ),
			'no items is its own status'   => array( array( 'status' => 'completed_no_items' ), array( 4 ) ),
			'pipeline'                     => array( array( 'pipeline' => 'alpha' ), array( 10, 9, 6, 5, 2, 1 ) ),
			'flow'                         => array( array( 'flow' => 'evening' ), array( 9, 2 ) ),
			'pipeline and status'          => array( array( 'pipeline' => 'beta', 'status' => 'failed' ), array( 3 ) ),
			'after and before'             => array( array( 'after' => '2026-03-05T00:00:00Z', 'before' => '2026-03-07T23:59:59Z' ), array( 7, 6, 5 ) ),
			'after with an offset'         => array( array( 'after' => '2026-03-09T11:30:00+02:00' ), array( 11, 10, 9 ) ),
			'search pipeline name'         => array( array( 'search' => 'Shop' ), array( 11, 8, 7, 4, 3 ) ),
			'search flow name'             => array( array( 'search' => 'evening' ), array( 9, 2 ) ),
			'search status reason'         => array( array( 'search' => 'timeout' ), array( 2 ) ),
			'search reason after a colon'  => array( array( 'search' => 'http_500' ), array( 6 ) ),
			'search with LIKE wildcards'   => array( array( 'search' => '%' ), array() ),
			'everything combined'          => array( array( 'status' => 'failed,completed', 'pipeline' => 'alpha', 'flow' => 'morning', 'after' => '2026-03-01T00:00:00Z', 'before' => '2026-03-06T23:00:00Z', 'search' => 'Morning' ), array( 6, 1 ) ),
		);
	}

	/**
	 * @dataProvider filters
	 * @param array<string, mixed> $params
	 * @param int[]                $expected Fixture numbers.
	 */
	public function test_filter( array $params, array $expected ): void {
		$map = array(
			'alpha'     => $this->alpha,
			'beta'      => $this->beta,
			'morning'   => $this->morning,
			'evening'   => $this->evening,
			'catalogue' => $this->catalogue,
		);
		if ( isset( $params['pipeline'] ) ) {
			$params['pipeline_id'] = $map[ $params['pipeline'] ];
			unset( $params['pipeline'] );
		}
		if ( isset( $params['flow'] ) ) {
			$params['flow_id'] = $map[ $params['flow'] ];
			unset( $params['flow'] );
		}
		$response = $this->admin_request( 'GET', '/jobs', $params );
		$this->assertSame( $this->jobs( $expected ), $this->ids( $response ) );
		$this->assertSame( (string) count( $expected ), (string) $response->get_headers()['X-WP-Total'] );
	}

	public function test_search_by_job_id(): void {
		$ids = $this->ids( $this->admin_request( 'GET', '/jobs', array( 'search' => (string) $this->job[7] ) ) );
		$this->assertContains( $this->job[7], $ids );
	}

	/**
	 * @return array<string, array{0: string, 1: string, 2: int[]}>
	 */
	public static function sorts(): array {
		return array(
			'created asc, ties by id'   => array( 'created_at', 'asc', array( 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 ) ),
			'created desc, ties by id'  => array( 'created_at', 'desc', array( 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 ) ),
			'job id asc'                => array( 'job_id', 'asc', array( 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 ) ),
			'pipeline asc'              => array( 'pipeline', 'asc', array( 1, 2, 5, 6, 9, 10, 3, 4, 7, 8, 11 ) ),
			'flow desc'                 => array( 'flow', 'desc', array( 10, 6, 5, 1, 9, 2, 11, 8, 7, 4, 3 ) ),
			'status asc, by base status' => array( 'status', 'asc', array( 10, 11, 1, 7, 9, 4, 2, 3, 6, 8, 5 ) ),
			'status desc'                => array( 'status', 'desc', array( 5, 8, 6, 3, 2, 4, 9, 7, 1, 11, 10 ) ),
			'pipeline desc'              => array( 'pipeline', 'desc', array( 11, 8, 7, 4, 3, 10, 9, 6, 5, 2, 1 ) ),
			'flow asc'                   => array( 'flow', 'asc', array( 3, 4, 7, 8, 11, 2, 9, 1, 5, 6, 10 ) ),
		);
	}

	/**
	 * @dataProvider sorts
	 * @param int[] $expected Fixture numbers.
	 */
	public function test_sort( string $orderby, string $order, array $expected ): void {
		$response = $this->admin_request( 'GET', '/jobs', array( 'orderby' => $orderby, 'order' => $order ) );
		$this->assertSame( $this->jobs( $expected ), $this->ids( $response ) );
	}

	public function test_sort_by_duration_and_completed_at(): void {
		$finished = array( 'status' => 'completed,completed_no_items,failed,cancelled,agent_skipped' );
		$by_duration = $this->ids( $this->admin_request( 'GET', '/jobs', $finished + array( 'orderby' => 'duration', 'order' => 'asc' ) ) );
		$this->assertSame( $this->jobs( array( 11, 6, 3, 4, 9, 10, 2, 1, 7 ) ), $by_duration );

		$by_completion = $this->ids( $this->admin_request( 'GET', '/jobs', $finished + array( 'orderby' => 'completed_at', 'order' => 'desc' ) ) );
		$this->assertSame( $this->jobs( array( 11, 10, 9, 7, 6, 4, 3, 2, 1 ) ), $by_completion );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: string}>
	 */
	public static function invalid_params(): array {
		return array(
			'unknown status'      => array( array( 'status' => 'exploded' ), 'status' ),
			'one unknown in list' => array( array( 'status' => 'failed,nope' ), 'status' ),
			'sql in orderby'      => array( array( 'orderby' => 'job_id;DROP TABLE wp_dm_jobs' ), 'orderby' ),
			'orderby column'      => array( array( 'orderby' => 'engine_data' ), 'orderby' ),
			'order'               => array( array( 'order' => 'sideways' ), 'order' ),
			'per_page zero'       => array( array( 'per_page' => 0 ), 'per_page' ),
			'per_page 1000'       => array( array( 'per_page' => 1000 ), 'per_page' ),
			'page zero'           => array( array( 'page' => 0 ), 'page' ),
			'pipeline text'       => array( array( 'pipeline_id' => 'abc' ), 'pipeline_id' ),
			'flow negative'       => array( array( 'flow_id' => -4 ), 'flow_id' ),
			'after not a date'    => array( array( 'after' => 'yesterday-ish' ), 'after' ),
			'before not a date'   => array( array( 'before' => '2026-13-45T99:00:00Z' ), 'before' ),
			'before before after' => array( array( 'after' => '2026-03-05T00:00:00Z', 'before' => '2026-03-01T00:00:00Z' ), 'before' ),
		);
	}

	/**
	 * @dataProvider invalid_params
	 * @param array<string, mixed> $params
	 */
	public function test_invalid_parameter_is_400_naming_it( array $params, string $param ): void {
		$before = Fixtures::job_count();
		$this->assertInvalidParam( $this->admin_request( 'GET', '/jobs', $params ), $param );
		$this->assertSame( $before, Fixtures::job_count() );
	}

	public function test_list_queries_do_not_grow_with_rows(): void {
		global $wpdb;
		$this->act_as( 'administrator' );
		foreach ( array( array(), array( 'status' => 'failed,completed' ) ) as $filter ) {
			// Warm up on the bigger page: what a site stores once (the alert settings) is not a per-page cost.
			$this->request( 'GET', '/jobs', array( 'per_page' => 11 ) + $filter );

			$start = $wpdb->num_queries;
			$this->request( 'GET', '/jobs', array( 'per_page' => 1 ) + $filter );
			$one = $wpdb->num_queries - $start;

			$start = $wpdb->num_queries;
			$this->request( 'GET', '/jobs', array( 'per_page' => 11 ) + $filter );
			$eleven = $wpdb->num_queries - $start;

			// At most one more query (error summaries) when the bigger page has failed rows and the smaller none.
			$this->assertLessThanOrEqual( $one + 1, $eleven, 'the list ran a query per row' );
			$this->assertLessThanOrEqual( 7, $eleven );
		}
	}

	public function test_list_never_reads_engine_data(): void {
		global $wpdb;
		$this->act_as( 'administrator' );
		$seen = array();
		$spy  = static function ( string $query ) use ( &$seen ): string {
			$seen[] = $query;
			return $query;
		};
		add_filter( 'query', $spy );
		try {
			$this->request( 'GET', '/jobs', array( 'search' => 'a', 'status' => 'failed' ) );
		} finally {
			remove_filter( 'query', $spy );
		}
		$this->assertNotEmpty( $seen );
		foreach ( $seen as $query ) {
			if ( str_contains( $query, \DMJobs\Schema\Repository\TableNames::jobs() ) ) {
				// On SQLite today's generation reads job_status_reason out of engine_data inside the query
				// (no generated columns there); engine_data itself is never selected.
				$query = str_replace( \DMJobs\Jobs\Repository\JobColumns::status_reason_sql( 'j.' ), '', str_replace( \DMJobs\Jobs\Repository\JobColumns::status_reason_sql(), '', $query ) );
				$this->assertStringNotContainsString( 'engine_data', $query );
			}
		}
	}

	public function test_failed_rows_carry_their_newest_error_message(): void {
		$logs = new \DMJobs\Logs\LogService();
		$logs->append( $this->job[2], 'error', 'First error' );
		$logs->append( $this->job[2], 'info', 'Retrying' );
		$logs->append( $this->job[2], 'critical', str_repeat( 'Feed returned 500. ', 30 ) );
		$logs->append( $this->job[1], 'error', 'Not a failed job' );

		$items = array_column( $this->admin_request( 'GET', '/jobs', array( 'per_page' => 100 ) )->get_data(), null, 'id' );
		$summary = $items[ $this->job[2] ]['error_summary'];
		$this->assertStringStartsWith( 'Feed returned 500. Feed', $summary );
		$this->assertLessThanOrEqual( 200, mb_strwidth( $summary ) );
		$this->assertStringEndsWith( '…', $summary );
		foreach ( $items as $id => $item ) {
			if ( $id !== $this->job[2] ) {
				$this->assertNull( $item['error_summary'], "job {$id}" );
			}
		}
	}

	public function test_single_job_decodes_engine_data_and_failure(): void {
		global $wpdb;
		$wpdb->update(
			\DMJobs\Schema\Repository\TableNames::jobs(),
			array( 'engine_data' => serialize( array( 'error_message' => 'Feed returned 500', 'error_step_id' => 'fetch_1', 'error_trace' => "#0 x.php(1)\n#1 {main}" ) ) ),
			array( 'job_id' => $this->job[2] )
		);
		$response = $this->admin_request( 'GET', '/jobs/' . $this->job[2] );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( 'Feed returned 500', $data['engine_data']['error_message'] );
		$this->assertSame(
			array(
				'message' => 'Feed returned 500',
				'step_id' => 'fetch_1',
				'trace'   => "#0 x.php(1)\n#1 {main}",
				'reason'  => 'timeout',
			),
			$data['failure']
		);
		$this->assertNull( $this->admin_request( 'GET', '/jobs/' . $this->job[1] )->get_data()['failure'] );
	}

	public function test_unknown_job_is_404(): void {
		$this->assertSame( 404, $this->admin_request( 'GET', '/jobs/999999' )->get_status() );
		$this->assertSame( 404, $this->admin_request( 'DELETE', '/jobs/999999' )->get_status() );
	}

	public function test_deleted_pipeline_shows_null_name(): void {
		global $wpdb;
		$wpdb->delete( \DMJobs\Schema\Repository\TableNames::pipelines(), array( 'pipeline_id' => $this->beta ) );
		$item = $this->admin_request( 'GET', '/jobs', array( 'per_page' => 1 ) )->get_data()[0];
		$this->assertSame( $this->job[11], $item['id'] );
		$this->assertNull( $item['pipeline_name'] );
		$this->assertSame( 'Catalogue', $item['flow_name'] );
	}

	public function test_pipelines_and_flows(): void {
		$pipelines = $this->admin_request( 'GET', '/pipelines' )->get_data();
		$this->assertSame(
			array(
				array( 'id' => $this->alpha, 'name' => 'Alpha News', 'flow_count' => 2 ),
				array( 'id' => $this->beta, 'name' => 'Beta Shop', 'flow_count' => 1 ),
			),
			$pipelines
		);
		$flows = $this->admin_request( 'GET', '/flows', array( 'pipeline_id' => $this->alpha ) )->get_data();
		$this->assertSame( array( 'Evening', 'Morning' ), array_column( $flows, 'name' ) );
	}
}
