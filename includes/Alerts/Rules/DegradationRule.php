<?php
/**
 * A pipeline degraded against its own baseline: the Insights rule (MetricsService::degradation and
 * its `dm_jobs_degradation_thresholds`), over the recent hours and baseline days set for the alert.
 *
 * @package DMJobs
 */

namespace DMJobs\Alerts\Rules;

use DMJobs\Alerts\Alert;
use DMJobs\Alerts\AlertRule;
use DMJobs\Metrics\MetricsService;
use DMJobs\Metrics\SiteClock;

defined( 'ABSPATH' ) || exit;

final class DegradationRule implements AlertRule {

	public function __construct(
		private readonly MetricsService $metrics = new MetricsService(),
		private readonly PipelineNames $names = new PipelineNames(),
	) {
	}

	public function id(): string {
		return 'degraded';
	}

	public function evaluate( array $config, int $now ): array {
		$report = $this->metrics->degradation( (int) $config['recent_hours'], (int) $config['baseline_days'], null, SiteClock::site(), $now );
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
				implode( ' ', array_map( array( self::class, 'describe' ), $pipeline['triggers'] ) ),
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

	/**
	 * @param array{metric: string, recent: float|int|null, baseline: float|int|null} $trigger
	 */
	private static function describe( array $trigger ): string {
		if ( 'failure_rate' === $trigger['metric'] ) {
			return sprintf(
				/* translators: 1: recent failure rate, 2: baseline failure rate (percentages) */
				__( 'Failure rate %1$s%% (baseline %2$s%%).', 'dm-jobs' ),
				number_format_i18n( 100 * (float) $trigger['recent'], 0 ),
				number_format_i18n( 100 * (float) $trigger['baseline'], 0 )
			);
		}
		return sprintf(
			/* translators: 1: duration measure (p95 or average), 2: recent seconds, 3: baseline seconds */
			__( 'Duration %1$s %2$s s (baseline %3$s s).', 'dm-jobs' ),
			'p95_duration' === $trigger['metric'] ? 'p95' : __( 'average', 'dm-jobs' ),
			number_format_i18n( (float) $trigger['recent'], 1 ),
			number_format_i18n( (float) $trigger['baseline'], 1 )
		);
	}
}
