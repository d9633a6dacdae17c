<?php
/**
 * A number that changes whenever settled jobs change in a way counts and page anchors cannot follow
 * incrementally: deletions, and status changes of jobs that had already finished.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

defined( 'ABSPATH' ) || exit;

final class DataVersion {

	public const OPTION = 'dm_jobs_data_version';

	public static function current(): int {
		return (int) get_option( self::OPTION, 0 );
	}

	public static function bump(): void {
		update_option( self::OPTION, self::current() + 1, true );
	}

	public function register(): void {
		add_action( 'dm_jobs_jobs_deleted', array( self::class, 'bump' ), 1 );
		add_action( 'dm_jobs_job_deleted', array( self::class, 'bump' ), 1 );
		add_action(
			'dm_jobs_job_status_changed',
			static function ( int $job_id, string $new_status, string $old_status ): void {
				$old = \DMJobs\Status\BaseStatus::tryFrom( $old_status );
				if ( null === $old || $old->is_final() ) {
					self::bump();
				}
			},
			1,
			3
		);
	}
}
