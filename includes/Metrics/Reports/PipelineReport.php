<?php
/**
 * Summary per pipeline for a date range: jobs by base status, success rate and average duration.
 *
 * Success rate as StatusFamily defines it, the same as Insights: succeeded / (succeeded + failed).
 * Average duration is over finished jobs with a completion time.
 *
 * @package DMJobs
 */

namespace DMJobs\Metrics\Reports;

use DMJobs\Metrics\Repository\PipelineReportRepository;
use DMJobs\Status\BaseStatus;
use DMJobs\Status\StatusFamily;
use DMJobs\Status\StatusParser;

defined( 'ABSPATH' ) || exit;

final class PipelineReport {

	public function __construct( private readonly PipelineReportRepository $rows = new PipelineReportRepository() ) {
	}

	/**
	 * @param string $after  UTC "Y-m-d H:i:s".
	 * @param string $before UTC "Y-m-d H:i:s".
	 * @return array<string, mixed>
	 */
	public function build( string $after, string $before ): array {
		$pipelines = array();
		foreach ( $this->rows->grouped( $after, $before ) as $row ) {
			$id     = (int) $row['pipeline_id'];
			$parsed = StatusParser::parse( (string) $row['status'] );
			$key    = $parsed->base_value();
			if ( ! isset( $pipelines[ $id ] ) ) {
				$pipelines[ $id ] = array(
					'pipeline_id'   => $id,
					'pipeline_name' => $row['pipeline_name'],
					'total'         => 0,
					'by_status'     => array(),
					'duration_sum'  => 0,
					'duration_n'    => 0,
				);
			}
			$n                                     = (int) $row['n'];
			$pipelines[ $id ]['total']            += $n;
			$pipelines[ $id ]['by_status'][ $key ] = ( $pipelines[ $id ]['by_status'][ $key ] ?? 0 ) + $n;
			if ( $parsed->is_final() ) {
				$pipelines[ $id ]['duration_sum'] += (int) $row['duration_sum'];
				$pipelines[ $id ]['duration_n']   += (int) $row['duration_n'];
			}
		}

		$items  = array();
		$totals = array(
			'pipeline_id'   => null,
			'pipeline_name' => null,
			'total'         => 0,
			'by_status'     => array(),
			'duration_sum'  => 0,
			'duration_n'    => 0,
		);
		foreach ( $pipelines as $pipeline ) {
			$items[]                 = self::finish( $pipeline );
			$totals['total']        += $pipeline['total'];
			$totals['duration_sum'] += $pipeline['duration_sum'];
			$totals['duration_n']   += $pipeline['duration_n'];
			foreach ( $pipeline['by_status'] as $status => $n ) {
				$totals['by_status'][ $status ] = ( $totals['by_status'][ $status ] ?? 0 ) + $n;
			}
		}
		usort( $items, static fn ( array $a, array $b ): int => array( $b['total'], $a['pipeline_id'] ) <=> array( $a['total'], $b['pipeline_id'] ) );

		return array(
			'after'        => gmdate( 'Y-m-d\TH:i:s\Z', (int) strtotime( $after . ' UTC' ) ),
			'before'       => gmdate( 'Y-m-d\TH:i:s\Z', (int) strtotime( $before . ' UTC' ) ),
			'generated_at' => gmdate( 'Y-m-d\TH:i:s\Z' ),
			'pipelines'    => $items,
			'totals'       => self::finish( $totals ),
		);
	}

	/**
	 * @param array<string, mixed> $pipeline
	 * @return array<string, mixed>
	 */
	private static function finish( array $pipeline ): array {
		$by        = $pipeline['by_status'];
		$succeeded = 0;
		$failed    = 0;
		$finished  = 0;
		foreach ( $by as $status => $n ) {
			$base = BaseStatus::tryFrom( (string) $status );
			if ( null !== $base && $base->is_final() ) {
				$finished += $n;
			}
			$family     = StatusFamily::of( $base );
			$succeeded += StatusFamily::Succeeded === $family ? $n : 0;
			$failed    += StatusFamily::Failed === $family ? $n : 0;
		}
		return array(
			'pipeline_id'      => $pipeline['pipeline_id'],
			'pipeline_name'    => $pipeline['pipeline_name'],
			'total'            => $pipeline['total'],
			'by_status'        => (object) $by,
			'finished'         => $finished,
			'succeeded'        => $succeeded,
			'failed'           => $failed,
			'success_rate'     => StatusFamily::success_rate( $succeeded, $failed ),
			'average_duration' => $pipeline['duration_n'] > 0 ? round( $pipeline['duration_sum'] / $pipeline['duration_n'], 1 ) : null,
		);
	}
}
