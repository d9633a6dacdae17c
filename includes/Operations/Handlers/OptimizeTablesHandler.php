<?php
/**
 * Reclaims free space: OPTIMIZE TABLE on each of the plugin's tables (one per step, with sizes
 * before and after) on MariaDB/MySQL; on SQLite one VACUUM of the whole database file.
 *
 * @package DMJobs
 */

namespace DMJobs\Operations\Handlers;

use DMJobs\Maintenance\Repository\TableStatsRepository;
use DMJobs\Operations\BatchResult;
use DMJobs\Operations\OperationHandler;

defined( 'ABSPATH' ) || exit;

final class OptimizeTablesHandler implements OperationHandler {

	public function __construct( private readonly TableStatsRepository $stats = new TableStatsRepository() ) {
	}

	public function default_batch_size(): int {
		return 1;
	}

	public function snapshot( array $params ): int {
		return $this->stats->uses_sqlite() ? 1 : count( $this->stats->tables() );
	}

	public function count( array $params, int $max_id ): int {
		return $max_id;
	}

	public function preview( array $params, int $max_id ): array {
		$sizes = $this->stats->table_sizes();
		if ( $this->stats->uses_sqlite() ) {
			$file = (array) $this->stats->sqlite_file();
			return array(
				'count'       => 1,
				'sample_kind' => 'tables',
				'sample'      => $sizes,
				'details'     => array(
					'engine'           => 'sqlite',
					'file'             => $file,
					'reclaimable_bytes' => (int) ( $file['free_bytes'] ?? 0 ),
				),
			);
		}
		return array(
			'count'       => count( $sizes ),
			'sample_kind' => 'tables',
			'sample'      => $sizes,
			'details'     => array(
				'engine'            => 'mysql',
				'reclaimable_bytes' => array_sum( array_map( static fn ( array $s ): int => (int) $s['free_bytes'], $sizes ) ),
			),
		);
	}

	public function run_batch( array $params, int $max_id, int $cursor, int $batch_size ): BatchResult {
		if ( $cursor >= $max_id ) {
			return BatchResult::finished( $cursor );
		}
		if ( $this->stats->uses_sqlite() ) {
			$before = (array) $this->stats->sqlite_file();
			$this->stats->sqlite_vacuum();
			$after = (array) $this->stats->sqlite_file();
			return new BatchResult(
				1,
				1,
				1,
				true,
				array( 'bytes_reclaimed' => max( 0, (int) $before['file_bytes'] - (int) $after['file_bytes'] ) ),
				array(
					array(
						'table'  => 'database',
						'before' => $before,
						'after'  => $after,
					),
				)
			);
		}

		$tables = array_values( $this->stats->tables() );
		$table  = $tables[ $cursor ] ?? null;
		if ( null === $table ) {
			return BatchResult::finished( $cursor );
		}
		$before  = $this->size_of( $table );
		$message = $this->stats->optimize_table( $table );
		$after   = $this->size_of( $table );
		$gained  = max( 0, ( (int) $before['data_bytes'] + (int) $before['index_bytes'] ) - ( (int) $after['data_bytes'] + (int) $after['index_bytes'] ) );
		return new BatchResult(
			$cursor + 1,
			1,
			1,
			$cursor + 1 >= min( $max_id, count( $tables ) ),
			array( 'bytes_reclaimed' => $gained ),
			array(
				array(
					'table'   => $table,
					'before'  => $before,
					'after'   => $after,
					'message' => $message,
				),
			)
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	private function size_of( string $table ): array {
		foreach ( $this->stats->table_sizes() as $size ) {
			if ( $size['name'] === $table ) {
				return $size;
			}
		}
		return array();
	}
}
