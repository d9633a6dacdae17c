<?php
/**
 * The REST schemas are the one source: the README's API section and the TypeScript types must match them.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Docs;

use DMJobs\Query\JobOrderBy;
use DMJobs\Rest\ApiReference;
use DMJobs\Rest\JobsController;
use DMJobs\Status\BaseStatus;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class ApiContractTest extends TestCase {

	public function test_readme_api_section_is_generated_from_the_routes(): void {
		$readme = (string) file_get_contents( DM_JOBS_DIR . '/README.md' );
		// A boolean, not a diff of the whole README, keeps the failure readable.
		$this->assertTrue( ApiReference::replace_in( $readme ) === $readme, 'README.md\'s API section is out of date: run npm run docs' );
		$this->assertStringContainsString( '#### `GET /dm-jobs/v1/jobs`', $readme );
	}

	public function test_typescript_job_type_matches_the_schema(): void {
		$types = (string) file_get_contents( DM_JOBS_DIR . '/src/shared/types.ts' );
		$this->assertSame( 1, preg_match( '/export interface JobListItem \{(.*?)\n\}/s', $types, $match ) );
		preg_match_all( '/^\t(\w+)\??:/m', $match[1], $fields );

		$pipeline = Fixtures::pipeline( 'Shape' );
		$flow     = Fixtures::flow( $pipeline, 'Shape' );
		Fixtures::job( $pipeline, $flow, 'failed - x', '2026-01-01 00:00:00', '2026-01-01 00:00:01' );
		$listed = $this->admin_request( 'GET', '/jobs' )->get_data()[0];
		$keys   = array_values( array_diff( array_keys( $listed ), array( '_links' ) ) );

		$this->assertEqualsCanonicalizing( $keys, $fields[1], 'src/shared/types.ts JobListItem differs from what GET /jobs returns' );
		$schema = ( new JobsController() )->get_item_schema();
		$this->assertSame( array(), array_diff( $keys, array_keys( $schema['properties'] ) ), 'a listed field is missing from the schema' );
	}

	public function test_typescript_enums_match_php(): void {
		$types = (string) file_get_contents( DM_JOBS_DIR . '/src/shared/types.ts' );
		$this->assertSame( 1, preg_match( '/export const BASE_STATUSES = \[(.*?)\]/s', $types, $statuses ) );
		preg_match_all( "/'(\w+)'/", $statuses[1], $status_values );
		$this->assertSame( BaseStatus::values(), $status_values[1] );

		$this->assertSame( 1, preg_match( '/export type JobsOrderBy =(.*?);/s', $types, $order_by ) );
		preg_match_all( "/'(\w+)'/", $order_by[1], $order_values );
		$this->assertEqualsCanonicalizing( JobOrderBy::values(), $order_values[1] );
	}
}
