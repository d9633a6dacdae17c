<?php
/**
 * Checks an answer against the response schema the route declares, the way the browser reads it: after JSON, every
 * value validates (WordPress's own validator), every object that the schema calls an object arrives as a JSON object
 * (an empty PHP array would arrive as `[]`, which the generated guards refuse), and every object has only the
 * schema's fields, the required ones all present, and the answer itself has them in the schema's order.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests;

PHP_SAPI === 'cli' || exit;

trait ResponseSchemaAssertions {

	/**
	 * @param mixed                $answer A response's data.
	 * @param array<string, mixed> $schema The route's response schema.
	 */
	protected function assertAnswerMatches( mixed $answer, array $schema, string $what ): void {
		$json = (string) wp_json_encode( $answer );
		$this->assertNotSame( '', $json, "{$what}: encodes as JSON" );
		$valid = rest_validate_value_from_schema( json_decode( $json, true ), $schema, $what );
		$this->assertTrue( true === $valid, "{$what}: " . ( is_wp_error( $valid ) ? $valid->get_error_message() : '' ) . ' ' . substr( $json, 0, 600 ) );
		$this->assertShape( json_decode( $json ), $schema, $what );
	}

	/**
	 * @param mixed                $value  Decoded with JSON objects as stdClass.
	 * @param array<string, mixed> $schema
	 */
	private function assertShape( mixed $value, array $schema, string $path ): void {
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
}
