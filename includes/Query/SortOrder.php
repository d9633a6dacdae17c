<?php
/**
 * Sort direction.
 *
 * @package DMJobs
 */

namespace DMJobs\Query;

defined( 'ABSPATH' ) || exit;

enum SortOrder: string {
	case Asc  = 'asc';
	case Desc = 'desc';

	public function sql(): string {
		return self::Asc === $this ? 'ASC' : 'DESC';
	}
}
