<?php
/**
 * A pipeline degraded against its own baseline: the Insights rule (DegradationReport and
 * its `dm_jobs_degradation_thresholds`), over the recent hours and baseline days set for the alert.
 *
 * @package DMJobs
 */

namespace DMJobs\Alerts\Rules;

use DMJobs\Alerts\Alert;
use DMJobs\Alerts\AlertRule;
use DMJobs\Metrics\DegradationText;
use DMJobs\Metrics\Reports\DegradationReport;
use DMJobs\Metrics\SiteClock;
use DMJobs\Pipelines\PipelineNames;

defined( 'ABSPATH' ) || exit;

final class DegradationRule implements AlertRule {

	public function __construct(
		private readonly DegradationReport $degradation = new DegradationReport(),
		private readonly PipelineNames $names = new PipelineNames(),
	) {
	}

	public function id(): string {
		return 'degraded';
	}

	public function evaluate( array $config, int $now ): array {
		$report = $this->degradation->build( (int) $config['recent_hours'], (int) $config['baseline_days'], null, SiteClock::site(), $now );
		$alerts = array();
		foreach ( $report['pipelines'] as $pipeline ) {
			if ( ! $pipeline['flagged'] ) {
				continue;
			}
			$id       = (int) $pipeline['pipeline_id'];
			$alerts[] = new Alert(
				$this->id(),
				'pipeline:' . $id,
				sprintf(
					/* translators: %s: pipeline label, e.g. Pipeline "Feeds" */
					__( '%s is degraded against its baseline', 'dm-jobs' ),
					$this->names->label( $id )
				),
				implode(
					' ',
					array_map(
						static fn ( array $trigger ): string => DegradationText::describe( $trigger, $pipeline['recent'], $pipeline['baseline'], (int) $report['recent']['hours'], (int) $report['baseline']['days'] ),
						$pipeline['triggers']
					)
				),
				array(
					'pipeline' => $id,
					'after'    => $report['recent']['after'],
				),
				array(
					'pipeline_id'   => $id,
					'pipeline_name' => $pipeline['pipeline_name'],
					'triggers'      => $pipeline['triggers'],
					'recent'        => $report['recent'],
					'baseline'      => $report['baseline'],
				)
			);
		}
		return $alerts;
	}
}
