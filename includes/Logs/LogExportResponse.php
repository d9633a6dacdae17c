<?php
/**
 * A REST response whose body is streamed by LogHooks::serve_export() instead of being JSON-encoded.
 *
 * @package DMJobs
 */

namespace DMJobs\Logs;

use WP_REST_Response;

defined( 'ABSPATH' ) || exit;

final class LogExportResponse extends WP_REST_Response {

	/**
	 * @var callable(callable(string): void): int
	 */
	private $producer;

	/**
	 * @param callable(callable(string): void): int $producer Writes the export to the callable it is given.
	 * @param array<string, string>                 $headers  Download headers.
	 */
	public function __construct( callable $producer, array $headers ) {
		parent::__construct( null, 200, $headers );
		$this->producer = $producer;
	}

	/**
	 * Writes the body to $write (echo, a buffer in tests).
	 *
	 * @param callable(string): void $write
	 * @return int Lines written.
	 */
	public function stream( callable $write ): int {
		return ( $this->producer )( $write );
	}
}
