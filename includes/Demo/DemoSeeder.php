<?php
/**
 * Demo data with Data Machine's real mix of statuses, payload formats and failures over the last 90 days.
 *
 * @package DMJobs
 */

namespace DMJobs\Demo;

use DMJobs\DataMachine\Repository\ProcessedItemRepository;
use DMJobs\Jobs\DataVersion;
use DMJobs\Jobs\Repository\JobConfigRepository;
use DMJobs\Jobs\Repository\JobRepository;
use DMJobs\Logs\Repository\LogRepository;
use DMJobs\Metrics\RollupService;
use DMJobs\Pipelines\Repository\PipelineRepository;
use DMJobs\Schema\Repository\SchemaRepository;
use DMJobs\Status\StatusParser;

defined( 'ABSPATH' ) || exit;

final class DemoSeeder {

	private const DAYS = 90;



	/**
	 * Stored status => weight. Mostly "nothing new" and skips, as on real sites.
	 */
	private const STATUS_WEIGHTS = array(
		'completed_no_items'   => 380,
		'agent_skipped'        => 170,
		'completed'            => 250,
		'failed'               => 90,
		'failed - timeout'     => 25,
		'failed: http_500'     => 15,
		'cancelled'            => 15,
		'complete'             => 10,
		'completed_with_error' => 10,
		'running'              => 5,
		'processing'           => 10,
		'pending'              => 10,
	);

	public function __construct(
		private readonly JobRepository $jobs = new JobRepository(),
		private readonly PipelineRepository $pipelines = new PipelineRepository(),
		private readonly ProcessedItemRepository $processed_items = new ProcessedItemRepository(),
		private readonly SchemaRepository $schema = new SchemaRepository(),
		private readonly JobConfigRepository $config = new JobConfigRepository(),
		private readonly LogRepository $logs = new LogRepository(),
	) {
	}

	/**
	 * @param int  $job_count How many jobs to create.
	 * @param bool $reset     Empty the four dm_ tables first.
	 * @param int  $seed      Random seed, so a run can be repeated.
	 * @param int  $jobs_with_logs How many of the newest jobs get step log lines.
	 * @return array{pipelines: int, flows: int, jobs: int, processed_items: int, by_status: array<string, int>}
	 */
	public function seed( int $job_count, bool $reset = false, int $seed = 20261129, int $jobs_with_logs = 0 ): array {
		if ( $job_count < 0 ) {
			throw new \InvalidArgumentException( 'The job count cannot be negative.' );
		}
		if ( \DMJobs\DataMachine\CurrentGeneration::KEY === \DMJobs\DataMachine\Adapters::current()->key() ) {
			return ( new CurrentGenerationSeeder() )->seed( $job_count, $reset, $seed, $jobs_with_logs );
		}
		mt_srand( $seed );
		$this->schema->upgrade();
		if ( $reset ) {
			$this->schema->empty_tables();
			( new RollupService() )->reset();
			DataVersion::bump();
		}

		$now   = time();
		$flows = $this->seed_pipelines( $now );

		$first_new_id = $this->jobs->max_id();
		$by_status    = array();
		$batch        = array();
		$log_plans    = array();
		$processed_plan = array();
		$first_logged = $job_count - $jobs_with_logs;
		$open_jobs    = min( $job_count, max( 2, intdiv( $job_count, 300 ) ) );
		$history_jobs = $job_count - $open_jobs;
		$step         = self::DAYS * DAY_IN_SECONDS / max( 1, $history_jobs );
		for ( $index = 0; $index < $job_count; $index++ ) {
			$flow = $flows[ mt_rand( 0, count( $flows ) - 1 ) ];
			if ( $index < $history_jobs ) {
				$created_at = (int) ( $now - self::DAYS * DAY_IN_SECONDS + $index * $step + mt_rand( 0, (int) max( 0, $step - 1 ) ) );
				$status     = $this->pick_status( $now - $created_at );
				$age        = $index / max( 1, $history_jobs );
			} else {
				// Jobs still queued or running, in the last half hour, as on a live site.
				$open       = $index - $history_jobs;
				$status     = 0 === $open % 2 ? 'processing' : 'pending';
				$created_at = $now - ( $open_jobs - $open ) * mt_rand( 20, 60 );
				$age        = 1.0;
			}
			$run     = $this->run( $flow, $status, $created_at, $now, $age );
			$batch[] = $this->job_row( $run, $age );
			if ( in_array( $run['status'], array( 'completed', 'complete', 'completed_with_error' ), true ) ) {
				$processed_plan[ $index ] = array( $run['flow_step_id'], $run['source_url'], $run['completed_at'] );
			}
			// The newest jobs and every failure have their log (the list shows a failure's error line).
			if ( $index >= $first_logged || str_starts_with( $run['status'], 'failed' ) ) {
				$log_plans[ $index ] = $run['lines'];
			}

			$by_status[ $run['status'] ] = ( $by_status[ $run['status'] ] ?? 0 ) + 1;
			if ( count( $batch ) >= 500 ) {
				$this->jobs->insert_many( $batch );
				$batch = array();
			}
		}
		$this->jobs->insert_many( $batch );

		$new_ids   = $this->jobs->ids_after( $first_new_id );
		$processed = $this->seed_processed_items( $new_ids, $processed_plan );
		foreach ( $log_plans as $index => $lines ) {
			if ( isset( $new_ids[ $index ] ) ) {
				$this->seed_log_lines( $new_ids[ $index ], $lines );
			}
		}
		ksort( $by_status );

		return array(
			'pipelines'       => count( DemoCatalog::PIPELINES ),
			'flows'           => count( $flows ),
			'jobs'            => $job_count,
			'processed_items' => $processed,
			'by_status'       => $by_status,
		);
	}


	/**
	 * @return array<int, array{pipeline_id: int, flow_id: int, pipeline_name: string, flow_name: string, fetch: string, publish: string, median: int, slowing: bool, steps: array<string, string>}>
	 */
	private function seed_pipelines( int $now ): array {
		$existing = $this->pipelines->find_flows();
		if ( $existing ) {
			// Jobs are added to the pipelines and flows already there (seeding twice adds no duplicates).
			return array_map( fn ( array $flow ): array => $this->known_flow( (int) $flow['flow_id'] ), $existing );
		}
		$flows = array();
		foreach ( DemoCatalog::PIPELINES as $pipeline_name => $pipeline ) {
			$step_ids = array();
			$config   = array();
			foreach ( array( 'fetch', 'ai', 'publish' ) as $order => $type ) {
				$step_id              = wp_generate_uuid4();
				$step_ids[ $type ]    = $step_id;
				$config[ $step_id ] = array(
					'pipeline_step_id' => $step_id,
					'step_type'        => $type,
					'execution_order'  => $order,
					'label'            => ucfirst( $type ),
				);
			}
			$pipeline_id = $this->pipelines->insert_pipeline( $pipeline_name, $config, gmdate( 'Y-m-d H:i:s', $now - ( self::DAYS + 10 ) * DAY_IN_SECONDS ) );
			foreach ( $pipeline['flows'] as $flow_name => $publish ) {
				$interval = array( 'hourly', 'daily', 'manual', 'every_6_hours' )[ mt_rand( 0, 3 ) ];
				$flow_id  = $this->pipelines->insert_flow( $pipeline_id, $flow_name, array(), array( 'interval' => $interval ) );
				$stored   = DemoCatalog::UNCONFIGURED_FLOW === $flow_name ? '' : $publish;
				$this->pipelines->update_flow_config( $flow_id, DemoCatalog::flow_config( $flow_id, $step_ids, $pipeline['fetch'], $stored ) );
				$flows[] = $this->known_flow( $flow_id );
			}
		}
		return $flows;
	}

	/**
	 * A flow as the runs need it, read back from its stored configuration.
	 *
	 * @return array{pipeline_id: int, flow_id: int, pipeline_name: string, flow_name: string, fetch: string, publish: string, median: int, slowing: bool, steps: array<string, string>}
	 */
	private function known_flow( int $flow_id ): array {
		$flow     = (array) $this->config->find_flow( $flow_id );
		$pipeline = (array) $this->config->find_pipeline( (int) ( $flow['pipeline_id'] ?? 0 ) );
		$name     = (string) ( $pipeline['pipeline_name'] ?? '' );
		$catalog  = DemoCatalog::PIPELINES[ $name ] ?? array(
			'fetch'  => 'rss',
			'median' => 60,
			'flows'  => array(),
		);
		$flow_name = (string) ( $flow['flow_name'] ?? '' );
		$steps     = array();
		$handlers  = array();
		$config    = json_decode( (string) ( $flow['flow_config'] ?? '' ), true );
		foreach ( is_array( $config ) ? $config : array() as $flow_step_id => $entry ) {
			if ( is_array( $entry ) && isset( $entry['step_type'] ) ) {
				$steps[ (string) $entry['step_type'] ]    = (string) $flow_step_id;
				$handlers[ (string) $entry['step_type'] ] = (string) ( $entry['handler_slug'] ?? '' );
			}
		}
		foreach ( array( 'fetch', 'ai', 'publish' ) as $type ) {
			$steps[ $type ] ??= $type . '_' . $flow_id;
		}
		return array(
			'pipeline_id'   => (int) ( $flow['pipeline_id'] ?? 0 ),
			'flow_id'       => $flow_id,
			'pipeline_name' => $name,
			'flow_name'     => $flow_name,
			'fetch'         => $handlers['fetch'] ?? $catalog['fetch'],
			'publish'       => $catalog['flows'][ $flow_name ] ?? ( $handlers['publish'] ?? 'wordpress_publish' ),
			'median'        => $catalog['median'],
			'slowing'       => DemoCatalog::SLOWING_PIPELINE === $name,
			'steps'         => $steps,
		);
	}

	/**
	 * Jobs still pending or processing are recent; old ones finished long ago.
	 */
	private function pick_status( int $age_seconds ): string {
		$weights = self::STATUS_WEIGHTS;
		if ( $age_seconds > 2 * HOUR_IN_SECONDS ) {
			unset( $weights['pending'], $weights['processing'] );
		}
		$roll = mt_rand( 1, array_sum( $weights ) );
		foreach ( $weights as $status => $weight ) {
			$roll -= $weight;
			if ( $roll <= 0 ) {
				return $status;
			}
		}
		return 'completed';
	}

	/**
	 * One run of a flow. The flow that lost its publish handler fails every finished run since then.
	 *
	 * @param array{pipeline_id: int, flow_id: int, pipeline_name: string, flow_name: string, fetch: string, publish: string, median: int, slowing: bool, steps: array<string, string>} $flow
	 * @return array{pipeline_id: int, flow_id: int, status: string, engine_data: array<string, mixed>, created_at: int, completed_at: int|null, flow_step_id: string, source_url: string, lines: array<int, array{0: int, 1: string, 2: string, 3: string, 4: array<string, mixed>}>}
	 */
	private function run( array $flow, string $status, int $created_at, int $now, float $age ): array {
		if ( DemoCatalog::UNCONFIGURED_FLOW === $flow['flow_name'] && $created_at >= $now - DemoCatalog::UNCONFIGURED_SINCE_DAYS * DAY_IN_SECONDS ) {
			$flow['publish'] = '';
			if ( StatusParser::parse( $status )->is_final() ) {
				$status = 'failed - no_config';
			}
		}
		$built = ( new DemoRun( $flow, $status, $created_at, $now, $age ) )->build();
		return array(
			'pipeline_id'  => $flow['pipeline_id'],
			'flow_id'      => $flow['flow_id'],
			'status'       => $built['status'],
			'engine_data'  => $built['engine_data'],
			'created_at'   => $created_at,
			'completed_at' => $built['completed_at'],
			'flow_step_id' => $flow['steps']['fetch'],
			'source_url'   => (string) $built['engine_data']['source_url'],
			'lines'        => $built['lines'],
		);
	}

	/**
	 * @param array{pipeline_id: int, flow_id: int, status: string, engine_data: array<string, mixed>, created_at: int, completed_at: int|null} $run
	 * @param float $age_fraction 0 for the oldest job, towards 1 for the newest.
	 * @return array{pipeline_id: int, flow_id: int, status: string, engine_data: string|null, created_at: string, completed_at: string|null}
	 */
	private function job_row( array $run, float $age_fraction ): array {
		// Older rows were written by Data Machine versions that PHP-serialized engine_data.
		$stored = $age_fraction < 0.3
			? serialize( $run['engine_data'] ) // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.serialize_serialize
			: (string) wp_json_encode( $run['engine_data'] );

		return array(
			'pipeline_id'  => $run['pipeline_id'],
			'flow_id'      => $run['flow_id'],
			'status'       => $run['status'],
			'engine_data'  => $stored,
			'created_at'   => gmdate( 'Y-m-d H:i:s', $run['created_at'] ),
			'completed_at' => null === $run['completed_at'] ? null : gmdate( 'Y-m-d H:i:s', $run['completed_at'] ),
		);
	}

	/**
	 * A job's step log lines, at the times they happened inside the run.
	 *
	 * @param array<int, array{0: int, 1: string, 2: string, 3: string, 4: array<string, mixed>}> $lines
	 */
	private function seed_log_lines( int $job_id, array $lines ): void {
		foreach ( $lines as [ $at, $level, $step, $message, $context ] ) {
			$this->logs->insert(
				array(
					'job_id'      => $job_id,
					'level'       => $level,
					'step'        => $step,
					'message'     => $message,
					'context'     => $context ? (string) wp_json_encode( $context, JSON_UNESCAPED_SLASHES ) : null,
					'http_status' => isset( $context['http_status'] ) ? (int) $context['http_status'] : null,
					'truncated'   => false,
					'created_at'  => gmdate( 'Y-m-d H:i:s', $at ),
				)
			);
		}
	}

	/**
	 * The item each completed job processed (its fetch step, its source URL, when it finished), so
	 * cleanup tools have something to work on.
	 *
	 * @param int[]                                          $job_ids
	 * @param array<int, array{0: string, 1: string, 2: int|null}> $plan Insert position => [flow step ID, item URL, completed at].
	 */
	private function seed_processed_items( array $job_ids, array $plan ): int {
		$items = array();
		foreach ( $plan as $position => [ $flow_step_id, $url, $completed_at ] ) {
			if ( ! isset( $job_ids[ $position ] ) ) {
				continue;
			}
			$items[] = array(
				'flow_step_id'        => $flow_step_id,
				'source_type'         => 'rss',
				'item_identifier'     => $url . '#' . $job_ids[ $position ],
				'job_id'              => $job_ids[ $position ],
				'processed_timestamp' => gmdate( 'Y-m-d H:i:s', $completed_at ?? time() ),
			);
		}
		$this->processed_items->insert_many( $items );
		return count( $items );
	}
}
