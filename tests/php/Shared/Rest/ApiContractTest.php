<?php
/**
 * The REST schemas are the one source: the README's API section and the generated TypeScript contract must match them.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Shared\Rest;

use DMJobs\Jobs\JobOrderBy;
use DMJobs\Jobs\JobsController;
use DMJobs\Shared\Rest\ApiReference;
use DMJobs\Shared\Rest\TypeScriptContract;
use DMJobs\Status\BaseStatus;
use DMJobs\Status\StatusFamily;
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

	public function test_typescript_contract_is_generated_from_the_routes(): void {
		$files = TypeScriptContract::files();
		foreach ( $files as $file => $content ) {
			$path = DM_JOBS_DIR . '/' . $file;
			$this->assertFileExists( $path, "{$file} is missing: run npm run docs" );
			$this->assertTrue( (string) file_get_contents( $path ) === $content, "{$file} is out of date: run npm run docs" );
		}
		$written = new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( DM_JOBS_DIR . '/' . TypeScriptContract::DIRECTORY, \FilesystemIterator::SKIP_DOTS ) );
		foreach ( $written as $entry ) {
			$file = substr( $entry->getPathname(), strlen( DM_JOBS_DIR ) + 1 );
			$this->assertArrayHasKey( $file, $files, "{$file} is no longer generated: run npm run docs (it deletes it)" );
		}
		$generated = implode( "\n", $files );
		foreach ( array( 'export type Job = {', 'export const isJob = ', 'export type GetJobsParams = {', 'export const BASE_STATUSES = ', 'export const SUCCESS_STATUSES' ) as $expected ) {
			$this->assertStringContainsString( $expected, $generated );
		}
		$this->assertStringContainsString( "export * from './contract/schemas/job';", $files[ TypeScriptContract::FILE ] );
		$this->assertStringContainsString( "export * from './contract/routes/jobs';", $files[ TypeScriptContract::FILE ] );
	}

	public function test_job_schema_requires_exactly_what_a_listed_job_has(): void {
		$pipeline = Fixtures::pipeline( 'Shape' );
		$flow     = Fixtures::flow( $pipeline, 'Shape' );
		Fixtures::job( $pipeline, $flow, 'failed - x', '2026-01-01 00:00:00', '2026-01-01 00:00:01' );
		$listed = $this->admin_request( 'GET', '/jobs' )->get_data()[0];
		// error_summary is the one list-only field (GET /jobs/{id} has the full failure instead).
		$this->assertArrayHasKey( 'error_summary', $listed );
		$keys = array_values( array_diff( array_keys( $listed ), array( '_links', 'error_summary' ) ) );

		$schema = ( new JobsController() )->get_item_schema();
		$this->assertEqualsCanonicalizing( $schema['required'], $keys, 'the dm-job schema\'s required list differs from what GET /jobs returns' );
		$this->assertSame( array(), array_diff( $keys, array_keys( $schema['properties'] ) ), 'a listed field is missing from the schema' );
	}

	public function test_generated_status_model_is_php_s(): void {
		$generated = (string) file_get_contents( DM_JOBS_DIR . '/' . TypeScriptContract::FILE );
		$this->assertStringContainsString( 'export const BASE_STATUSES = ' . wp_json_encode( BaseStatus::values() ) . ' as const;', $generated );
		$this->assertStringContainsString( 'export const JOBS_ORDER_BY = ' . wp_json_encode( JobOrderBy::values() ) . ' as const;', $generated );
		$this->assertSame( array( 'completed', 'completed_no_items', 'agent_skipped' ), StatusFamily::members()['succeeded'] );
		$this->assertSame( StatusFamily::Other, StatusFamily::of_value( 'no_such_status' ) );
		$this->assertSame( StatusFamily::Open, StatusFamily::of( BaseStatus::Pending ) );
	}
}
