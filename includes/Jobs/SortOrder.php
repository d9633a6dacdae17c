<?php
/**
 * Sort direction.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

defined( 'ABSPATH' ) || exit;

enum SortOrder: string {
	case Asc  = 'asc';
	case Desc = 'desc';

	public function sql(): string {
		return self::Asc === $this ? 'ASC' : 'DESC';
	}
}
