<?php
/**
 * The per-job file folders of Data Machine, where its generation keeps them (the adapter's
 * Housekeeping::job_folders(): {uploads}/dm-files/job_{id}/ in 0.1; today
 * {uploads}/datamachine-files/pipeline-{p}/flow-{f}/jobs/job-{id}/ and
 * {uploads}/datamachine-artifacts/jobs/{id}/). A site can point DM Jobs at a folder of its own with
 * `dm_jobs_job_files_dir` ({dir}/{job_id}/). Only folders named exactly by a job ID directly under one
 * of those folders are ever removed, and only for jobs that no longer exist; symlinks are unlinked,
 * never followed.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

use DMJobs\DataMachine\HousekeepingHooks;

defined( 'ABSPATH' ) || exit;

final class JobFiles {

	/**
	 * @var array<int, array{dir: string, format: string}>|null
	 */
	private ?array $containers = null;

	/**
	 * The folders holding one folder per job that exist (glob patterns expanded) and the sprintf()
	 * format of a job's folder name in each. A folder that does not exist holds no job's folder, so
	 * jobs are not looked up one by one in it.
	 *
	 * @return array<int, array{dir: string, format: string}>
	 */
	public function containers(): array {
		if ( null !== $this->containers ) {
			return $this->containers;
		}
		$this->containers = array();
		foreach ( $this->layout() as $layout ) {
			$dirs = str_contains( $layout['dir'], '*' ) ? glob( $layout['dir'], GLOB_ONLYDIR ) : ( is_dir( $layout['dir'] ) ? array( $layout['dir'] ) : array() );
			foreach ( is_array( $dirs ) ? $dirs : array() as $dir ) {
				$this->containers[] = array(
					'dir'    => rtrim( $dir, '/' ),
					'format' => $layout['format'],
				);
			}
		}
		return $this->containers;
	}

	/**
	 * @return array<int, array{dir: string, format: string}>
	 */
	private function layout(): array {
		$generation = HousekeepingHooks::housekeeping()->job_folders();
		/**
		 * Filters the folder that holds one sub-folder per job, named by job ID ({dir}/{job_id}). By
		 * default DM Jobs works on Data Machine's own folders (see the README).
		 *
		 * @param string $dir Default: Data Machine's folder.
		 */
		$filtered = apply_filters( 'dm_jobs_job_files_dir', $generation[0]['dir'] );
		if ( is_string( $filtered ) && '' !== $filtered && $filtered !== $generation[0]['dir'] ) {
			return array(
				array(
					'dir'    => rtrim( $filtered, '/' ),
					'format' => '%d',
				),
			);
		}
		return $generation;
	}

	/**
	 * Where job folders are looked for (shown in dry runs).
	 */
	public function root(): string {
		return $this->layout()[0]['dir'];
	}

	/**
	 * A job's folder: the first one that exists, else where the first layout would put it.
	 */
	public function dir_for( int $job_id ): string {
		$folders = $this->folders_of( $job_id );
		if ( $folders ) {
			return $folders[0];
		}
		$layout = $this->layout()[0];
		return $layout['dir'] . '/' . sprintf( $layout['format'], $job_id );
	}

	/**
	 * The existing folders (never symlinks) of a job.
	 *
	 * @return string[]
	 */
	public function folders_of( int $job_id ): array {
		$folders = array();
		if ( $job_id < 1 ) {
			return $folders;
		}
		foreach ( $this->containers() as $container ) {
			$dir = $container['dir'] . '/' . sprintf( $container['format'], $job_id );
			if ( is_dir( $dir ) && ! is_link( $dir ) ) {
				$folders[] = $dir;
			}
		}
		return $folders;
	}

	public function has_folder( int $job_id ): bool {
		return array() !== $this->folders_of( $job_id );
	}

	/**
	 * Job IDs that have an entry (normally a folder; delete_for() checks) in one of the folders,
	 * ascending, in (after_id, max_id], at most $limit. Streams the directories and keeps only $limit
	 * IDs in memory.
	 *
	 * @return int[]
	 */
	public function job_ids_with_folders( int $after_id, int $max_id, int $limit ): array {
		$heap = new \SplMaxHeap();
		$seen = array();
		foreach ( $this->containers() as $container ) {
			$handle = is_dir( $container['dir'] ) ? opendir( $container['dir'] ) : false;
			if ( false === $handle ) {
				continue;
			}
			$pattern = self::name_pattern( $container['format'] );
			while ( false !== ( $name = readdir( $handle ) ) ) { // phpcs:ignore Generic.CodeAnalysis.AssignmentInCondition.FoundInWhileCondition
				if ( 1 !== preg_match( $pattern, $name, $match ) ) {
					continue;
				}
				$id = (int) $match[1];
				if ( $id <= $after_id || $id > $max_id || isset( $seen[ $id ] ) ) {
					continue;
				}
				$seen[ $id ] = true;
				$heap->insert( $id );
				if ( $heap->count() > $limit ) {
					unset( $seen[ $heap->extract() ] );
				}
			}
			closedir( $handle );
		}
		$ids = iterator_to_array( $heap, false );
		sort( $ids );
		return $ids;
	}

	/**
	 * "job_%d" → a pattern matching "job_123" (no leading zero) with the ID as group 1.
	 */
	private static function name_pattern( string $format ): string {
		return '/^' . str_replace( '%d', '([1-9][0-9]*)', preg_quote( $format, '/' ) ) . '$/';
	}

	/**
	 * Bytes under a job's folders.
	 */
	public function size_of( int $job_id ): int {
		$bytes = 0;
		foreach ( $this->folders_of( $job_id ) as $dir ) {
			$bytes += self::bytes_under( $dir );
		}
		return $bytes;
	}

	private static function bytes_under( string $dir ): int {
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
		foreach ( $this->containers() as $container ) {
			$root = realpath( $container['dir'] );
			if ( false === $root ) {
				continue;
			}
			foreach ( $job_ids as $job_id ) {
				$dir = $root . '/' . sprintf( $container['format'], (int) $job_id );
				if ( (int) $job_id < 1 || is_link( $dir ) || ! is_dir( $dir ) || realpath( $dir ) !== $dir ) {
					continue;
				}
				$bytes = self::bytes_under( $dir );
				if ( $this->remove_tree( $dir ) ) {
					++$removed['folders'];
					$removed['bytes'] += $bytes;
				}
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
