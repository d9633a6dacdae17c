<?php
/**
 * Migration 10 turns the base-status generated column into one lookup of the status's head (cheap for
 * InnoDB to evaluate on every write, delete and purge) without changing a single value: every stored
 * form Data Machine writes, read through the column, is the base status the status filters (the LIKE
 * chain) and StatusParser give it, before and after the migration, and after its reversal.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Schema\Migrations;

use DMJobs\Jobs\Repository\JobColumns;
use DMJobs\Jobs\Repository\StatusFilterSql;
use DMJobs\Schema\Migrations\Migration005ScaleColumns;
use DMJobs\Schema\Migrations\Migration010StatusBaseLookup;
use DMJobs\Schema\Repository\SchemaRepository;
use DMJobs\Schema\Repository\TableNames;
use DMJobs\Status\BaseStatus;
use DMJobs\Status\StatusParser;
use DMJobs\Tests\CommittedTestCase;
use DMJobs\Tests\Fixtures;

PHP_SAPI === 'cli' || exit;

final class Migration010StatusBaseLookupTest extends CommittedTestCase {

	/**
	 * Plain, legacy and compound values as Data Machine stores them (at most 20 characters: 0.1's column),
	 * odd spellings, and values that are no status.
	 */
	private const STATUSES = array(
		'pending', 'processing', 'running', 'waiting', 'pending_runtime_tool', 'completed', 'complete',
		'completed_with_error', 'completed_no_items', 'failed', 'cancelled', 'agent_skipped',
		'failed - timeout', 'failed: timeout', 'completed - 3 items', 'completed: partial',
		'agent_skipped - x', 'waiting: webhook', 'running - step 2', 'cancelled - by user',
		'FAILED - Upper', 'Completed', 'failed:x - y', 'failed - a:b', 'failed ', 'cancelled:',
		'unknown_status', 'unknown - failed', 'x:failed', 'failedx', 'failed -x', 'completed_no_itemsx', '',
	);

	protected function setUp(): void {
		if ( JobColumns::uses_sqlite() ) {
			$this->markTestSkipped( 'Generated columns exist on MySQL/MariaDB only.' );
		}
		parent::setUp();
	}

	protected function tearDown(): void {
		if ( ! JobColumns::uses_sqlite() ) {
			( new Migration010StatusBaseLookup() )->up( new SchemaRepository() );
		}
		parent::tearDown();
	}

	public function test_the_column_is_a_head_lookup_and_reads_every_stored_form_as_the_filters_do(): void {
		$ids = $this->jobs_with_every_status();
		$this->assertTrue( JobColumns::is_status_base_lookup( $this->expression() ), 'installed with the lookup' );
		$this->assertColumnMatchesFiltersAndParser( $ids );
	}

	public function test_down_restores_the_like_chain_and_up_the_lookup_with_the_same_values_and_indexes(): void {
		$ids       = $this->jobs_with_every_status();
		$migration = new Migration010StatusBaseLookup();

		$migration->down( new SchemaRepository() );
		$this->assertFalse( JobColumns::is_status_base_lookup( $this->expression() ), 'down() puts the LIKE chain back' );
		$this->assertIndexesPresent();
		$this->assertColumnMatchesFiltersAndParser( $ids );

		$migration->up( new SchemaRepository() );
		$this->assertTrue( JobColumns::is_status_base_lookup( $this->expression() ) );
		$this->assertIndexesPresent();
		$this->assertColumnMatchesFiltersAndParser( $ids );

		$migration->up( new SchemaRepository() );
		$this->assertTrue( JobColumns::is_status_base_lookup( $this->expression() ), 'running it again changes nothing' );
	}

	public function test_lists_stay_right_while_the_column_is_rebuilt(): void {
		$ids      = $this->jobs_with_every_status();
		$failed   = array_keys( array_filter( $ids, static fn ( string $stored ): bool => BaseStatus::Failed === StatusParser::parse( $stored )->base ) );
		$params   = array(
			'pipeline_id' => $this->pipeline_id,
			'status'      => 'failed',
			'orderby'     => 'status',
			'per_page'    => 100,
		);
		$expected = $this->ids( $this->admin_request( 'GET', '/jobs', $params ) );
		sort( $failed );
		$sorted = $expected;
		sort( $sorted );
		$this->assertSame( $failed, $sorted );

		$during = null;
		JobColumns::while_rebuilding(
			function () use ( $params, &$during ): void {
				Migration005ScaleColumns::drop_status_base( new SchemaRepository(), TableNames::jobs() );
				$during = $this->admin_request( 'GET', '/jobs', $params );
			}
		);
		$this->assertSame( 200, $during->get_status(), 'the column is gone for a moment: the list computes it instead' );
		$this->assertSame( $expected, $this->ids( $during ) );
		$this->assertFalse( JobColumns::rebuilding(), 'the mark goes when the rebuild ends' );
	}

	/**
	 * @return array<int, string> job ID => stored status
	 */
	private function jobs_with_every_status(): array {
		$ids = array();
		foreach ( self::STATUSES as $status ) {
			$ids[ Fixtures::job( $this->pipeline_id, $this->flow_id, $status, '2026-01-01 00:00:00', '2026-01-01 00:01:00' ) ] = $status;
		}
		$this->assertCount( count( self::STATUSES ), $ids, 'every status stored' );
		return $ids;
	}

	private function expression(): string {
		return (string) ( new SchemaRepository() )->generation_expression( TableNames::jobs(), JobColumns::STATUS_BASE );
	}

	/**
	 * @param array<int, string> $ids job ID => stored status
	 */
	private function assertColumnMatchesFiltersAndParser( array $ids ): void {
		global $wpdb;
		$jobs   = TableNames::jobs();
		$column = array();
		foreach ( (array) $wpdb->get_results( $wpdb->prepare( "SELECT job_id, dm_status_base FROM {$jobs} WHERE pipeline_id = %d", $this->pipeline_id ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$column[ (int) $row['job_id'] ] = $row['dm_status_base'];
		}
		$this->assertCount( count( $ids ), $column );
		$by_filter = array();
		foreach ( BaseStatus::cases() as $status ) {
			[ $condition, $values ] = StatusFilterSql::build( array( $status ), 'status' );
			$sql                    = "SELECT job_id FROM {$jobs} WHERE pipeline_id = %d AND {$condition}";
			foreach ( $wpdb->get_col( $wpdb->prepare( $sql, array_merge( array( $this->pipeline_id ), $values ) ) ) as $id ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
				$by_filter[ (int) $id ] = $status->value;
			}
		}
		foreach ( $ids as $id => $stored ) {
			$parsed = StatusParser::parse( $stored );
			$this->assertSame( $by_filter[ $id ] ?? null, $column[ $id ], "'{$stored}': column vs status filter" );
			$this->assertSame( $parsed->base?->value, $column[ $id ], "'{$stored}': column vs StatusParser" );
		}
	}

	private function assertIndexesPresent(): void {
		foreach ( array_keys( Migration005ScaleColumns::STATUS_BASE_INDEXES ) as $index ) {
			$this->assertTrue( ( new SchemaRepository() )->index_exists( TableNames::jobs(), $index ), $index );
		}
	}
}
