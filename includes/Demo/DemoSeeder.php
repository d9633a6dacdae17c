<?php
/**
 * Demo data with Data Machine's real mix of statuses, payload formats and failures over the last 90 days.
 *
 * @package DMJobs
 */

namespace DMJobs\Demo;

use DMJobs\Jobs\DataVersion;
use DMJobs\Logs\LogService;
use DMJobs\Metrics\RollupService;
use DMJobs\Repository\JobRepository;
use DMJobs\Repository\PipelineRepository;
use DMJobs\Repository\ProcessedItemRepository;
use DMJobs\Repository\SchemaRepository;
use DMJobs\Status\BaseStatus;
use DMJobs\Status\StatusParser;

defined( 'ABSPATH' ) || exit;

final class DemoSeeder {

	private const DAYS = 90;



	/**
	 * Pipeline name => flow names.
	 */
	private const PIPELINES = array(
		'RSS to Blog'           => array( 'Tech headlines', 'Local news digest', 'Science roundup' ),
		'Reddit Digest'         => array( 'r/WordPress weekly', 'r/webdev highlights' ),
		'Product Feed Sync'     => array( 'Shop catalogue (hourly)', 'Price updates' ),
		'Newsletter Builder'    => array( 'Friday newsletter' ),
		'Social Publisher'      => array( 'Bluesky posts', 'Mastodon posts', 'Threads posts' ),
		'AI Content Enrichment' => array( 'Summarise drafts', 'Tag old posts' ),
	);

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
		'failed - no_config'   => 10,
		'cancelled'            => 15,
		'complete'             => 10,
		'completed_with_error' => 10,
		'running'              => 5,
		'processing'           => 10,
		'pending'              => 10,
	);

	private const ERRORS = array(
		array( 'fetch', 'HTTP 500 from feed endpoint https://example.com/feed.xml', 'http_500' ),
		array( 'ai', 'AI provider returned 429 Too Many Requests (rate limit)', 'rate_limited' ),
		array( 'publish', 'wp_insert_post failed: Content, title, and excerpt are empty.', 'empty_content' ),
		array( 'fetch', 'cURL error 28: Operation timed out after 30001 milliseconds', 'timeout' ),
		array( 'update', 'Handler "bluesky" is not configured: missing app password', 'no_config' ),
	);

	public function __construct(
		private readonly JobRepository $jobs = new JobRepository(),
		private readonly PipelineRepository $pipelines = new PipelineRepository(),
		private readonly ProcessedItemRepository $processed_items = new ProcessedItemRepository(),
		private readonly SchemaRepository $schema = new SchemaRepository(),
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
		$open_jobs    = min( $job_count, max( 2, intdiv( $job_count, 300 ) ) );
		$history_jobs = $job_count - $open_jobs;
		$step         = self::DAYS * DAY_IN_SECONDS / max( 1, $history_jobs );
		for ( $index = 0; $index < $history_jobs; $index++ ) {
			$flow       = $flows[ mt_rand( 0, count( $flows ) - 1 ) ];
			$created_at = (int) ( $now - self::DAYS * DAY_IN_SECONDS + $index * $step + mt_rand( 0, (int) max( 0, $step - 1 ) ) );
			$status     = $this->pick_status( $now - $created_at );
			$batch[]    = $this->job_row( $flow, $status, $created_at, $now, $index / max( 1, $history_jobs ) );

			$by_status[ $status ] = ( $by_status[ $status ] ?? 0 ) + 1;
			if ( count( $batch ) >= 500 ) {
				$this->jobs->insert_many( $batch );
				$batch = array();
			}
		}
		// Jobs still queued or running, in the last half hour, as on a live site.
		for ( $index = 0; $index < $open_jobs; $index++ ) {
			$status     = 0 === $index % 2 ? 'processing' : 'pending';
			$created_at = $now - ( $open_jobs - $index ) * mt_rand( 20, 60 );
			$batch[]    = $this->job_row( $flows[ mt_rand( 0, count( $flows ) - 1 ) ], $status, $created_at, $now, 1.0 );

			$by_status[ $status ] = ( $by_status[ $status ] ?? 0 ) + 1;
		}
		$this->jobs->insert_many( $batch );

		$new_ids   = $this->jobs->ids_after( $first_new_id );
		$processed = $this->seed_processed_items( $new_ids, $flows );
		if ( $jobs_with_logs > 0 ) {
			$this->seed_log_lines( array_slice( $new_ids, -$jobs_with_logs ) );
		}
		ksort( $by_status );

		return array(
			'pipelines'       => count( self::PIPELINES ),
			'flows'           => count( $flows ),
			'jobs'            => $job_count,
			'processed_items' => $processed,
			'by_status'       => $by_status,
		);
	}

	/**
	 * @return array<int, array{pipeline_id: int, flow_id: int, step_uuid: string}>
	 */
	private function seed_pipelines( int $now ): array {
		$existing = $this->pipelines->find_flows();
		if ( $existing ) {
			// Jobs are added to the pipelines and flows already there (seeding twice adds no duplicates).
			return array_map(
				static fn ( array $flow ): array => array(
					'pipeline_id' => (int) $flow['pipeline_id'],
					'flow_id'     => (int) $flow['flow_id'],
					'step_uuid'   => wp_generate_uuid4(),
				),
				$existing
			);
		}
		$flows = array();
		foreach ( self::PIPELINES as $pipeline_name => $flow_names ) {
			$steps       = array(
				wp_generate_uuid4() => array( 'step_type' => 'fetch' ),
				wp_generate_uuid4() => array( 'step_type' => 'ai' ),
				wp_generate_uuid4() => array( 'step_type' => 'publish' ),
			);
			$pipeline_id = $this->pipelines->insert_pipeline( $pipeline_name, $steps, gmdate( 'Y-m-d H:i:s', $now - ( self::DAYS + 10 ) * DAY_IN_SECONDS ) );
			foreach ( $flow_names as $flow_name ) {
				$interval = array( 'hourly', 'daily', 'manual', 'every_6_hours' )[ mt_rand( 0, 3 ) ];
				$flow_id  = $this->pipelines->insert_flow( $pipeline_id, $flow_name, array( 'steps' => array_keys( $steps ) ), array( 'interval' => $interval ) );
				$flows[]  = array(
					'pipeline_id' => $pipeline_id,
					'flow_id'     => $flow_id,
					'step_uuid'   => (string) array_key_first( $steps ),
				);
			}
		}
		return $flows;
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
	 * @param array{pipeline_id: int, flow_id: int, step_uuid: string} $flow
	 * @param float                                                     $age_fraction 0 for the oldest job, towards 1 for the newest.
	 * @return array{pipeline_id: int, flow_id: int, status: string, engine_data: string|null, created_at: string, completed_at: string|null}
	 */
	private function job_row( array $flow, string $status, int $created_at, int $now, float $age_fraction ): array {
		$is_open     = in_array( $status, array( 'pending', 'processing', 'running' ), true );
		$is_failure  = str_starts_with( $status, 'failed' );
		$duration    = $is_failure ? mt_rand( 1, 120 ) : mt_rand( 3, 600 );
		$finished_at = $is_open ? null : min( $now, $created_at + $duration );

		$engine_data = array(
			'flow_step_id' => $flow['step_uuid'] . '_' . $flow['flow_id'],
			'source_url'   => 'https://example.com/items/' . mt_rand( 1000, 999999 ),
			'item_count'   => 'completed_no_items' === $status ? 0 : mt_rand( 1, 12 ),
			'steps'        => array( 'fetch', 'ai', 'publish' ),
		);
		if ( $is_failure ) {
			[ $step, $message, $reason ] = self::ERRORS[ mt_rand( 0, count( self::ERRORS ) - 1 ) ];
			$engine_data                += array(
				'error_message' => $message,
				'error_step_id' => $flow['step_uuid'] . '_' . $step,
				'error_reason'  => $reason,
				'error_trace'   => "#0 /wp-content/plugins/data-machine/inc/Engine/Steps/{$step}.php(88): DataMachine\\Engine\\Step->execute()\n#1 /wp-content/plugins/data-machine/inc/Engine/Runner.php(41): DataMachine\\Engine\\Runner->run_step()\n#2 {main}",
			);
		}

		// Older rows were written by Data Machine versions that PHP-serialized engine_data.
		$stored = $age_fraction < 0.3
			? serialize( $engine_data ) // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.serialize_serialize
			: (string) wp_json_encode( $engine_data );

		return array(
			'pipeline_id'  => $flow['pipeline_id'],
			'flow_id'      => $flow['flow_id'],
			'status'       => $status,
			'engine_data'  => $stored,
			'created_at'   => gmdate( 'Y-m-d H:i:s', $created_at ),
			'completed_at' => null === $finished_at ? null : gmdate( 'Y-m-d H:i:s', $finished_at ),
		);
	}

	/**
	 * Step log lines for the newest jobs, as Data Machine's steps write them (more for failures).
	 *
	 * @param int[] $job_ids
	 */
	private function seed_log_lines( array $job_ids ): void {
		$service = new LogService();
		foreach ( $job_ids as $job_id ) {
			$job = $this->jobs->find( $job_id );
			if ( null === $job ) {
				continue;
			}
			$status = StatusParser::parse( (string) $job['status'] );
			$lines  = array(
				array( 'info', 'fetch', 'Fetching items from the source', array( 'source_url' => 'https://example.com/feed.xml' ) ),
				array( 'debug', 'fetch', 'HTTP 200 in 412 ms', array( 'http_status' => 200 ) ),
			);
			if ( BaseStatus::Failed === $status->base ) {
				$lines[] = array( 'warning', 'fetch', 'Retrying after a slow response (attempt 2 of 3)', array() );
				$lines[] = array( 'error', 'fetch', 'Step failed: ' . ( $status->reason ?? 'step_execution_failure' ), array( 'http_status' => 500 ) );
			} elseif ( $status->is_final() ) {
				$lines[] = array( 'info', 'ai', 'Summarised 3 items', array( 'tokens' => 1834 ) );
				$lines[] = array( 'info', 'publish', 'Published 3 posts', array( 'post_ids' => array( 101, 102, 103 ) ) );
			} else {
				$lines[] = array( 'info', 'ai', 'Waiting for the AI provider', array() );
			}
			foreach ( $lines as [ $level, $step, $message, $context ] ) {
				$service->append( $job_id, $level, $message, $context, $step );
			}
		}
	}

	/**
	 * Items that completed jobs processed, so cleanup tools have something to work on.
	 *
	 * @param int[]                                                              $job_ids
	 * @param array<int, array{pipeline_id: int, flow_id: int, step_uuid: string}> $flows
	 */
	private function seed_processed_items( array $job_ids, array $flows ): int {
		$items = array();
		$now   = gmdate( 'Y-m-d H:i:s' );
		foreach ( $job_ids as $position => $job_id ) {
			if ( 0 !== $position % 4 ) {
				continue;
			}
			$flow    = $flows[ $position % count( $flows ) ];
			$items[] = array(
				'flow_step_id'        => $flow['step_uuid'] . '_' . $flow['flow_id'],
				'source_type'         => 'rss',
				'item_identifier'     => 'https://example.com/items/' . $job_id,
				'job_id'              => $job_id,
				'processed_timestamp' => $now,
			);
		}
		$this->processed_items->insert_many( $items );
		return count( $items );
	}
}
