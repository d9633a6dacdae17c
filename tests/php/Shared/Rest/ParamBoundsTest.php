<?php
/**
 * Every parameter of every dm-jobs/v1 route has bounds in its schema, so out-of-range input is a
 * 400 naming the parameter before any code does arithmetic or SQL with it: integers and numbers a
 * minimum and a maximum, strings a length limit (or an enum, format or pattern), arrays a size limit
 * or enumerated items.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Shared\Rest;

use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class ParamBoundsTest extends TestCase {

	/**
	 * @return array<int, string> "METHOD route param: what is missing"
	 */
	private static function unbounded(): array {
		$problems = array();
		foreach ( rest_get_server()->get_routes( 'dm-jobs/v1' ) as $route => $handlers ) {
			foreach ( $handlers as $handler ) {
				foreach ( (array) ( $handler['args'] ?? array() ) as $name => $schema ) {
					foreach ( self::schema_problems( (array) $schema ) as $problem ) {
						$problems[] = implode( '|', array_keys( (array) $handler['methods'] ) ) . " {$route} {$name}: {$problem}";
					}
				}
			}
		}
		return $problems;
	}

	/**
	 * @param array<string, mixed> $schema
	 * @return string[]
	 */
	private static function schema_problems( array $schema, string $path = '' ): array {
		$types    = (array) ( $schema['type'] ?? array() );
		$problems = array();
		if ( array_intersect( $types, array( 'integer', 'number' ) ) && ! isset( $schema['enum'] ) ) {
			if ( ! isset( $schema['minimum'] ) ) {
				$problems[] = "{$path}no minimum";
			}
			if ( ! isset( $schema['maximum'] ) ) {
				$problems[] = "{$path}no maximum";
			}
		}
		if ( in_array( 'string', $types, true ) && ! isset( $schema['enum'] ) && ! isset( $schema['format'] ) && ! isset( $schema['pattern'] ) && ! isset( $schema['maxLength'] ) ) {
			$problems[] = "{$path}string without maxLength, enum, format or pattern";
		}
		if ( in_array( 'array', $types, true ) ) {
			$items = (array) ( $schema['items'] ?? array() );
			if ( ! isset( $schema['maxItems'] ) && ! isset( $items['enum'] ) ) {
				$problems[] = "{$path}array without maxItems";
			}
			array_push( $problems, ...self::schema_problems( $items, "{$path}items " ) );
		}
		return $problems;
	}

	public function test_every_number_string_and_array_parameter_is_bounded(): void {
		$this->assertSame( array(), self::unbounded() );
	}

	/**
	 * @return array<string, array{0: string, 1: string, 2: string}>
	 */
	public static function huge_values(): array {
		$cases = array();
		foreach ( array( '9223372036854775807', '9223372036854775808', '1e308', '99999999999999999999', '-9223372036854775809', '1e-308' ) as $value ) {
			$cases[ "jobs page {$value}" ]  = array( '/jobs', 'page', $value );
			$cases[ "audit page {$value}" ] = array( '/audit', 'page', $value );
			$cases[ "changes page {$value}" ] = array( '/jobs/changes', 'page', $value );
			$cases[ "jobs pipeline_id {$value}" ] = array( '/jobs', 'pipeline_id', $value );
			$cases[ "logs after {$value}" ] = array( '/jobs/1/logs', 'after', $value );
		}
		return $cases;
	}

	/**
	 * @dataProvider huge_values
	 */
	public function test_huge_numbers_are_a_400_naming_the_parameter( string $route, string $param, string $value ): void {
		$this->assertInvalidParam( $this->admin_request( 'GET', $route, array( $param => $value ) ), $param );
	}

	public function test_the_largest_page_allowed_answers_an_empty_page(): void {
		$response = $this->admin_request( 'GET', '/jobs', array( 'page' => \DMJobs\Shared\Rest\ParamLimits::MAX_PAGE, 'per_page' => 100 ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( array(), $response->get_data() );
		$audit = $this->admin_request( 'GET', '/audit', array( 'page' => \DMJobs\Shared\Rest\ParamLimits::MAX_PAGE, 'per_page' => 100 ) );
		$this->assertSame( 200, $audit->get_status() );
	}

	public function test_a_huge_job_id_in_the_path_is_a_400(): void {
		$this->assertInvalidParam( $this->admin_request( 'GET', '/jobs/99999999999999999999' ), 'id' );
		$this->assertSame( 404, $this->admin_request( 'GET', '/jobs/' . \DMJobs\Shared\Rest\ParamLimits::MAX_ID )->get_status() );
	}
}
