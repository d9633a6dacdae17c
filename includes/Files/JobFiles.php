<?php
/**
 * The per-job uploads folders: {uploads}/dm-jobs/jobs/{job_id}/ (root filterable with
 * `dm_jobs_job_files_dir`). Only folders named exactly by a job ID directly under the root are
 * ever removed, and only for jobs that no longer exist; symlinks are unlinked, never followed.
 *
 * @package DMJobs
 */

namespace DMJobs\Files;

defined( 'ABSPATH' ) || exit;

final class JobFiles {

	public function root(): string {
		$uploads = wp_upload_dir( null, false );
		$default = rtrim( (string) ( $uploads['basedir'] ?? WP_CONTENT_DIR . '/uploads' ), '/' ) . '/dm-jobs/jobs';
		/**
		 * Filters the folder that holds one sub-folder per job (named by job ID).
		 *
		 * @param string $dir Default {uploads}/dm-jobs/jobs.
		 */
		return rtrim( (string) apply_filters( 'dm_jobs_job_files_dir', $default ), '/' );
	}

	public function dir_for( int $job_id ): string {
		return $this->root() . '/' . $job_id;
	}

	public function has_folder( int $job_id ): bool {
		$dir = $this->dir_for( $job_id );
		return is_dir( $dir ) && ! is_link( $dir );
	}

	/**
	 * Job IDs that have an entry (normally a folder; delete_for() checks) in the root, ascending, in
	 * (after_id, max_id], at most $limit. Streams the directory and keeps only $limit IDs in memory.
	 *
	 * @return int[]
	 */
	public function job_ids_with_folders( int $after_id, int $max_id, int $limit ): array {
		$root = $this->root();
		if ( ! is_dir( $root ) ) {
			return array();
		}
		$handle = opendir( $root );
		if ( false === $handle ) {
			return array();
		}
		$heap = new \SplMaxHeap();
		while ( false !== ( $name = readdir( $handle ) ) ) { // phpcs:ignore Generic.CodeAnalysis.AssignmentInCondition.FoundInWhileCondition
			if ( ! ctype_digit( $name ) || '0' === $name[0] ) {
				continue;
			}
			$id = (int) $name;
			if ( $id <= $after_id || $id > $max_id ) {
				continue;
			}
			$heap->insert( $id );
			if ( $heap->count() > $limit ) {
				$heap->extract();
			}
		}
		closedir( $handle );
		$ids = iterator_to_array( $heap, false );
		sort( $ids );
		return $ids;
	}

	/**
	 * Bytes under a job's folder.
	 */
	public function size_of( int $job_id ): int {
		$dir = $this->dir_for( $job_id );
		if ( ! is_dir( $dir ) ) {
			return 0;
		}
		$bytes = 0;
		foreach ( new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( $dir, \FilesystemIterator::SKIP_DOTS ) ) as $file ) {
			if ( $file->isFile() && ! $file->isLink() ) {
				$bytes += (int) $file->getSize();
			}
		}
		return $bytes;
	}

	/**
	 * Removes the folders of these jobs. The caller guarantees the jobs are gone.
	 *
	 * @param int[] $job_ids
	 * @return array{folders: int, bytes: int}
	 */
	public function delete_for( array $job_ids ): array {
		$removed = array(
			'folders' => 0,
			'bytes'   => 0,
		);
		$root    = realpath( $this->root() );
		if ( false === $root ) {
			return $removed;
		}
		foreach ( $job_ids as $job_id ) {
			$dir = $root . '/' . (int) $job_id;
			if ( (int) $job_id < 1 || is_link( $dir ) || ! is_dir( $dir ) || realpath( $dir ) !== $dir ) {
				continue;
			}
			$bytes = $this->size_of( (int) $job_id );
			if ( $this->remove_tree( $dir ) ) {
				++$removed['folders'];
				$removed['bytes'] += $bytes;
			}
		}
		return $removed;
	}

	private function remove_tree( string $dir ): bool {
		$items = new \RecursiveIteratorIterator(
			new \RecursiveDirectoryIterator( $dir, \FilesystemIterator::SKIP_DOTS ),
			\RecursiveIteratorIterator::CHILD_FIRST
		);
		foreach ( $items as $item ) {
			$path = $item->getPathname();
			if ( $item->isLink() || ! $item->isDir() ) {
				@unlink( $path ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.unlink_unlink
			} else {
				@rmdir( $path ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.file_system_operations_rmdir
			}
		}
		return @rmdir( $dir ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.file_system_operations_rmdir
	}
}
