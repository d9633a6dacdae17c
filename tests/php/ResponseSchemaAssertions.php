<?php
/**
 * Checks an answer against the response schema the route declares, the way the browser reads it: after JSON, every
 * value validates (WordPress's own validator), every object that the schema calls an object arrives as a JSON object
 * (an empty PHP array would arrive as `[]`, which the generated guards refuse), and every object has only the
 * schema's fields, the required ones all present, and the answer itself has them in the schema's order. The members
 * of an allOf count as one schema.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests;

use DMJobs\Shared\Rest\TypeScriptContract;

PHP_SAPI === 'cli' || exit;

trait ResponseSchemaAssertions {

	/**
	 * The answer schema a method declares (the endpoint's own, else the route's).
	 *
	 * @return array<string, mixed>
	 */
	protected function declared( string $method, string $route ): array {
		$server  = rest_get_server();
		$pattern = '/dm-jobs/v1' . $route;
		foreach ( $server->get_routes( 'dm-jobs/v1' ) as $path => $endpoints ) {
			if ( $path !== $pattern ) {
				continue;
			}
			foreach ( $endpoints as $endpoint ) {
				if ( ! empty( $endpoint['methods'][ $method ] ) && isset( $endpoint[ TypeScriptContract::RESPONSE_SCHEMA ] ) ) {
					return call_user_func( $endpoint[ TypeScriptContract::RESPONSE_SCHEMA ] );
				}
			}
			$schema = $server->get_route_options( $path )['schema'] ?? null;
			$this->assertIsCallable( $schema, "{$method} {$route} declares its answer" );
			return call_user_func( $schema );
		}
		$this->fail( "No route {$route}" );
	}

	/**
	 * @param array<string, mixed> $params
	 * @return mixed The answer.
	 */
	protected function answer( string $method, string $route, array $params = array(), string $path = '' ): mixed {
		$response = $this->admin_request( $method, '' === $path ? $route : $path, $params );
		$this->assertLessThan( 300, $response->get_status(), "{$method} {$route}: " . wp_json_encode( $response->get_data() ) );
		$this->assertAnswerMatches( $response->get_data(), $this->declared( $method, $route ), "{$method} {$route}" );
		return $response->get_data();
	}

	/**
	 * @param mixed                $answer A response's data.
	 * @param array<string, mixed> $schema The route's response schema.
	 */
	protected function assertAnswerMatches( mixed $answer, array $schema, string $what ): void {
		$json = (string) wp_json_encode( $answer );
		$this->assertNotSame( '', $json, "{$what}: encodes as JSON" );
		$schema = self::all_of_merged( $schema );
		$valid  = rest_validate_value_from_schema( json_decode( $json, true ), $schema, $what );
		$this->assertTrue( true === $valid, "{$what}: " . ( is_wp_error( $valid ) ? $valid->get_error_message() : '' ) . ' ' . substr( $json, 0, 600 ) );
		$this->assertShape( json_decode( $json ), $schema, $what );
	}

	/**
	 * @param mixed                $value  Decoded with JSON objects as stdClass.
	 * @param array<string, mixed> $schema
	 */
	private function assertShape( mixed $value, array $schema, string $path ): void {
		$schema = self::all_of_merged( $schema );
		foreach ( array( 'anyOf', 'oneOf' ) as $key ) {
			if ( isset( $schema[ $key ] ) ) {
				$array = json_decode( (string) wp_json_encode( $value ), true );
				foreach ( $schema[ $key ] as $member ) {
					if ( true === rest_validate_value_from_schema( $array, $member, $path ) ) {
						$this->assertShape( $value, $member, $path );
						return;
					}
				}
				$this->fail( "{$path}: matches none of {$key}" );
			}
		}
		$types = (array) ( $schema['type'] ?? array() );
		if ( is_array( $value ) ) {
			$this->assertContains( 'array', $types, "{$path} is a JSON array where the schema says " . implode( '|', $types ) );
			foreach ( $value as $index => $item ) {
				if ( isset( $schema['items'] ) ) {
					$this->assertShape( $item, $schema['items'], "{$path}[{$index}]" );
				}
			}
			return;
		}
		if ( ! $value instanceof \stdClass ) {
			return;
		}
		$this->assertContains( 'object', $types, "{$path} is a JSON object where the schema says " . implode( '|', $types ) );
		$fields     = get_object_vars( $value );
		$properties = (array) ( $schema['properties'] ?? array() );
		if ( $properties ) {
			$keys = array_keys( $fields );
			if ( isset( $schema['additionalProperties'] ) && false !== $schema['additionalProperties'] ) {
				$keys = array_values( array_intersect( $keys, array_keys( $properties ) ) );
			}
			if ( str_contains( $path, '.' ) ) {
				$this->assertSame( array(), array_values( array_diff( $keys, array_keys( $properties ) ) ), "{$path}: every field is declared" );
			} else {
				$this->assertSame( array_values( array_intersect( array_keys( $properties ), $keys ) ), $keys, "{$path}: every field is declared, in the schema's order" );
			}
			$this->assertSame( array(), array_values( array_diff( (array) ( $schema['required'] ?? array_keys( $properties ) ), $keys ) ), "{$path}: required fields are present" );
		}
		foreach ( $fields as $name => $field ) {
			$child = $properties[ $name ] ?? ( is_array( $schema['additionalProperties'] ?? null ) ? $schema['additionalProperties'] : null );
			if ( null !== $child ) {
				$this->assertShape( $field, $child, "{$path}.{$name}" );
			}
		}
	}

	/**
	 * A schema with its allOf members folded in, at every depth (WordPress's validator does not read allOf): their
	 * properties and required lists added to its own.
	 *
	 * @param array<string, mixed> $schema
	 * @return array<string, mixed>
	 */
	private static function all_of_merged( array $schema ): array {
		$members = (array) ( $schema['allOf'] ?? array() );
		unset( $schema['allOf'] );
		foreach ( $members as $member ) {
			$member               = self::all_of_merged( (array) $member );
			$schema['properties'] = (array) ( $schema['properties'] ?? array() ) + (array) ( $member['properties'] ?? array() );
			$schema['required']   = array_values( array_unique( array_merge( (array) ( $schema['required'] ?? array() ), (array) ( $member['required'] ?? array() ) ) ) );
			$schema['type']     ??= $member['type'] ?? null;
		}
		foreach ( (array) ( $schema['properties'] ?? array() ) as $name => $property ) {
			$schema['properties'][ $name ] = self::all_of_merged( (array) $property );
		}
		foreach ( array( 'items', 'additionalProperties' ) as $key ) {
			if ( isset( $schema[ $key ] ) && is_array( $schema[ $key ] ) ) {
				$schema[ $key ] = self::all_of_merged( $schema[ $key ] );
			}
		}
		foreach ( array( 'anyOf', 'oneOf' ) as $key ) {
			foreach ( (array) ( $schema[ $key ] ?? array() ) as $index => $member ) {
				$schema[ $key ][ $index ] = self::all_of_merged( (array) $member );
			}
		}
		return $schema;
	}
}
