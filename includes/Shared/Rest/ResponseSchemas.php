<?php
/**
 * Pieces the response schemas of several routes share: nullable types, times, the actor, lists and objects whose
 * properties are all present unless said otherwise. The TypeScript contract is generated from the schemas they make.
 *
 * @package DMJobs
 */

namespace DMJobs\Shared\Rest;

use DMJobs\Audit\Actor;

defined( 'ABSPATH' ) || exit;

final class ResponseSchemas {

	public const DRAFT = 'http://json-schema.org/draft-04/schema#';

	/**
	 * @param string|string[] $type
	 * @return array<string, mixed>
	 */
	public static function nullable( string|array $type ): array {
		return array( 'type' => array_merge( (array) $type, array( 'null' ) ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	public static function time(): array {
		return array(
			'type'   => 'string',
			'format' => 'date-time',
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public static function nullable_time(): array {
		return array(
			'type'   => array( 'string', 'null' ),
			'format' => 'date-time',
		);
	}

	/**
	 * @param array<string, mixed> $item
	 * @return array<string, mixed>
	 */
	public static function list_of( array $item ): array {
		return array(
			'type'  => 'array',
			'items' => $item,
		);
	}

	/**
	 * An object whose properties are all present, or only `$required` when given.
	 *
	 * @param array<string, array<string, mixed>> $properties
	 * @param string[]|null                       $required
	 * @return array<string, mixed>
	 */
	public static function object( array $properties, ?array $required = null ): array {
		return array(
			'type'       => 'object',
			'properties' => $properties,
			'required'   => $required ?? array_keys( $properties ),
		);
	}

	/**
	 * A named response schema (its title names the generated type).
	 *
	 * @param array<string, array<string, mixed>> $properties
	 * @param string[]|null                       $required
	 * @return array<string, mixed>
	 */
	public static function titled( string $title, array $properties, ?array $required = null ): array {
		return array(
			'$schema' => self::DRAFT,
			'title'   => $title,
		) + self::object( $properties, $required );
	}

	/**
	 * When a background task runs next, and by which runner (WP-Cron, or Action Scheduler when present).
	 *
	 * @return array<string, mixed>
	 */
	public static function schedule(): array {
		return self::object(
			array(
				'runner'   => array(
					'type' => 'string',
					'enum' => array( 'wp-cron', 'action-scheduler' ),
				),
				'next_run' => self::nullable_time(),
			)
		);
	}

	/**
	 * A map from names (such as statuses) to counts.
	 *
	 * @return array<string, mixed>
	 */
	public static function counts(): array {
		return array(
			'type'                 => 'object',
			'additionalProperties' => array( 'type' => 'integer' ),
		);
	}

	/**
	 * Who did something: a user or the system.
	 *
	 * @return array<string, mixed>
	 */
	public static function actor(): array {
		return self::titled(
			'dm-actor',
			array(
				'type'    => array(
					'type' => 'string',
					'enum' => array( Actor::USER, Actor::SYSTEM ),
				),
				'user_id' => self::nullable( 'integer' ),
				'login'   => self::nullable( 'string' ),
			)
		);
	}
}
