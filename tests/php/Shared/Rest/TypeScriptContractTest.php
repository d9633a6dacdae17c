<?php
/**
 * What the generator writes for response schemas: an answer type and guard per method that declares one
 * (response_schema), unions for anyOf, named types for titled parts, a module per titled schema and per route group
 * importing (from the module that declares it) every schema it refers to, and one module re-exporting them all.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Shared\Rest;

use DMJobs\Shared\Rest\TypeScriptContract;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class TypeScriptContractTest extends TestCase {

	/** @var array<string, string> */
	private array $files;

	/** Every generated file, one after the other. */
	private string $source;

	protected function setUp(): void {
		parent::setUp();
		$this->files  = TypeScriptContract::files();
		$this->source = implode( "\n", $this->files );
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
		$this->assertStringContainsString( 'export type Actor = {', $this->files[ TypeScriptContract::DIRECTORY . '/schemas/actor.ts' ] );
		$this->assertStringContainsString( "\tactor: Actor;", $this->source );
		$this->assertStringContainsString( '"actor":ACTOR_SCHEMA', $this->source );
		$this->assertStringContainsString( "\tlast_run: RetentionReport | null;", $this->source );
		$this->assertStringNotContainsString( '"title":"dm-', $this->source, 'titles name types; they are not part of the checked schema' );
		$this->assertStringNotContainsString( '@@', $this->source, 'every reference to a named schema is replaced' );
	}

	public function test_all_of_is_an_intersection_and_a_required_only_member_makes_fields_present(): void {
		$this->assertStringContainsString( "export type JobDetail = Job & Required< Pick< Job, 'engine_data' | 'failure' |", $this->source );
		$this->assertStringContainsString( 'export const JOB_DETAIL_SCHEMA = {"type":"object","allOf":[JOB_SCHEMA,{"required":["engine_data",', $this->source );
		$this->assertStringContainsString( "\tvolume: Array< MetricsBucket & {", $this->source );
		$this->assertMatchesRegularExpression( '/export type AlertsEvaluation = \{\n\treport: \{.*?\n\} & Alerts;/s', $this->source );
	}

	public function test_parts_the_schema_leaves_open_are_json_values(): void {
		$job = $this->files[ TypeScriptContract::DIRECTORY . '/schemas/job.ts' ];
		$this->assertStringContainsString( "import type { JsonObject, JsonValue } from '../../../shared/contract/json-value';", $job );
		$this->assertStringContainsString( "\tengine_data?: JsonObject | JsonValue[] | null;", $job );
		$this->assertDoesNotMatchRegularExpression( '/(?<!\x27)\bunknown(\[\]|;| >| \|)/', $this->source, 'no part of an answer is typed unknown' );
	}

	public function test_every_schema_constant_is_declared_before_it_is_used_or_imported_from_its_module(): void {
		$declared_in = array();
		foreach ( $this->files as $file => $content ) {
			preg_match_all( '/export const ([A-Z0-9_]+_SCHEMA) = /', $content, $declared );
			foreach ( $declared[1] as $name ) {
				$this->assertArrayNotHasKey( $name, $declared_in, "{$name} is declared once" );
				$declared_in[ $name ] = $file;
			}
		}
		$uses = 0;
		foreach ( $this->files as $file => $content ) {
			preg_match_all( '/[:\[,(]\s*([A-Z0-9_]+_SCHEMA)\b/', $content, $used, PREG_OFFSET_CAPTURE );
			foreach ( $used[1] as [ $name, $offset ] ) {
				++$uses;
				$this->assertArrayHasKey( $name, $declared_in, "{$name} is declared" );
				if ( $declared_in[ $name ] === $file ) {
					$this->assertLessThan( $offset, strpos( $content, "export const {$name} = " ), "{$name} is declared before its use (a const used earlier throws when the module loads)" );
					continue;
				}
				$this->assertMatchesRegularExpression( "/^import \\{[^}]*\\b{$name}\\b[^}]*\\} from '([^']+)';$/m", $content, "{$file} imports {$name}" );
				preg_match( "/^import \\{[^}]*\\b{$name}\\b[^}]*\\} from '([^']+)';$/m", $content, $import );
				$this->assertSame( $declared_in[ $name ], $this->resolve( $file, $import[1] ), "{$file} imports {$name} from the module that declares it" );
			}
		}
		$this->assertGreaterThan( 0, $uses );
	}

	public function test_each_module_imports_only_what_it_uses_and_exists(): void {
		foreach ( $this->files as $file => $content ) {
			preg_match_all( "/^import (?:type )?\\{ ([^}]+) \\} from '([^']+)';$/m", $content, $imports, PREG_SET_ORDER );
			$body = (string) preg_replace( '/^import .*$/m', '', $content );
			foreach ( $imports as [ , $names, $from ] ) {
				if ( str_starts_with( $from, './contract/' ) || str_contains( $from, 'shared/contract' ) ) {
					continue;
				}
				$this->assertArrayHasKey( $this->resolve( $file, $from ), $this->files, "{$file} imports a generated module" );
				foreach ( explode( ', ', $names ) as $name ) {
					$this->assertMatchesRegularExpression( '/\b' . preg_quote( $name, '/' ) . '\b/', $body, "{$file} uses the {$name} it imports" );
				}
			}
		}
	}

	public function test_a_module_per_titled_schema_and_per_route_group_all_re_exported(): void {
		$barrel = $this->files[ TypeScriptContract::FILE ];
		foreach ( array_keys( $this->files ) as $file ) {
			if ( TypeScriptContract::FILE === $file ) {
				continue;
			}
			$this->assertStringStartsWith( TypeScriptContract::DIRECTORY . '/', $file );
			$this->assertStringContainsString( "export * from './contract/" . substr( $file, strlen( TypeScriptContract::DIRECTORY ) + 1, -3 ) . "';", $barrel );
			if ( str_contains( $file, '/schemas/' ) ) {
				$this->assertSame( 1, preg_match_all( '/^export const [A-Z0-9_]+_SCHEMA = /m', $this->files[ $file ] ), "{$file} holds one schema" );
			}
		}
		$job = $this->files[ TypeScriptContract::DIRECTORY . '/schemas/job.ts' ];
		$this->assertStringContainsString( 'export const isJob = ', $job );
		$this->assertStringNotContainsString( 'ALERT', $job, 'a schema module holds nothing of other features' );
		$jobs = $this->files[ TypeScriptContract::DIRECTORY . '/routes/jobs.ts' ];
		$this->assertStringContainsString( 'export type GetJobsParams = {', $jobs );
		$this->assertStringContainsString( "import type { Job } from '../schemas/job';", $jobs );
		$this->assertStringNotContainsString( 'GetAlerts', $jobs );
		$this->assertStringNotContainsString( 'schemaGuard', $barrel, 'the re-exporting module declares no guard' );
		$this->assertStringContainsString( 'export const BASE_STATUSES = ', $barrel );
	}

	/**
	 * The generated file a relative import in a generated file names.
	 */
	private function resolve( string $file, string $from ): string {
		$parts = explode( '/', dirname( $file ) );
		foreach ( explode( '/', $from ) as $part ) {
			if ( '..' === $part ) {
				array_pop( $parts );
			} elseif ( '.' !== $part ) {
				$parts[] = $part;
			}
		}
		return implode( '/', $parts ) . '.ts';
	}

	public function test_named_properties_beside_other_names_and_literal_booleans(): void {
		$this->assertStringContainsString( "\t\tsettings: {\n\t\t\tenabled: boolean;\n\t\t} & Record< string, number | boolean >;", $this->source );
		$this->assertStringContainsString( "\tdry_run: true;", $this->source );
		$this->assertStringContainsString( 'export type AlertRuleId = ( typeof ALERT_RULES )[ number ];', $this->source );
	}
}
