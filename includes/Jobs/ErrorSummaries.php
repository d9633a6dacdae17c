<?php
/**
 * The "error_summary" of jobs in a list: a failed job's newest error line, cut to 200 characters,
 * read for the whole page at once.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

use DMJobs\Logs\Repository\LogRepository;

defined( 'ABSPATH' ) || exit;

final class ErrorSummaries {

	private const CHARS = 200;

	public function __construct( private readonly LogRepository $logs = new LogRepository() ) {
	}

	/**
	 * Failed rows get the message of their newest error line (one query for the page), so the
	 * list says why a job failed even when its status carries no reason.
	 *
	 * @param array<int, array<string, mixed>> $items
	 * @return array<int, array<string, mixed>>
	 */
	public function add( array $items ): array {
		$failed = array();
		foreach ( $items as $item ) {
			if ( 'failed' === $item['status'] ) {
				$failed[] = (int) $item['id'];
			}
		}
		$messages = $failed ? $this->logs->last_error_messages( $failed ) : array();
		foreach ( $items as &$item ) {
			$message               = $messages[ (int) $item['id'] ] ?? null;
			$item['error_summary'] = null === $message ? null : mb_strimwidth( trim( $message ), 0, self::CHARS, '…' );
		}
		unset( $item );
		return $items;
	}
}
