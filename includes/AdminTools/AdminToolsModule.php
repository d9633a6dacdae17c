<?php
/**
 * Wires the admin tools into WordPress: audit of job events, deletion side effects (files of
 * deleted jobs), the retention schedule, streamed exports and the boot data of the Admin modal.
 *
 * @package DMJobs
 */

namespace DMJobs\AdminTools;

use DMJobs\Audit\AuditLog;
use DMJobs\Audit\AuditSubscriber;
use DMJobs\Jobs\Export\ExportStream;
use DMJobs\Jobs\JobFiles;
use DMJobs\Maintenance\Repository\TableStatsRepository;
use DMJobs\Operations\Repository\JobBulkRepository;
use DMJobs\Retention\RetentionScheduler;
use WP_REST_Request;
use WP_REST_Response;

defined( 'ABSPATH' ) || exit;

final class AdminToolsModule {

	public function register(): void {
		( new AuditSubscriber() )->register();
		( new RetentionScheduler() )->register();
		( new \DMJobs\Operations\BackgroundRunner() )->register();
		add_action( 'dm_jobs_jobs_deleted', array( $this, 'remove_files_of_deleted_jobs' ), 20 );
		add_filter( 'rest_pre_serve_request', array( $this, 'serve_export' ), 10, 3 );
		add_action( 'admin_enqueue_scripts', array( $this, 'print_config' ), 20 );
	}

	/**
	 * Removes the uploads folders of jobs deleted one by one (DELETE /jobs/{id}); batched deletions
	 * already removed them. Only folders of jobs that really are gone.
	 *
	 * @param int[] $job_ids
	 */
	public function remove_files_of_deleted_jobs( $job_ids ): void {
		$ids = array_values( array_filter( array_map( 'intval', (array) $job_ids ), static fn ( int $id ): bool => $id > 0 ) );
		if ( ! $ids ) {
			return;
		}
		$files = new JobFiles();
		$with  = array_values( array_filter( $ids, array( $files, 'has_folder' ) ) );
		if ( ! $with ) {
			return;
		}
		$files->delete_for( array_diff( $with, ( new JobBulkRepository() )->existing_ids( $with ) ) );
	}

	/**
	 * Streams GET /export responses instead of JSON-encoding them.
	 *
	 * @param bool                   $served  Whether the request was already served.
	 * @param WP_REST_Response|mixed $result  The response.
	 * @param WP_REST_Request|mixed  $request The request.
	 */
	public function serve_export( $served, $result, $request ): bool {
		if ( $served || ! $result instanceof WP_REST_Response || ! $result->get_data() instanceof ExportStream ) {
			return (bool) $served;
		}
		$stream = $result->get_data();
		if ( ! headers_sent() ) {
			header( 'Content-Type: ' . $stream->content_type() );
			header( 'Content-Disposition: attachment; filename="' . $stream->filename() . '"' );
			header( 'X-Content-Type-Options: nosniff' );
			header( 'Cache-Control: no-store' );
		}
		if ( function_exists( 'set_time_limit' ) ) {
			set_time_limit( 0 ); // phpcs:ignore Squiz.PHP.DiscouragedFunctions.Discouraged
		}
		$out  = fopen( 'php://output', 'wb' );
		$rows = $stream->write_to(
			$out,
			static function (): void {
				if ( ob_get_level() > 0 ) {
					ob_flush();
				}
				flush();
			}
		);
		fclose( $out );

		( new AuditLog() )->record(
			'export.jobs',
			array(
				'format'              => $stream->format,
				'include_engine_data' => $stream->with_engine_data,
				'selection'           => $stream->selection->to_array(),
			),
			$rows
		);
		return true;
	}

	/**
	 * Boot data for the Admin modal: the REST nonce for download links (a plain link cannot send
	 * the X-WP-Nonce header that api-fetch adds).
	 *
	 * @param string $hook_suffix The current admin page.
	 */
	public function print_config( $hook_suffix ): void {
		if ( ! wp_script_is( 'dm-jobs-app', 'enqueued' ) && ! wp_script_is( 'dm-jobs-app', 'registered' ) ) {
			return;
		}
		$config = array(
			'restNonce'  => wp_create_nonce( 'wp_rest' ),
			'exportUrl'  => rest_url( 'dm-jobs/v1/export' ),
			'userLogin'  => wp_get_current_user()->user_login,
			'filesDir'   => ( new JobFiles() )->root(),
			'usesSqlite' => ( new TableStatsRepository() )->uses_sqlite(),
		);
		wp_add_inline_script( 'dm-jobs-app', 'window.dmJobsAdminTools = ' . wp_json_encode( $config ) . ';', 'before' );
	}
}
