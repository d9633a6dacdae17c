<?php
/**
 * Demo data for today's Data Machine (datamachine_* tables), shaped the way its code writes it:
 * pipeline jobs (numeric-string IDs, source "pipeline", label = flow name, user_id of the flow), fan-out
 * children (parent_job_id, label = item title), system tasks and batch parents ("direct" IDs, source
 * "system"/"batch"), chat jobs (NULL IDs, source "chat"); base statuses only (JobStatus, including
 * "waiting"), the reason in engine_data.job_status_reason, a few older compound rows that predate the
 * normalisation; JSON engine_data; log lines in datamachine_logs with the job ID inside the JSON context
 * (an integer, sometimes a string), at "info" and above (its default log level).
 *
 * @package DMJobs
 */

namespace DMJobs\Demo;

use DMJobs\DataMachine\Repository\DataMachineRowsRepository;
use DMJobs\DataMachine\Repository\ProcessedItemRepository;
use DMJobs\Jobs\DataVersion;
use DMJobs\Jobs\Repository\JobRepository;
use DMJobs\Metrics\RollupService;
use DMJobs\Pipelines\Repository\PipelineRepository;
use DMJobs\Schema\Repository\SchemaRepository;

defined( 'ABSPATH' ) || exit;

final class CurrentGenerationSeeder {

	private const DAYS = 90;

	/**
	 * Pipeline name => flow names.
	 */
	private const PIPELINES = array(
		'RSS to Blog'           => array( 'Tech headlines', 'Local news digest', 'Science roundup' ),
		'Reddit Digest'         => array( 'r/WordPress weekly', 'r/webdev highlights' ),
		'Product Feed Sync'     => array( 'Shop catalogue (hourly)', 'Price updates' ),
		'Social Publisher'      => array( 'Bluesky posts', 'Mastodon posts' ),
		'AI Content Enrichment' => array( 'Summarise drafts', 'Tag old posts' ),
	);

	/**
	 * Base status => weight (Data Machine's JobStatus vocabulary).
	 */
	private const STATUS_WEIGHTS = array(
		'completed_no_items' => 380,
		'agent_skipped'      => 170,
		'completed'          => 250,
		'failed'             => 140,
		'cancelled'          => 15,
	);

	/**
	 * Failure reason => [step, message] as Data Machine's steps report them.
	 */
	private const FAILURES = array(
		'step_execution_failure' => array( 'fetch', 'HTTP 500 from feed endpoint https://example.com/feed.xml' ),
		'rate_limited'           => array( 'ai', 'AI provider returned 429 Too Many Requests (rate limit)' ),
		'timeout'                => array( 'fetch', 'cURL error 28: Operation timed out after 30001 milliseconds' ),
		'empty_content'          => array( 'publish', 'wp_insert_post failed: Content, title, and excerpt are empty.' ),
		// ExecuteStepAbility's catch: the step threw; FailJobHandler keeps the trace (error_trace).
		self::THROWN             => array( 'fetch', 'Call to a member function get_items() on null' ),
	);

	/**
	 * Reason of a step that threw (context reason of ExecuteStepAbility's datamachine_fail_job call).
	 */
	private const THROWN = 'throwable_exception_in_step_execution';

	/**
	 * System task types (TaskScheduler) and their labels.
	 */
	private const SYSTEM_TASKS = array(
		'daily_memory'    => 'Daily memory',
		'alt_text'        => 'Alt text',
		'retention'       => 'Retention cleanup',
		'internal_linker' => 'Internal linking',
	);

	public function __construct(
		private readonly DataMachineRowsRepository $rows = new DataMachineRowsRepository(),
		private readonly JobRepository $jobs = new JobRepository(),
		private readonly PipelineRepository $pipelines = new PipelineRepository(),
		private readonly ProcessedItemRepository $processed_items = new ProcessedItemRepository(),
		private readonly SchemaRepository $schema = new SchemaRepository(),
	) {
	}

	/**
	 * @return array{pipelines: int, flows: int, jobs: int, processed_items: int, by_status: array<string, int>}
	 */
	public function seed( int $job_count, bool $reset, int $seed, int $jobs_with_logs ): array {
		mt_srand( $seed );
		$this->schema->upgrade();
		if ( $reset ) {
			$this->rows->empty_current_generation_tables();
			( new RollupService() )->reset();
			DataVersion::bump();
		}
		$now          = time();
		$flows        = $this->seed_pipelines( $now );
		$first_new_id = $this->jobs->max_id();
		$user_id      = max( 1, (int) get_current_user_id() );
		$by_status    = array();
		$batch        = array();
		$open         = min( $job_count, max( 3, intdiv( $job_count, 300 ) ) );
		$history      = $job_count - $open;
		$step         = self::DAYS * DAY_IN_SECONDS / max( 1, $history );

		for ( $index = 0; $index < $job_count; $index++ ) {
			$is_open    = $index >= $history;
			$created_at = $is_open
				? $now - ( $job_count - $index ) * mt_rand( 20, 60 )
				: (int) ( $now - self::DAYS * DAY_IN_SECONDS + $index * $step + mt_rand( 0, (int) max( 0, $step - 1 ) ) );
			$status     = $is_open ? array( 'processing', 'pending', 'waiting' )[ $index % 3 ] : $this->pick( self::STATUS_WEIGHTS );
			$row        = $this->job_row( $this->pick_kind(), $flows, $status, $created_at, $now, $user_id, $index );

			$by_status[ (string) $row['status'] ] = ( $by_status[ (string) $row['status'] ] ?? 0 ) + 1;
			$batch[]                              = $row;
			if ( count( $batch ) >= 500 ) {
				$this->rows->insert_jobs( $batch );
				$batch = array();
			}
		}
		$this->rows->insert_jobs( $batch );

		$new_ids = $this->jobs->ids_after( $first_new_id );
		$this->seed_children( $new_ids );
		$processed = $this->seed_processed_items( $new_ids, $flows );
		if ( $jobs_with_logs > 0 ) {
			$this->seed_log_lines( array_slice( $new_ids, -$jobs_with_logs ) );
		}
		ksort( $by_status );
		return array(
			'pipelines'       => count( self::PIPELINES ),
			'flows'           => count( $flows ),
			'jobs'            => count( $new_ids ),
			'processed_items' => $processed,
			'by_status'       => $by_status,
		);
	}

	/**
	 * @return array<int, array{pipeline_id: int, flow_id: int, flow_name: string, step_uuid: string}>
	 */
	private function seed_pipelines( int $now ): array {
		$flows = array();
		$names = array();
		foreach ( $this->pipelines->find_flows() as $flow ) {
			$flows[] = array(
				'pipeline_id' => (int) $flow['pipeline_id'],
				'flow_id'     => (int) $flow['flow_id'],
				'flow_name'   => (string) $flow['flow_name'],
				'step_uuid'   => wp_generate_uuid4(),
			);
		}
		if ( $flows ) {
			return $flows;
		}
		foreach ( self::PIPELINES as $pipeline_name => $flow_names ) {
			$steps       = array(
				wp_generate_uuid4() => array( 'step_type' => 'fetch' ),
				wp_generate_uuid4() => array( 'step_type' => 'ai' ),
				wp_generate_uuid4() => array( 'step_type' => 'publish' ),
			);
			$pipeline_id = $this->pipelines->insert_pipeline( $pipeline_name, $steps, gmdate( 'Y-m-d H:i:s', $now - ( self::DAYS + 10 ) * DAY_IN_SECONDS ) );
			foreach ( $flow_names as $flow_name ) {
				$interval = array( 'hourly', 'daily', 'manual', 'every_6_hours' )[ mt_rand( 0, 3 ) ];
				$flows[]  = array(
					'pipeline_id' => $pipeline_id,
					'flow_id'     => $this->pipelines->insert_flow( $pipeline_id, $flow_name, array( 'steps' => array_keys( $steps ) ), array( 'interval' => $interval ) ),
					'flow_name'   => $flow_name,
					'step_uuid'   => (string) array_key_first( $steps ),
				);
				$names[]  = $flow_name;
			}
		}
		return $flows;
	}

	private function pick_kind(): string {
		return $this->pick(
			array(
				'pipeline' => 85,
				'system'   => 8,
				'chat'     => 5,
				'batch'    => 2,
			)
		);
	}

	/**
	 * @param array<string, int> $weights
	 */
	private function pick( array $weights ): string {
		$roll = mt_rand( 1, array_sum( $weights ) );
		foreach ( $weights as $value => $weight ) {
			$roll -= $weight;
			if ( $roll <= 0 ) {
				return $value;
			}
		}
		return (string) array_key_first( $weights );
	}

	/**
	 * One jobs row as Jobs::create_job() and the status transitions leave it.
	 *
	 * @param string                                                                         $kind  pipeline, system, chat or batch.
	 * @param array<int, array{pipeline_id: int, flow_id: int, flow_name: string, step_uuid: string}> $flows Flows.
	 * @return array<string, mixed>
	 */
	private function job_row( string $kind, array $flows, string $status, int $created_at, int $now, int $user_id, int $index ): array {
		$flow        = $flows[ mt_rand( 0, count( $flows ) - 1 ) ];
		$engine      = array( 'job' => array( 'user_id' => $user_id ) );
		$row         = array(
			'user_id'       => $user_id,
			'pipeline_id'   => null,
			'flow_id'       => null,
			'source'        => $kind,
			'label'         => null,
			'parent_job_id' => null,
			'handler_slug'  => null,
		);
		if ( 'pipeline' === $kind ) {
			$row['pipeline_id']  = (string) $flow['pipeline_id'];
			$row['flow_id']      = (string) $flow['flow_id'];
			$row['label']        = $flow['flow_name'];
			$row['handler_slug'] = array( 'rss', 'reddit', 'wordpress_publish', 'bluesky' )[ $index % 4 ];
			$engine             += array(
				'flow_step_id' => $flow['step_uuid'] . '_' . $flow['flow_id'],
				'source_url'   => 'https://example.com/items/' . mt_rand( 1000, 999999 ),
				'item_count'   => 'completed_no_items' === $status ? 0 : mt_rand( 1, 12 ),
			);
		} elseif ( 'system' === $kind || 'batch' === $kind ) {
			$task               = array_rand( self::SYSTEM_TASKS );
			$row['pipeline_id'] = 'direct';
			$row['flow_id']     = 'direct';
			$row['label']       = 'batch' === $kind ? 'Batch: ' . ucfirst( str_replace( '_', ' ', $task ) ) : self::SYSTEM_TASKS[ $task ];
			$engine            += array(
				'task_type'  => $task,
				'job_source' => 'system',
				'job_label'  => $row['label'],
			);
		} else {
			$row['label'] = 'Chat: ' . array( 'Draft a post about WordPress 7.1', 'Summarise this week', 'Find broken links' )[ $index % 3 ];
		}

		$is_open  = in_array( $status, array( 'pending', 'processing', 'waiting' ), true );
		$stored   = $status;
		$duration = 'failed' === $status ? mt_rand( 1, 120 ) : mt_rand( 3, 600 );
		if ( 'failed' === $status ) {
			$reason                      = (string) array_rand( self::FAILURES );
			[ $step, $message ]          = self::FAILURES[ $reason ];
			$engine['error_reason']      = $reason;
			$engine['error_message']     = $message;
			$engine['error_step_id']     = ( $engine['flow_step_id'] ?? 'direct' ) . '_' . $step;
			$engine['job_status_reason'] = $reason;
			if ( self::THROWN === $reason && isset( $engine['flow_step_id'] ) ) {
				// FailJobHandler: error_step_id is the flow step that threw, error_trace its trace (≤ 2,000 characters).
				$engine['error_step_id'] = $engine['flow_step_id'];
				$engine['error_trace']   = "#0 /var/www/html/wp-content/plugins/data-machine/inc/Abilities/Engine/ExecuteStepAbility.php(371): DataMachine\\Core\\Steps\\Fetch\\FetchStep->execute(Array)\n#1 /var/www/html/wp-includes/class-wp-hook.php(341): DataMachine\\Abilities\\Engine\\ExecuteStepAbility->execute(Array)\n#2 /var/www/html/wp-includes/plugin.php(522): WP_Hook->do_action(Array)\n#3 {main}";
			}
			if ( $created_at < $now - 60 * DAY_IN_SECONDS && 0 === $index % 3 ) {
				// Rows from before Data Machine normalised statuses keep the compound form.
				$stored = 'failed - ' . $reason;
				unset( $engine['job_status_reason'] );
			}
		} elseif ( 'agent_skipped' === $status ) {
			$engine['job_status_reason'] = array( 'not a music event', 'duplicate of an existing post', 'below quality threshold' )[ $index % 3 ];
		} elseif ( 'waiting' === $status ) {
			$engine['webhook_gate'] = array( 'token' => wp_generate_password( 20, false ) );
		}
		return $row + array(
			'status'       => $stored,
			'engine_data'  => (string) wp_json_encode( $engine ),
			'created_at'   => gmdate( 'Y-m-d H:i:s', $created_at ),
			'completed_at' => $is_open ? null : gmdate( 'Y-m-d H:i:s', min( $now, $created_at + $duration ) ),
		);
	}

	/**
	 * Fan-out: a few pipeline jobs are batch parents; the next two pipeline jobs after each become its
	 * children (parent_job_id, the parent's pipeline and flow, an item title as label), as Data Machine's
	 * PipelineBatchScheduler creates them. The job count stays as asked.
	 *
	 * @param int[] $job_ids
	 */
	private function seed_children( array $job_ids ): void {
		$titles = array( 'Release notes 7.1', 'Block themes in practice', 'Performance lab results', 'Jazz night at the Blue Room' );
		foreach ( $job_ids as $position => $job_id ) {
			if ( 0 !== $position % 97 ) {
				continue;
			}
			$parent = $this->jobs->find( $job_id );
			if ( null === $parent || 'pipeline' !== ( $parent['source'] ?? '' ) ) {
				continue;
			}
			$children = array();
			foreach ( array_slice( $job_ids, $position + 1, 6 ) as $candidate ) {
				$row = $this->jobs->find( $candidate );
				if ( null !== $row && 'pipeline' === ( $row['source'] ?? '' ) && count( $children ) < 2 ) {
					$children[] = $candidate;
				}
			}
			foreach ( $children as $index => $child_id ) {
				$this->rows->make_child( $child_id, $job_id, (string) $parent['pipeline_id'], (string) $parent['flow_id'], sprintf( 'Item %d: %s', $index + 1, $titles[ ( $position + $index ) % count( $titles ) ] ) );
			}
		}
	}

	/**
	 * Lines in datamachine_logs as do_action( 'datamachine_log', … ) writes them for these jobs.
	 *
	 * @param int[] $job_ids
	 */
	private function seed_log_lines( array $job_ids ): void {
		$lines = array();
		foreach ( $job_ids as $position => $job_id ) {
			$job = $this->jobs->find( $job_id );
			if ( null === $job ) {
				continue;
			}
			// Most code logs the integer ID; some paths pass it as a string.
			$id_in_context = 0 === $position % 5 ? (string) $job_id : $job_id;
			$context       = array(
				'job_id'      => $id_in_context,
				'pipeline_id' => $job['pipeline_id'],
				'flow_id'     => $job['flow_id'],
			);
			$at            = strtotime( (string) $job['created_at'] . ' UTC' );
			$entries       = array(
				array( 'info', 'Pipeline execution started', $context ),
				array( 'info', 'Fetch step completed', $context + array( 'flow_step_id' => 'fetch_' . $job['flow_id'], 'items' => 3 ) ),
			);
			$base          = explode( ' - ', (string) $job['status'] )[0];
			if ( 'failed' === $base ) {
				$entries[] = array( 'error', 'Step execution failed', $context + array( 'flow_step_id' => 'fetch_' . $job['flow_id'], 'failure_reason' => $job['status_reason'] ?? 'step_execution_failure' ) );
			} elseif ( 'waiting' === $base ) {
				$entries[] = array( 'info', 'Pipeline parked at webhook gate', $context );
			} else {
				$entries[] = array( 'info', 'Job completed', $context + array( 'status' => $base ) );
			}
			foreach ( $entries as $offset => [ $level, $message, $line_context ] ) {
				$lines[] = array(
					'agent_id'   => null,
					'user_id'    => (int) ( $job['user_id'] ?? 0 ) ?: null,
					'level'      => $level,
					'message'    => $message,
					'context'    => (string) wp_json_encode( $line_context ),
					'created_at' => gmdate( 'Y-m-d H:i:s', $at + $offset ),
				);
			}
		}
		// A line about no job at all, as Data Machine writes many.
		$lines[] = array(
			'agent_id'   => null,
			'user_id'    => null,
			'level'      => 'info',
			'message'    => 'Scheduled flows checked',
			'context'    => (string) wp_json_encode( array( 'flows' => 11 ) ),
			'created_at' => gmdate( 'Y-m-d H:i:s' ),
		);
		$this->rows->insert_logs( $lines );
	}

	/**
	 * Items that jobs processed, in datamachine_processed_items (status "processed").
	 *
	 * @param int[]                                                                              $job_ids
	 * @param array<int, array{pipeline_id: int, flow_id: int, flow_name: string, step_uuid: string}> $flows
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
