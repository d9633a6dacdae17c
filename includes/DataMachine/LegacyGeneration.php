<?php
/**
 * Data Machine v0.1.x (the last release of that line is 0.1.2): tables {prefix}dm_jobs, dm_pipelines,
 * dm_flows, dm_processed_items; bigint pipeline_id/flow_id; status varchar(20), compound values
 * ("failed - reason") for a while; logging through dm_log (no logs table); menus dm-*; files in
 * uploads/dm-files/job_{id}; a jobs cache cleared by the dm_clear_jobs_cache action.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

use DMJobs\Schema\Repository\SchemaRepository;

defined( 'ABSPATH' ) || exit;

class LegacyGeneration implements Generation {

	public const KEY = 'dm';

	public function key(): string {
		return self::KEY;
	}

	public function label(): string {
		return __( 'Data Machine 0.1 (dm_ tables)', 'dm-jobs' );
	}

	public function tables(): Tables {
		$prefix = SchemaRepository::prefix();
		return new Tables(
			$prefix . 'dm_jobs',
			$prefix . 'dm_pipelines',
			$prefix . 'dm_flows',
			$prefix . 'dm_processed_items'
		);
	}

	public function ids_are_text(): bool {
		return false;
	}

	public function extra_job_columns(): array {
		return array();
	}

	public function statuses(): array {
		return array( 'pending', 'processing', 'completed', 'completed_no_items', 'failed', 'cancelled', 'agent_skipped' );
	}

	public function status_reason_key(): ?string {
		return null;
	}

	public function fallback_names( array $row ): array {
		return array(
			'pipeline' => null,
			'flow'     => null,
		);
	}

	public function menu(): MenuSlugs {
		return new MenuSlugs( 'dm-', 'dm-jobs', 'dm-pipelines', 'dm-logs' );
	}

	public function logs_source(): string {
		return 'own';
	}

	public function log_action(): string {
		return 'dm_log';
	}

	public function job_files(): array {
		$uploads = wp_upload_dir( null, false );
		return array(
			'root'    => rtrim( (string) ( $uploads['basedir'] ?? WP_CONTENT_DIR . '/uploads' ), '/' ) . '/dm-files',
			'pattern' => 'job_%d',
		);
	}

	public function caches(): array {
		return array(
			'transient_prefixes' => array( 'dm_job_', 'dm_job_status_' ),
			'cache_groups'       => array(),
			'clear_actions'      => array( 'dm_clear_jobs_cache' ),
		);
	}

	public function housekeeping(): Housekeeping {
		return new LegacyHousekeeping( $this->tables()->jobs );
	}

	public function execution(): ?Execution {
		return new LegacyExecution();
	}

	/**
	 * Its Pipelines page (inc/Core/Admin/Pages/Pipelines/templates/page/pipelines-page.php) opens the
	 * pipeline named by selected_pipeline_id when the URL carries a dm_ajax_actions nonce; flows are
	 * cards inside their pipeline, without anchors, so a flow link opens its pipeline.
	 */
	public function admin_links(): ?AdminLinks {
		$pipeline = admin_url( 'admin.php?page=' . $this->menu()->pipelines ) . '&selected_pipeline_id={pipeline_id}&_wpnonce=' . wp_create_nonce( 'dm_ajax_actions' );
		return new AdminLinks( $pipeline, $pipeline );
	}

	public function owns_tables(): bool {
		return false;
	}

	public function added_schema(): array {
		return AddedSchema::for_jobs_table( $this->tables()->jobs );
	}

	public function plugin_active(): bool {
		return defined( 'DATA_MACHINE_VERSION' );
	}
}
