<?php
/**
 * API response details and error codes that steps recorded: in engine_data (api_responses, api_response,
 * or any object with an http_status / status_code / response_code / http_code) and in log lines that
 * carried an HTTP status in their context.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Details;

use DMJobs\Logs\LogService;

defined( 'ABSPATH' ) || exit;

final class ApiResponses {

	public const MAX_ENTRIES = 50;

	private const MAX_BODY_CHARS = 2000;
	private const MAX_DEPTH      = 6;
	private const MAX_NODES      = 5000;
	private const STATUS_KEYS    = array( 'http_status', 'status_code', 'response_code', 'http_code' );
	private const STEP_KEYS      = array( 'step', 'step_id', 'flow_step_id', 'pipeline_step_id', 'step_type' );
	private const CODE_KEYS      = array( 'error_code', 'code' );
	private const MESSAGE_KEYS   = array( 'message', 'error', 'error_message', 'reason' );
	private const URL_KEYS       = array( 'url', 'endpoint', 'request_url' );

	private int $nodes = 0;

	/**
	 * @var array<int, array<string, mixed>>
	 */
	private array $entries = array();

	/**
	 * @param array<mixed>|null                       $engine_data Decoded engine_data.
	 * @param array<int, array<string, string|null>>  $log_rows    Log rows with an http_status, newest first.
	 * @return array<int, array{source: string, path: string|null, log_id: int|null, step: string|null, status: int|null, code: string|null, message: string|null, url: string|null, body: string|null, created_at: string|null}>
	 */
	public function collect( ?array $engine_data, array $log_rows ): array {
		$this->entries = array();
		$this->nodes   = 0;
		if ( is_array( $engine_data ) ) {
			$this->walk( $engine_data, '', 0, null );
		}
		foreach ( $log_rows as $row ) {
			if ( count( $this->entries ) >= self::MAX_ENTRIES ) {
				break;
			}
			$line            = LogService::format( $row );
			$this->entries[] = array(
				'source'     => 'log',
				'path'       => null,
				'log_id'     => $line['id'],
				'step'       => $line['step'],
				'status'     => $line['http_status'],
				'code'       => is_array( $line['context'] ) ? $this->first_scalar( $line['context'], self::CODE_KEYS ) : null,
				'message'    => mb_substr( $line['message'], 0, self::MAX_BODY_CHARS ),
				'url'        => is_array( $line['context'] ) ? $this->first_scalar( $line['context'], self::URL_KEYS ) : null,
				'body'       => null === $line['context'] ? null : $this->excerpt( $line['context'] ),
				'created_at' => $line['created_at'],
			);
		}
		return $this->entries;
	}

	/**
	 * @param array<mixed> $node
	 */
	private function walk( array $node, string $path, int $depth, ?string $step ): void {
		if ( $depth > self::MAX_DEPTH || count( $this->entries ) >= self::MAX_ENTRIES ) {
			return;
		}
		foreach ( $node as $key => $value ) {
			if ( ++$this->nodes > self::MAX_NODES || count( $this->entries ) >= self::MAX_ENTRIES ) {
				return;
			}
			if ( ! is_array( $value ) ) {
				continue;
			}
			$child_path = '' === $path ? (string) $key : $path . '.' . $key;
			if ( 'api_responses' === $key ) {
				foreach ( $value as $entry_key => $entry ) {
					if ( count( $this->entries ) >= self::MAX_ENTRIES ) {
						return;
					}
					$entry_step = is_string( $entry_key ) ? $entry_key : $step;
					if ( is_array( $entry ) && ! array_is_list( $entry ) ) {
						$this->add( $entry, $child_path . '.' . $entry_key, $entry_step );
					} elseif ( is_array( $entry ) ) {
						foreach ( $entry as $index => $item ) {
							if ( is_array( $item ) ) {
								$this->add( $item, $child_path . '.' . $entry_key . '.' . $index, $entry_step );
							}
						}
					}
				}
				continue;
			}
			if ( 'api_response' === $key || $this->has_status( $value ) ) {
				$this->add( $value, $child_path, $step );
				continue;
			}
			$this->walk( $value, $child_path, $depth + 1, $step );
		}
	}

	/**
	 * @param array<mixed> $value
	 */
	private function has_status( array $value ): bool {
		foreach ( self::STATUS_KEYS as $key ) {
			if ( isset( $value[ $key ] ) && is_numeric( $value[ $key ] ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param array<mixed> $value
	 */
	private function add( array $value, string $path, ?string $step ): void {
		$status = null;
		foreach ( array_merge( self::STATUS_KEYS, array( 'status' ) ) as $key ) {
			if ( isset( $value[ $key ] ) && is_numeric( $value[ $key ] ) && (int) $value[ $key ] >= 100 && (int) $value[ $key ] <= 599 ) {
				$status = (int) $value[ $key ];
				break;
			}
		}
		$code = $this->first_scalar( $value, self::CODE_KEYS );
		if ( null !== $code && null !== $status && (string) $status === $code ) {
			$code = null;
		}
		$this->entries[] = array(
			'source'     => 'engine_data',
			'path'       => $path,
			'log_id'     => null,
			'step'       => $this->first_scalar( $value, self::STEP_KEYS ) ?? $step,
			'status'     => $status,
			'code'       => $code,
			'message'    => $this->first_scalar( $value, self::MESSAGE_KEYS ),
			'url'        => $this->first_scalar( $value, self::URL_KEYS ),
			'body'       => $this->excerpt( $value['body'] ?? $value['response'] ?? $value ),
			'created_at' => null,
		);
	}

	/**
	 * @param array<mixed> $values
	 * @param string[]     $keys
	 */
	private function first_scalar( array $values, array $keys ): ?string {
		foreach ( $keys as $key ) {
			if ( isset( $values[ $key ] ) && is_scalar( $values[ $key ] ) && '' !== (string) $values[ $key ] ) {
				return mb_substr( (string) $values[ $key ], 0, self::MAX_BODY_CHARS );
			}
		}
		return null;
	}

	private function excerpt( mixed $value ): ?string {
		if ( null === $value ) {
			return null;
		}
		$text = is_string( $value ) ? $value : (string) wp_json_encode( $value, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR );
		return mb_strlen( $text ) > self::MAX_BODY_CHARS ? mb_substr( $text, 0, self::MAX_BODY_CHARS ) . '…' : $text;
	}
}
