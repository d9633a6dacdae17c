<?php
/**
 * A short token that changes when the jobs table changes in a way a list view would show: a job is
 * added, starts, finishes or fails, or jobs are deleted. Computing it costs three index lookups.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

use DMJobs\Jobs\Repository\JobListRepository;

defined( 'ABSPATH' ) || exit;

final class ChangeToken {

	public function __construct( private readonly JobListRepository $list = new JobListRepository() ) {
	}

	public function current(): string {
		$signature            = $this->list->change_signature();
		$signature['version'] = DataVersion::current();
		return substr( md5( (string) wp_json_encode( $signature ) ), 0, 16 );
	}
}
