<?php
/**
 * Operations recorded before the generation column existed get it from their stored params, so the
 * older source's screen still lists the operations that worked on its tables after the upgrade.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Schema;

use DMJobs\Operations\OperationService;
use DMJobs\Schema\Migrations\Migration008OperationGenerations;
use DMJobs\Schema\Repository\SchemaRepository;
use DMJobs\Schema\Repository\TableNames;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class OperationGenerationsMigrationTest extends TestCase {

	private function recorded_before_the_column( ?string $generation ): int {
		global $wpdb;
		$stored = array(
			'params' => array( 'ids' => array( 1 ) ),
			'quiet'  => false,
		);
		if ( null !== $generation ) {
			$stored['generation'] = $generation;
		}
		$wpdb->insert(
			TableNames::operations(),
			array(
				'type'       => 'delete_jobs',
				'state'      => OperationService::STATE_COMPLETED,
				'params'     => (string) wp_json_encode( $stored ),
				'actor_type' => 'user',
				'created_at' => '2026-01-01 00:00:00',
				'updated_at' => '2026-01-01 00:00:00',
			)
		);
		return (int) $wpdb->insert_id;
	}

	private function generation_column( int $operation_id ): ?string {
		global $wpdb;
		$value = $wpdb->get_var( $wpdb->prepare( 'SELECT generation FROM ' . TableNames::operations() . ' WHERE operation_id = %d', $operation_id ) );
		return null === $value ? null : (string) $value;
	}

	public function test_the_migration_fills_the_generation_from_stored_params(): void {
		$older    = $this->recorded_before_the_column( 'dm' );
		$todays   = $this->recorded_before_the_column( 'datamachine' );
		$unmarked = $this->recorded_before_the_column( null );
		$this->assertNull( $this->generation_column( $older ), 'recorded as before the column' );

		( new Migration008OperationGenerations() )->up( new SchemaRepository() );

		$this->assertSame( 'dm', $this->generation_column( $older ) );
		$this->assertSame( 'datamachine', $this->generation_column( $todays ) );
		$this->assertNull( $this->generation_column( $unmarked ), 'operations from before generations stay with the primary source' );
	}
}
