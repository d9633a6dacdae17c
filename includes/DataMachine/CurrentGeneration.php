<?php
/**
 * Today's Data Machine (0.2 → 0.175.x): tables {prefix}datamachine_jobs, _pipelines, _flows,
 * _processed_items, _logs, _run_metadata. pipeline_id/flow_id are varchar(20): a numeric string, "direct"
 * (ephemeral workflows) or NULL (no pipeline context); jobs carry user_id, source, label, parent_job_id and
 * handler_slug; status is varchar(255) with "waiting" (parked, not final) and the reason kept in
 * engine_data.job_status_reason; log lines live in datamachine_logs with the job ID inside the JSON context.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

use DMJobs\Schema\Repository\SchemaRepository;

defined( 'ABSPATH' ) || exit;

final class CurrentGeneration implements Generation {

	public const KEY = 'datamachine';

	/**
	 * The value Data Machine stores in pipeline_id and flow_id for direct (ephemeral) workflows.
	 */
	public const DIRECT = 'direct';

	public function key(): string {
		return self::KEY;
	}

	public function label(): string {
		return __( 'Data Machine', 'dm-jobs' );
	}

	public function tables(): Tables {
		$prefix = SchemaRepository::prefix();
		return new Tables(
			$prefix . 'datamachine_jobs',
			$prefix . 'datamachine_pipelines',
			$prefix . 'datamachine_flows',
			$prefix . 'datamachine_processed_items',
			$prefix . 'datamachine_logs',
			$prefix . 'datamachine_run_metadata'
		);
	}

	public function ids_are_text(): bool {
		return true;
	}

	public function extra_job_columns(): array {
		return array( 'user_id', 'source', 'label', 'parent_job_id', 'handler_slug' );
	}

	public function statuses(): array {
		// Data Machine's JobStatus::ALL_STATUSES.
		return array( 'pending', 'processing', 'waiting', 'completed', 'failed', 'cancelled', 'completed_no_items', 'agent_skipped' );
	}

	public function status_reason_key(): ?string {
		return 'job_status_reason';
	}

	/**
	 * Data Machine's Jobs screen shows "Direct" for direct workflows and a dash when there is no pipeline;
	 * its label column carries the flow name or the item title. We name such jobs by their label, else
	 * by "Direct" or their source.
	 */
	public function fallback_names( array $row ): array {
		$label  = isset( $row['label'] ) && '' !== (string) $row['label'] ? (string) $row['label'] : null;
		$source = isset( $row['source'] ) && '' !== (string) $row['source'] ? (string) $row['source'] : null;
		$names  = array(
			'pipeline' => null,
			'flow'     => null,
		);
		foreach ( array( 'pipeline', 'flow' ) as $kind ) {
			$id = $row[ $kind . '_id' ] ?? null;
			if ( self::DIRECT === $id ) {
				$names[ $kind ] = __( 'Direct', 'dm-jobs' );
			} elseif ( null === $id || '' === $id ) {
				$names[ $kind ] = null;
			}
		}
		if ( null === ( $row['pipeline_id'] ?? null ) && null !== $source ) {
			$names['pipeline'] = self::source_name( $source );
		}
		if ( null !== $label && ( null === ( $row['flow_id'] ?? null ) || self::DIRECT === ( $row['flow_id'] ?? null ) ) ) {
			$names['flow'] = $label;
		}
		return $names;
	}

	/**
	 * A readable name for a job source Data Machine writes (pipeline, chat, system, …); unknown sources
	 * are shown as stored.
	 */
	public static function source_name( string $source ): string {
		return match ( $source ) {
			'pipeline'             => __( 'Pipeline', 'dm-jobs' ),
			'chat'                 => __( 'Chat', 'dm-jobs' ),
			'system'               => __( 'System task', 'dm-jobs' ),
			'pipeline_system_task' => __( 'Pipeline system task', 'dm-jobs' ),
			'delegated'            => __( 'Delegated', 'dm-jobs' ),
			'runtime_tool'         => __( 'Runtime tool', 'dm-jobs' ),
			'direct'               => __( 'Direct', 'dm-jobs' ),
			default                => $source,
		};
	}

	public function menu(): MenuSlugs {
		return new MenuSlugs( 'datamachine-', 'datamachine-jobs', 'datamachine-pipelines', 'datamachine-logs' );
	}

	public function logs_source(): string {
		return 'data_machine';
	}

	public function log_action(): string {
		return 'datamachine_log';
	}

	/**
	 * Data Machine's DirectoryManager: {uploads}/datamachine-files/pipeline-{p}/flow-{f}/jobs/job-{id}.
	 */
	public function job_files(): array {
		$uploads = wp_upload_dir( null, false );
		return array(
			'root'    => rtrim( (string) ( $uploads['basedir'] ?? WP_CONTENT_DIR . '/uploads' ), '/' ) . '/datamachine-files',
			'pattern' => 'pipeline-%1$s/flow-%2$s/jobs/job-%3$d',
		);
	}

	public function caches(): array {
		return array(
			'transient_prefixes' => array( 'datamachine_flow_health_', 'datamachine_webhook_gate_' ),
			'cache_groups'       => array( 'datamachine_engine_data' ),
			'clear_actions'      => array(),
		);
	}

	public function housekeeping(): Housekeeping {
		$tables = $this->tables();
		return new CurrentHousekeeping( $tables->jobs, $tables->processed_items, $tables->run_metadata );
	}

	public function execution(): ?Execution {
		return new CurrentExecution();
	}

	/**
	 * Its Pipelines page is a React app that keeps the selected pipeline in localStorage
	 * ("datamachine-ui-store", zustand persist version 2, state.selectedPipelineId as a string;
	 * inc/Core/Admin/Pages/Pipelines/assets/react/stores/uiStore.js), not in the URL; flows are listed
	 * under their pipeline.
	 */
	public function admin_links(): ?AdminLinks {
		$page = admin_url( 'admin.php?page=' . $this->menu()->pipelines );
		return new AdminLinks(
			$page,
			$page,
			array(
				'storage' => 'localStorage',
				'key'     => 'datamachine-ui-store',
				'version' => 2,
				'field'   => 'selectedPipelineId',
			)
		);
	}

	public function owns_tables(): bool {
		return false;
	}

	public function added_schema(): array {
		$added                                        = AddedSchema::for_jobs_table( $this->tables()->jobs );
		$logs                                         = (string) $this->tables()->logs;
		$added['columns'][ $logs ]                    = array( AddedSchema::LOG_JOB_ID );
		$added['indexes'][ $logs ]                    = array( AddedSchema::LOG_JOB_ID_INDEX );
		$added['indexes'][ $this->tables()->jobs ][]  = AddedSchema::LABEL_INDEX;
		return $added;
	}

	public function plugin_active(): bool {
		return defined( 'DATAMACHINE_VERSION' );
	}
}
