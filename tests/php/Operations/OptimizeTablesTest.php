<?php
/**
 * Table optimisation, run for real (it commits implicitly, so the data here is committed):
 * OPTIMIZE TABLE per table with sizes before/after on MariaDB; one VACUUM on SQLite.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Operations;

use DMJobs\Tests\CommittedTestCase;
use DMJobs\Audit\Actor;
use DMJobs\Operations\OperationService;
use DMJobs\Operations\OperationType;

PHP_SAPI === 'cli' || exit;


final class OptimizeTablesTest extends CommittedTestCase {

	public function test_optimize_reclaims_and_reports_sizes(): void {
		global $wpdb;
		$this->seed( 3000, array( 'completed' ), '2020-01-01 00:00:00' );
		$wpdb->query( $wpdb->prepare( "DELETE FROM " . \DMJobs\Schema\Repository\TableNames::jobs() . " WHERE pipeline_id = %d", $this->pipeline_id ) );

		$service   = new OperationService();
		$operation = $service->start( OperationType::OptimizeTables, array(), null, null, Actor::system() );
		$final     = $service->run_until_done( $operation['id'] );

		$this->assertSame( 'completed', $final['state'], (string) $final['message'] );
		$entries = ( (array) $final['result'] )['entries'];
		if ( $wpdb instanceof \WP_SQLite_DB ) {
			$this->assertCount( 1, $entries );
			$this->assertSame( 'database', $entries[0]['table'] );
			$this->assertSame( 0, $entries[0]['after']['freelist_count'], 'VACUUM leaves no free pages' );
			$this->assertLessThanOrEqual( $entries[0]['before']['file_bytes'], $entries[0]['after']['file_bytes'] );
		} else {
			$names = array_column( $entries, 'table' );
			$this->assertContains( \DMJobs\Schema\Repository\TableNames::jobs(), $names );
			$this->assertSame( $final['total'], count( $entries ) );
			foreach ( $entries as $entry ) {
				$this->assertArrayHasKey( 'data_bytes', $entry['before'] );
				$this->assertArrayHasKey( 'data_bytes', $entry['after'] );
				$this->assertNotSame( '', $entry['message'] );
			}
		}
		$this->assertSame( 'maintenance.optimize_tables', ( new \DMJobs\Audit\Repository\AuditRepository() )->find_page( array(), 1, 0 )[0]['action'] );
	}
}
