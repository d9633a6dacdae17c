<?php
/**
 * A pipeline fails too often: of its jobs created in the last N hours (counted in whole hours, so from
 * the start of the hour N hours ago) that finished, at least X%
 * failed, with at least min_jobs finished jobs behind the number (so "2 of 2" does not alarm).
 * Success and failure are counted as in Insights (JobClassifier): cancelled jobs count as neither.
 * Read from the hourly rollups: a few rows per pipeline and hour, whatever the size of the jobs table.
 *
 * @package DMJobs
 */

namespace DMJobs\Alerts\Rules;

use DMJobs\Alerts\Alert;
use DMJobs\Alerts\AlertRule;
use DMJobs\Metrics\JobClassifier;
use DMJobs\Metrics\Repository\RollupRepository;
use DMJobs\Metrics\SiteClock;
use DMJobs\Pipelines\PipelineNames;
use DMJobs\Status\BaseStatus;

defined( 'ABSPATH' ) || exit;

final class FailureRateRule implements AlertRule {

	public function __construct(
		private readonly RollupRepository $rollups = new RollupRepository(),
		private readonly PipelineNames $names = new PipelineNames(),
	) {
	}

	public function id(): string {
		return 'failure_rate';
	}

	public function evaluate( array $config, int $now ): array {
		$hours     = max( 1, (int) $config['hours'] );
		$threshold = (float) $config['threshold_percent'];
		$min_jobs  = max( 1, (int) $config['min_jobs'] );
		// Whole hourly buckets covering at least the last N hours (the current hour included).
		$end       = SiteClock::floor_hour( $now ) + SiteClock::HOUR;
		$start     = SiteClock::floor_hour( $now - $hours * SiteClock::HOUR );
		$success   = JobClassifier::success_statuses();

		$counts = array();
		foreach ( $this->rollups->sums( RollupRepository::GRAIN_HOURLY, gmdate( 'Y-m-d H:i:s', $start ), gmdate( 'Y-m-d H:i:s', $end ), array(), array( 'pipeline_id', 'status' ) ) as $row ) {
			$pipeline                        = (int) $row['pipeline_id'];
			$counts[ $pipeline ]           ??= array(
				'failed'    => 0,
				'succeeded' => 0,
			);
			$status                          = (string) $row['status'];
			if ( BaseStatus::Failed->value === $status ) {
				$counts[ $pipeline ]['failed'] += (int) $row['job_count'];
			} elseif ( in_array( $status, $success, true ) ) {
				$counts[ $pipeline ]['succeeded'] += (int) $row['job_count'];
			}
		}

		$alerts = array();
		foreach ( $counts as $pipeline => $count ) {
			$finished = $count['failed'] + $count['succeeded'];
			if ( $finished < $min_jobs || $count['failed'] < 1 ) {
				continue;
			}
			$percent = 100 * $count['failed'] / $finished;
			if ( $percent + 1e-9 < $threshold ) {
				continue;
			}
			$alerts[] = new Alert(
				$this->id(),
				'pipeline:' . $pipeline,
				sprintf(
					/* translators: 1: pipeline label, 2: failed jobs, 3: finished jobs, 4: percentage, 5: hours */
					_n( '%1$s failed %2$d of %3$d jobs (%4$s%%) in the last hour', '%1$s failed %2$d of %3$d jobs (%4$s%%) in the last %5$d hours', $hours, 'dm-jobs' ),
					$this->names->label( $pipeline ),
					$count['failed'],
					$finished,
					number_format_i18n( $percent, 0 ),
					$hours
				),
				sprintf(
					/* translators: 1: threshold percentage, 2: minimum number of jobs */
					__( 'The alert fires at a failure rate of %1$s%% or more over at least %2$d finished jobs (cancelled jobs count as neither success nor failure).', 'dm-jobs' ),
					number_format_i18n( $threshold, 0 ),
					$min_jobs
				),
				array(
					'status'   => BaseStatus::Failed->value,
					'pipeline' => $pipeline,
					'after'    => gmdate( 'Y-m-d\TH:i:s\Z', $start ),
				),
				array(
					'pipeline_id'   => $pipeline,
					'pipeline_name' => $this->names->name( $pipeline ),
					'failed'        => $count['failed'],
					'finished'      => $finished,
					'rate'          => round( $count['failed'] / $finished, 4 ),
					'since'         => gmdate( 'Y-m-d\TH:i:s\Z', $start ),
				)
			);
		}
		return $alerts;
	}
}
