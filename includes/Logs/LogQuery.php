<?php
/**
 * A validated request for one page of a job's log lines (keyset paging by log_id).
 *
 * @package DMJobs
 */

namespace DMJobs\Logs;

defined( 'ABSPATH' ) || exit;

final class LogQuery {

	public const MAX_PER_PAGE     = 1000;
	public const DEFAULT_PER_PAGE = 200;

	/**
	 * @param int        $job_id   The job.
	 * @param LogLevel[] $levels   Only these levels; empty means all.
	 * @param string     $search   Text matched (LIKE, escaped) against message and step.
	 * @param int|null   $after    Only lines with log_id greater than this (forward paging, live tail).
	 * @param int|null   $before   Only lines with log_id smaller than this (backward paging).
	 * @param bool       $tail     Without after/before: the newest lines instead of the oldest.
	 * @param int        $per_page Lines per page, 1–1000.
	 */
	public function __construct(
		public readonly int $job_id,
		public readonly array $levels = array(),
		public readonly string $search = '',
		public readonly ?int $after = null,
		public readonly ?int $before = null,
		public readonly bool $tail = false,
		public readonly int $per_page = self::DEFAULT_PER_PAGE,
	) {
		if ( $per_page < 1 || $per_page > self::MAX_PER_PAGE ) {
			throw new \InvalidArgumentException( 'per_page must be between 1 and 1000.' );
		}
		foreach ( $levels as $level ) {
			if ( ! $level instanceof LogLevel ) {
				throw new \InvalidArgumentException( 'levels must be LogLevel values.' );
			}
		}
	}

	/**
	 * Whether the page is read newest-first from the database (then returned oldest-first).
	 */
	public function reads_backwards(): bool {
		return null === $this->after && ( null !== $this->before || $this->tail );
	}

	public function with_after( int $after ): self {
		return new self( $this->job_id, $this->levels, $this->search, $after, null, false, $this->per_page );
	}
}
