<?php
/**
 * SQL for "the status column holds one of these base statuses": exact values (including legacy
 * aliases such as `complete` or `running`) and compound values (`failed - timeout`, `failed: x`).
 *
 * The one place this is built, so the list filter, counts, bulk actions, cleanup and retention
 * can never disagree about which rows a status covers.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Repository;

use DMJobs\Status\BaseStatus;
use DMJobs\Status\StatusParser;

defined( 'ABSPATH' ) || exit;

final class StatusFilterSql {

	/**
	 * A parenthesised condition (with placeholders) and its values; "1=0" for no statuses.
	 *
	 * @param BaseStatus[] $statuses Base statuses to match.
	 * @param string       $column   A column reference from our own code (e.g. "j.status" or "status"), never user input.
	 * @return array{0: string, 1: array<int, string>}
	 */
	public static function build( array $statuses, string $column = 'j.status' ): array {
		return self::matching( array_map( array( StatusParser::class, 'stored_forms' ), $statuses ), $column );
	}

	/**
	 * The same for statuses DM Jobs does not know, by name: the plain value and its compound forms.
	 *
	 * @param string[] $names  Names (StatusParser::is_status_name()).
	 * @param string   $column A column reference from our own code.
	 * @return array{0: string, 1: array<int, string>}
	 */
	public static function build_names( array $names, string $column = 'j.status' ): array {
		return self::matching( array_map( array( StatusParser::class, 'stored_forms_of_name' ), $names ), $column );
	}

	/**
	 * @param array<int, array{exact: string[], prefixes: string[]}> $stored_forms One entry per status.
	 * @param string                                                 $column       A column reference from our own code.
	 * @return array{0: string, 1: array<int, string>}
	 */
	private static function matching( array $stored_forms, string $column ): array {
		global $wpdb;
		if ( ! preg_match( '/^([a-z_]+\.)?[a-z_]+$/', $column ) ) {
			throw new \InvalidArgumentException( 'Invalid column reference.' );
		}
		$clauses = array();
		$values  = array();
		foreach ( $stored_forms as $forms ) {
			$clauses[] = "{$column} IN (" . implode( ', ', array_fill( 0, count( $forms['exact'] ), '%s' ) ) . ')';
			array_push( $values, ...$forms['exact'] );
			foreach ( $forms['prefixes'] as $prefix ) {
				$clauses[] = "{$column} LIKE %s";
				$values[]  = $wpdb->esc_like( $prefix ) . '%';
			}
		}
		if ( ! $clauses ) {
			return array( '1=0', array() );
		}
		return array( '(' . implode( ' OR ', $clauses ) . ')', $values );
	}

	/**
	 * Pending, processing and waiting (and legacy `running`): the jobs that are still live.
	 *
	 * @return BaseStatus[]
	 */
	public static function active_statuses(): array {
		return array_values( array_filter( BaseStatus::cases(), static fn ( BaseStatus $status ): bool => ! $status->is_final() ) );
	}
}
