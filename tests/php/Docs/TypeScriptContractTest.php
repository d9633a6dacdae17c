<?php
/**
 * What the generator writes for response schemas: an answer type and guard per method that declares one
 * (response_schema), unions for anyOf, named types for titled parts, declared before any schema refers to them.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Docs;

use DMJobs\Shared\Rest\TypeScriptContract;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class TypeScriptContractTest extends TestCase {

	private string $source;

	protected function setUp(): void {
		parent::setUp();
		$this->source = TypeScriptContract::source();
	}

	public function test_a_method_with_its_own_answer_gets_a_type_and_a_guard(): void {
		$this->assertStringContainsString( 'export type GetOperationsResponse = Operation[];', $this->source );
		$this->assertStringContainsString( 'export const GET_OPERATIONS_RESPONSE_SCHEMA = {"type":"array","items":OPERATION_SCHEMA} as const;', $this->source );
		$this->assertMatchesRegularExpression( '/export const isGetOperationsResponse = (\/\* #__PURE__ \*\/ )?schemaGuard< GetOperationsResponse >\( GET_OPERATIONS_RESPONSE_SCHEMA \);/', $this->source );
		$this->assertStringContainsString( 'export type PostRetentionRunResponse = RetentionDryRun | RetentionReport;', $this->source );
		$this->assertStringContainsString( 'export type PostOperationsResponse = OperationPreview | Operation;', $this->source );
	}

	public function test_titled_parts_are_named_types_written_once(): void {
		$this->assertSame( 1, substr_count( $this->source, 'export type Actor = {' ) );
		$this->assertStringContainsString( "\tactor: Actor;", $this->source );
		$this->assertStringContainsString( '"actor":ACTOR_SCHEMA', $this->source );
		$this->assertStringContainsString( "\tlast_run: RetentionReport | null;", $this->source );
		$this->assertStringNotContainsString( '"title":"dm-', $this->source, 'titles name types; they are not part of the checked schema' );
		$this->assertStringNotContainsString( '@@', $this->source, 'every reference to a named schema is replaced' );
	}

	public function test_every_schema_constant_is_declared_before_it_is_used(): void {
		preg_match_all( '/export const ([A-Z0-9_]+_SCHEMA) = /', $this->source, $declared, PREG_OFFSET_CAPTURE );
		$declared_at = array();
		foreach ( $declared[1] as [ $name, $offset ] ) {
			$declared_at[ $name ] = $offset;
		}
		preg_match_all( '/[:\[,(]\s*([A-Z0-9_]+_SCHEMA)\b/', $this->source, $used, PREG_OFFSET_CAPTURE );
		$this->assertNotEmpty( $used[1] );
		foreach ( $used[1] as [ $name, $offset ] ) {
			$this->assertArrayHasKey( $name, $declared_at, "{$name} is declared" );
			$this->assertLessThan( $offset, $declared_at[ $name ], "{$name} is declared before its use (a const used earlier throws when the module loads)" );
		}
	}

	public function test_named_properties_beside_other_names_and_literal_booleans(): void {
		$this->assertStringContainsString( "\t\tsettings: {\n\t\t\tenabled: boolean;\n\t\t} & Record< string, number | boolean >;", $this->source );
		$this->assertStringContainsString( "\tdry_run: true;", $this->source );
		$this->assertStringContainsString( 'export type AlertRuleId = ( typeof ALERT_RULES )[ number ];', $this->source );
	}
}
