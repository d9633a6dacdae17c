<?php
/**
 * Every answer about one operation (read, run, cancel) is exactly what the route's schema declares, so the
 * TypeScript type and guard generated from it (src/generated/rest-contract.ts) describe what the Admin modal gets.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Operations;

use DMJobs\Operations\OperationsController;
use DMJobs\Tests\AdminTools\AdminToolsTestCase;

PHP_SAPI === 'cli' || exit;

final class OperationSchemaTest extends AdminToolsTestCase {

	/**
	 * @param array<string, mixed> $operation
	 */
	private function assertMatchesSchema( array $operation, string $what ): void {
		$schema = ( new OperationsController() )->get_item_schema();
		$this->assertSame( $schema['required'], array_keys( $operation ), "{$what}: the fields are the schema's, in its order" );
		$this->assertTrue( rest_validate_value_from_schema( $operation, $schema, 'operation' ), "{$what}: " . wp_json_encode( $operation ) );
		$this->assertTrue( rest_validate_value_from_schema( $operation['actor'], $schema['properties']['actor'], 'actor' ) );
	}

	public function test_read_run_and_cancel_answer_the_declared_operation(): void {
		foreach ( array( 'failed', 'failed', 'completed' ) as $status ) {
			$this->job( $status );
		}
		$params  = array( 'statuses' => array( 'failed' ) );
		$started = $this->start( 'cleanup_jobs', $params, $this->preview( 'cleanup_jobs', $params ) );
		$this->assertMatchesSchema( $started, 'started' );

		$read = $this->admin_request( 'GET', "/operations/{$started['id']}" );
		$this->assertSame( 200, $read->get_status() );
		$this->assertMatchesSchema( $read->get_data(), 'read' );

		$finished = $this->run_to_end( $started['id'] );
		$this->assertSame( 'completed', $finished['state'] );
		$this->assertMatchesSchema( $finished, 'run' );

		$other     = $this->start( 'cleanup_jobs', array( 'statuses' => array( 'completed' ) ), $this->preview( 'cleanup_jobs', array( 'statuses' => array( 'completed' ) ) ) );
		$cancelled = $this->admin_request( 'POST', "/operations/{$other['id']}/cancel" );
		$this->assertSame( 200, $cancelled->get_status() );
		$this->assertSame( 'cancelled', $cancelled->get_data()['state'] );
		$this->assertMatchesSchema( $cancelled->get_data(), 'cancelled' );
	}
}
