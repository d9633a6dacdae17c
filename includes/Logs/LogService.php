<?php
/**
 * Appends and reads job log lines: validation, size limits and the public line shape.
 *
 * Limits (documented in the README):
 * - message: at most 16,000 characters. Over REST a longer message is refused (400); through the PHP
 *   function and the dm_log capture it is cut to the limit and the line is flagged `truncated`.
 * - context: a JSON object of at most 64 KB once encoded. Over REST a larger one is refused (400);
 *   through PHP it is replaced by {"_truncated": true, "original_bytes": N} and the line is flagged.
 * - step: at most 100 characters (cut in PHP, refused over REST).
 * - level: one of debug, info, notice, warning, error, critical; anything else is an error everywhere.
 *
 * @package DMJobs
 */

namespace DMJobs\Logs;

use DMJobs\Jobs\JobFormatter;
use DMJobs\Logs\Repository\LogRepository;
use DMJobs\Shared\Rest\InvalidParam;
use WP_Error;

defined( 'ABSPATH' ) || exit;

final class LogService {

	public const MAX_MESSAGE_CHARS = 16000;
	public const MAX_CONTEXT_BYTES = 65536;
	public const MAX_STEP_CHARS    = 100;

	/**
	 * Context keys whose integer value is kept as the line's HTTP status.
	 */
	private const HTTP_STATUS_KEYS = array( 'http_status', 'status_code', 'response_code', 'http_code' );

	/**
	 * Job IDs known to exist during this request (the dm_log capture checks every line).
	 *
	 * @var array<int, bool>
	 */
	private static array $known_jobs = array();

	public function __construct(
		private readonly LogRepository $logs = new LogRepository(),
	) {
	}

	/**
	 * Appends a line to a job's log.
	 *
	 * @param int                 $job_id  The job.
	 * @param string              $level   debug, info, notice, warning, error or critical.
	 * @param string              $message The line.
	 * @param array<mixed>        $context Structured data (stored as JSON).
	 * @param string|null         $step    The step the line is about (pipeline or flow step ID, or step type).
	 * @param bool                $strict  Refuse over-long values (REST) instead of truncating them (PHP).
	 * @return array<string, mixed>|WP_Error The stored line.
	 */
	public function append( int $job_id, string $level, string $message, array $context = array(), ?string $step = null, bool $strict = false ): array|WP_Error {
		$log_level = LogLevel::tryFrom( $level );
		if ( null === $log_level ) {
			return self::invalid( 'level', __( 'Unknown log level. Use debug, info, notice, warning, error or critical.', 'dm-jobs' ) );
		}
		if ( ! $this->job_exists( $job_id ) ) {
			return new WP_Error( 'dm_jobs_job_not_found', __( 'No job has this ID.', 'dm-jobs' ), array( 'status' => 404 ) );
		}

		$truncated = false;
		$message   = self::clean_utf8( $message );
		if ( '' === trim( $message ) ) {
			return self::invalid( 'message', __( 'The message is empty.', 'dm-jobs' ) );
		}
		if ( mb_strlen( $message ) > self::MAX_MESSAGE_CHARS ) {
			if ( $strict ) {
				/* translators: %d: maximum number of characters. */
				return self::invalid( 'message', sprintf( __( 'The message is longer than %d characters.', 'dm-jobs' ), self::MAX_MESSAGE_CHARS ) );
			}
			$message   = mb_substr( $message, 0, self::MAX_MESSAGE_CHARS );
			$truncated = true;
		}

		$step = null === $step ? null : trim( self::clean_utf8( $step ) );
		if ( null !== $step && mb_strlen( $step ) > self::MAX_STEP_CHARS ) {
			if ( $strict ) {
				/* translators: %d: maximum number of characters. */
				return self::invalid( 'step', sprintf( __( 'The step is longer than %d characters.', 'dm-jobs' ), self::MAX_STEP_CHARS ) );
			}
			$step      = mb_substr( $step, 0, self::MAX_STEP_CHARS );
			$truncated = true;
		}

		$context_json = null;
		if ( $context ) {
			$context_json = wp_json_encode( $context, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR );
			if ( false === $context_json ) {
				$context_json = (string) wp_json_encode( array( '_unencodable' => true ) );
			}
			if ( strlen( $context_json ) > self::MAX_CONTEXT_BYTES ) {
				if ( $strict ) {
					/* translators: %d: maximum size in bytes. */
					return self::invalid( 'context', sprintf( __( 'The context is larger than %d bytes as JSON.', 'dm-jobs' ), self::MAX_CONTEXT_BYTES ) );
				}
				$context_json = (string) wp_json_encode(
					array(
						'_truncated'     => true,
						'original_bytes' => strlen( $context_json ),
					)
				);
				$truncated    = true;
			}
		}

		$line = array(
			'job_id'      => $job_id,
			'level'       => $log_level->value,
			'step'        => '' === $step ? null : $step,
			'message'     => $message,
			'context'     => $context_json,
			'http_status' => self::http_status( $context ),
			'truncated'   => $truncated,
			'created_at'  => gmdate( 'Y-m-d H:i:s' ),
		);
		$log_id = $this->logs->insert( $line );

		return self::format( array( 'log_id' => (string) $log_id ) + $line );
	}

	/**
	 * One page of a job's lines with the cursors to continue from.
	 *
	 * @return array{items: array<int, array<string, mixed>>, next_cursor: int|null, prev_cursor: int|null, has_more: bool, has_older: bool}
	 */
	public function page( LogQuery $query ): array {
		$rows  = $this->logs->find_page( $query );
		$items = array_map( array( self::class, 'format' ), $rows );
		$first = $items ? $items[0]['id'] : null;
		$last  = $items ? $items[ count( $items ) - 1 ]['id'] : null;

		// Ascending pages continue after the last line; backward pages continue before the first one.
		if ( $query->reads_backwards() ) {
			$has_older = count( $rows ) === $query->per_page && null !== $first && $this->logs->exists_beyond( $query, $first, false );
			$has_more  = false;
		} else {
			$has_more  = count( $rows ) === $query->per_page && null !== $last && $this->logs->exists_beyond( $query, $last, true );
			$has_older = null !== $query->after && null !== $first && $this->logs->exists_beyond( $query, $first, false );
		}

		return array(
			'items'       => $items,
			// The live tail polls with after=next_cursor: without new lines it stays where it was.
			'next_cursor' => $last ?? $query->after ?? ( $query->reads_backwards() ? $query->before : null ),
			'prev_cursor' => $first,
			'has_more'    => $has_more,
			'has_older'   => $has_older,
		);
	}

	/**
	 * The public shape of a stored line.
	 *
	 * @param array<string, mixed> $row
	 * @return array{id: int, job_id: int, level: string, step: string|null, message: string, context: array<mixed>|null, http_status: int|null, truncated: bool, created_at: string|null}
	 */
	public static function format( array $row ): array {
		$context = null;
		if ( isset( $row['context'] ) && is_string( $row['context'] ) && '' !== $row['context'] ) {
			$decoded = json_decode( $row['context'], true );
			$context = is_array( $decoded ) ? $decoded : array( 'value' => $decoded );
			// Data Machine's own lines carry the job ID (and our step) inside the context: that is the
			// line's job and step already, not more context.
			if ( isset( $context['job_id'] ) && is_scalar( $context['job_id'] ) && (string) $context['job_id'] === (string) $row['job_id'] ) {
				unset( $context['job_id'] );
			}
			if ( isset( $context['step'], $row['step'] ) && $context['step'] === $row['step'] ) {
				unset( $context['step'] );
			}
			$context = array() === $context ? null : $context;
		}
		return array(
			'id'          => (int) $row['log_id'],
			'job_id'      => (int) $row['job_id'],
			'level'       => (string) $row['level'],
			'step'        => isset( $row['step'] ) && '' !== $row['step'] ? (string) $row['step'] : null,
			'message'     => (string) $row['message'],
			'context'     => $context,
			'http_status' => isset( $row['http_status'] ) && '' !== (string) $row['http_status'] ? (int) $row['http_status'] : null,
			'truncated'   => ! empty( $row['truncated'] ),
			'created_at'  => JobFormatter::iso_utc( isset( $row['created_at'] ) ? (string) $row['created_at'] : null ),
		);
	}

	/**
	 * Forgets jobs job_exists() found (they were deleted).
	 *
	 * @param int[]|null $job_ids Null forgets every job.
	 */
	public static function forget_known_jobs( ?array $job_ids = null ): void {
		if ( null === $job_ids ) {
			self::$known_jobs = array();
			return;
		}
		foreach ( $job_ids as $job_id ) {
			unset( self::$known_jobs[ (int) $job_id ] );
		}
	}

	/**
	 * Whether the job exists. Only found jobs are remembered (for the rest of the request, until deleted).
	 */
	public function job_exists( int $job_id ): bool {
		if ( $job_id < 1 ) {
			return false;
		}
		if ( isset( self::$known_jobs[ $job_id ] ) ) {
			return true;
		}
		if ( ! $this->logs->job_exists( $job_id ) ) {
			return false;
		}
		if ( count( self::$known_jobs ) >= 1000 ) {
			self::$known_jobs = array();
		}
		self::$known_jobs[ $job_id ] = true;
		return true;
	}

	/**
	 * An HTTP status recorded in a line's context (top level, or under "response"), if any.
	 *
	 * @param array<mixed> $context
	 */
	private static function http_status( array $context ): ?int {
		$candidates = array( $context );
		if ( isset( $context['response'] ) && is_array( $context['response'] ) ) {
			$candidates[] = $context['response'];
		}
		foreach ( $candidates as $candidate ) {
			foreach ( self::HTTP_STATUS_KEYS as $key ) {
				if ( isset( $candidate[ $key ] ) && is_numeric( $candidate[ $key ] ) ) {
					$status = (int) $candidate[ $key ];
					if ( $status >= 100 && $status <= 599 ) {
						return $status;
					}
				}
			}
		}
		return null;
	}

	/**
	 * Replaces invalid UTF-8 byte sequences (so the line always encodes as JSON).
	 */
	private static function clean_utf8( string $value ): string {
		if ( function_exists( 'mb_scrub' ) ) {
			return mb_scrub( $value, 'UTF-8' );
		}
		return '' === $value || '' !== wp_check_invalid_utf8( $value ) ? $value : (string) preg_replace( '/[\x80-\xFF]/', '?', $value );
	}

	private static function invalid( string $param, string $message ): WP_Error {
		return InvalidParam::error( $param, $message );
	}
}
