<?php
/**
 * Stored values that look like SQL pieces (placeholders, quotes, the old ORDER BY marker) are data:
 * every list variant finds the jobs that hold them, in the right order, without an SQL error.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Jobs;

use DMJobs\Tests\CommittedTestCase;
use DMJobs\Tests\Fixtures;

PHP_SAPI === 'cli' || exit;

/**
 * Committed: over today's tables the reasons are found through an index on a virtual column, which
 * MariaDB does not read reliably for rows of the transaction still writing them (see CommittedTestCase).
 */
final class HostileStoredValuesTest extends CommittedTestCase {

	private const HOSTILE_REASONS = array(
		'marker __dm_jobs_order__ here',
		'__dm_jobs_order__',
		"quote ' %s %d %1\$s ? :name",
		'percent 100% LIKE _x_ \\ end',
		'order ORDER BY 1; -- DROP',
	);

	/**
	 * @var int[]
	 */
	private array $hostile = array();
	private int $plain;

	protected function setUp(): void {
		parent::setUp();
		$pipeline = $this->pipeline_id;
		$flow     = Fixtures::flow( $pipeline, 'Flow %d order__' );
		$this->plain = Fixtures::job( $pipeline, $flow, 'completed', '2026-03-01 10:00:00', '2026-03-01 10:00:05' );
		foreach ( self::HOSTILE_REASONS as $i => $reason ) {
			$this->hostile[] = Fixtures::job(
				$pipeline,
				$flow,
				0 === $i % 2 ? 'failed' : "failed:%s'__dm",
				sprintf( '2026-03-0%d 10:00:00', $i + 2 ),
				sprintf( '2026-03-0%d 10:00:%02d', $i + 2, $i + 1 ),
				array( 'status_reason' => $reason )
			);
		}
	}

	protected function pipeline_name(): string {
		return "Pipe %s ' __dm_jobs_";
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public static function orders(): array {
		$cases = array();
		foreach ( array( 'job_id', 'created_at', 'completed_at', 'status', 'pipeline', 'flow', 'duration' ) as $orderby ) {
			foreach ( array( 'asc', 'desc' ) as $order ) {
				$cases[ "{$orderby} {$order}" ] = array( $orderby, $order );
			}
		}
		return $cases;
	}

	/**
	 * @dataProvider orders
	 */
	public function test_search_for_a_marker_in_a_reason_finds_every_job_holding_it( string $orderby, string $order ): void {
		global $wpdb;
		$response = $this->admin_request(
			'GET',
			'/jobs',
			array(
				'search'  => '__dm_jobs_order__',
				'orderby' => $orderby,
				'order'   => $order,
			)
		);
		$this->assertSame( '', $wpdb->last_error );
		$found = $this->ids( $response );
		sort( $found );
		$this->assertSame( array( $this->hostile[0], $this->hostile[1] ), $found );
	}

	/**
	 * @dataProvider orders
	 */
	public function test_every_hostile_reason_is_found_by_its_own_text( string $orderby, string $order ): void {
		global $wpdb;
		foreach ( self::HOSTILE_REASONS as $i => $reason ) {
			$response = $this->admin_request(
				'GET',
				'/jobs',
				array(
					'search'  => $reason,
					'orderby' => $orderby,
					'order'   => $order,
					'status'  => 'failed',
				)
			);
			$this->assertSame( '', $wpdb->last_error, $reason );
			$this->assertContains( $this->hostile[ $i ], $this->ids( $response ), $reason );
		}
	}

	/**
	 * @dataProvider orders
	 */
	public function test_lists_with_hostile_values_keep_their_order( string $orderby, string $order ): void {
		global $wpdb;
		$response = $this->admin_request(
			'GET',
			'/jobs',
			array(
				'orderby'  => $orderby,
				'order'    => $order,
				'status'   => 'failed,completed',
				'per_page' => 3,
				'page'     => 2,
			)
		);
		$this->assertSame( '', $wpdb->last_error );
		$this->assertCount( 3, $this->ids( $response ) );
		$this->assertSame( '6', $response->get_headers()['X-WP-Total'] );
		if ( 'job_id' === $orderby ) {
			$all = array_merge( array( $this->plain ), $this->hostile );
			'desc' === $order ? rsort( $all ) : sort( $all );
			$this->assertSame( array_slice( $all, 3, 3 ), $this->ids( $response ) );
		}
	}

	public function test_the_reason_text_round_trips_unchanged(): void {
		$response = $this->admin_request( 'GET', '/jobs/' . $this->hostile[2] );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( self::HOSTILE_REASONS[2], $response->get_data()['status_reason'] );
	}
}
