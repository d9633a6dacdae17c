<?php
/**
 * What one batch of an operation did.
 *
 * @package DMJobs
 */

namespace DMJobs\Operations;

defined( 'ABSPATH' ) || exit;

final class BatchResult {

	/**
	 * @param int                  $cursor    The primary key (or step) reached; the next batch starts above it.
	 * @param int                  $processed Candidates examined in this batch.
	 * @param int                  $affected  Rows (or folders) this batch changed or removed.
	 * @param bool                 $done      Nothing is left to do.
	 * @param array<string, int>   $counters  Extra counts summed over the run (e.g. logs_removed, skipped).
	 * @param array<int, mixed>    $entries   Extra items appended to the run's result (e.g. per-table sizes).
	 */
	public function __construct(
		public readonly int $cursor,
		public readonly int $processed,
		public readonly int $affected,
		public readonly bool $done,
		public readonly array $counters = array(),
		public readonly array $entries = array(),
	) {
	}

	public static function finished( int $cursor ): self {
		return new self( $cursor, 0, 0, true );
	}
}
