<?php
/**
 * Appends entries to the audit trail. The only way in: there is no update, and the only deletion
 * is the audit's own retention (AuditPruneHandler).
 *
 * @package DMJobs
 */

namespace DMJobs\Audit;

use DMJobs\Audit\Repository\AuditRepository;
use DMJobs\Jobs\JobFormatter;

defined( 'ABSPATH' ) || exit;

final class AuditLog {

	/**
	 * Longest params JSON stored; bigger values are cut (and say so).
	 */
	public const MAX_PARAMS_BYTES = 16384;

	/**
	 * While > 0, per-job events (created, status changed, deleted) are not recorded one by one,
	 * because a batched operation records itself as a single entry with its parameters and count.
	 */
	private static int $quiet_job_events = 0;

	public function __construct( private readonly AuditRepository $entries = new AuditRepository() ) {
	}

	/**
	 * @param string               $action   Dotted action name, e.g. "jobs.bulk_delete".
	 * @param array<string, mixed> $params   What was asked for (and, for operations, how it ended).
	 * @param int                  $affected Rows (or files) changed.
	 * @param int|null             $job_id   The job it is about, for single-job events.
	 * @param Actor|null           $actor    Defaults to the current user, or the system.
	 * @return int The entry's ID (0 when writing failed: auditing never breaks the action itself).
	 */
	public function record( string $action, array $params = array(), int $affected = 0, ?int $job_id = null, ?Actor $actor = null ): int {
		$actor = $actor ?? Actor::current();
		$json  = $params ? (string) wp_json_encode( $params, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) : null;
		if ( null !== $json && strlen( $json ) > self::MAX_PARAMS_BYTES ) {
			$json = (string) wp_json_encode(
				array(
					'truncated' => true,
					'excerpt'   => substr( $json, 0, self::MAX_PARAMS_BYTES - 200 ),
				)
			);
		}
		try {
			return $this->entries->insert(
				array(
					'created_at' => gmdate( 'Y-m-d H:i:s' ),
					'actor_type' => $actor->type,
					'user_id'    => $actor->user_id,
					'user_login' => $actor->login,
					'action'     => $action,
					'job_id'     => $job_id,
					'affected'   => max( 0, $affected ),
					'params'     => $json,
				)
			);
		} catch ( \RuntimeException $e ) {
			// The audit table may be missing mid-upgrade; the action the user asked for has happened.
			if ( function_exists( 'wp_trigger_error' ) ) {
				wp_trigger_error( __METHOD__, $e->getMessage() );
			}
			return 0;
		}
	}

	/**
	 * Runs a callback with per-job events muted (for batched operations that audit themselves).
	 *
	 * @template T
	 * @param callable(): T $callback
	 * @return T
	 */
	public static function quietly( callable $callback ): mixed {
		++self::$quiet_job_events;
		try {
			return $callback();
		} finally {
			--self::$quiet_job_events;
		}
	}

	public static function is_quiet(): bool {
		return self::$quiet_job_events > 0;
	}

	/**
	 * Shapes a stored row for the REST API.
	 *
	 * @param array<string, string|null> $row
	 * @return array<string, mixed>
	 */
	public static function format( array $row ): array {
		$params = null;
		if ( null !== $row['params'] && '' !== $row['params'] ) {
			$decoded = json_decode( (string) $row['params'], true );
			$params  = is_array( $decoded ) ? $decoded : null;
		}
		$actor = Actor::from_row( (string) $row['actor_type'], (int) $row['user_id'], $row['user_login'] );
		return array(
			'id'         => (int) $row['audit_id'],
			'created_at' => JobFormatter::iso_utc( $row['created_at'] ),
			'actor'      => $actor->to_array(),
			'action'     => (string) $row['action'],
			'job_id'     => null === $row['job_id'] || '' === $row['job_id'] ? null : (int) $row['job_id'],
			'affected'   => (int) $row['affected'],
			'params'     => $params,
		);
	}
}
