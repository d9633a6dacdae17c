<?php
/**
 * Jobs stuck open: pending or processing (legacy "running" included) and created more than N
 * minutes ago. Counted through the list's own filter (an indexed range on the base status and
 * created_at), up to a cap, plus the oldest few for the message.
 *
 * @package DMJobs
 */

namespace DMJobs\Alerts\Rules;

use DMJobs\Alerts\Alert;
use DMJobs\Alerts\AlertRule;
use DMJobs\Jobs\JobOrderBy;
use DMJobs\Jobs\JobQuery;
use DMJobs\Jobs\Repository\JobListRepository;
use DMJobs\Jobs\SortOrder;
use DMJobs\Status\BaseStatus;

defined( 'ABSPATH' ) || exit;

final class StuckJobsRule implements AlertRule {

	public const COUNT_CAP = 10000;
	public const SAMPLE    = 5;

	public function __construct( private readonly JobListRepository $list = new JobListRepository() ) {
	}

	public function id(): string {
		return 'stuck';
	}

	public function evaluate( array $config, int $now ): array {
		$minutes = max( 1, (int) $config['minutes'] );
		$cutoff  = $now - $minutes * MINUTE_IN_SECONDS;
		$query   = new JobQuery(
			per_page: self::SAMPLE,
			statuses: array( BaseStatus::Pending, BaseStatus::Processing ),
			created_before: gmdate( 'Y-m-d H:i:s', $cutoff ),
			order_by: JobOrderBy::JobId,
			order: SortOrder::Asc,
		);
		$count = $this->list->count_up_to( $query, self::COUNT_CAP );
		if ( $count < 1 ) {
			return array();
		}
		$oldest = $this->list->find_page( $query );
		$ids    = array_map( static fn ( array $row ): int => (int) $row['job_id'], $oldest );
		$more   = $count > self::COUNT_CAP;
		$count  = min( $count, self::COUNT_CAP );
		return array(
			new Alert(
				$this->id(),
				'site',
				sprintf(
					/* translators: 1: number of jobs (may be followed by "+"), 2: minutes */
					_n( '%1$s job has been pending or processing for more than %2$d minutes', '%1$s jobs have been pending or processing for more than %2$d minutes', $count, 'dm-jobs' ),
					number_format_i18n( $count ) . ( $more ? '+' : '' ),
					$minutes
				),
				sprintf(
					/* translators: %s: comma-separated job IDs */
					__( 'Oldest: %s.', 'dm-jobs' ),
					implode( ', ', array_map( static fn ( int $id ): string => '#' . $id, $ids ) )
				),
				array(
					'status' => BaseStatus::Pending->value . ',' . BaseStatus::Processing->value,
					'before' => gmdate( 'Y-m-d\TH:i:s\Z', $cutoff ),
					'order'  => 'asc',
				),
				array(
					'count'        => $count,
					'more'         => $more,
					'oldest_ids'   => $ids,
					'created_before' => gmdate( 'Y-m-d\TH:i:s\Z', $cutoff ),
				)
			),
		);
	}
}
