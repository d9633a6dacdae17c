<?php
/**
 * The batched admin operations, each with its audit action name.
 *
 * @package DMJobs
 */

namespace DMJobs\Operations;

defined( 'ABSPATH' ) || exit;

enum OperationType: string {
	case DeleteJobs            = 'delete_jobs';
	case UpdateStatus          = 'update_status';
	case CleanupJobs           = 'cleanup_jobs';
	case CleanupOrphanJobs     = 'cleanup_orphan_jobs';
	case CleanupProcessedItems = 'cleanup_processed_items';
	case CleanupOrphanLogs     = 'cleanup_orphan_logs';
	case CleanupOrphanFiles    = 'cleanup_orphan_files';
	case ShedEngineData        = 'shed_engine_data';
	case OptimizeTables        = 'optimize_tables';
	case PruneAudit            = 'prune_audit';

	/**
	 * @return string[]
	 */
	public static function values(): array {
		return array_map( static fn ( self $type ): string => $type->value, self::cases() );
	}

	public function audit_action(): string {
		return match ( $this ) {
			self::DeleteJobs            => 'jobs.bulk_delete',
			self::UpdateStatus          => 'jobs.bulk_status',
			self::CleanupJobs           => 'cleanup.jobs',
			self::CleanupOrphanJobs     => 'cleanup.orphan_jobs',
			self::CleanupProcessedItems => 'cleanup.processed_items',
			self::CleanupOrphanLogs     => 'cleanup.orphan_logs',
			self::CleanupOrphanFiles    => 'cleanup.orphan_files',
			self::ShedEngineData        => 'maintenance.shed_engine_data',
			self::OptimizeTables        => 'maintenance.optimize_tables',
			self::PruneAudit            => 'audit.prune',
		};
	}

	/**
	 * Whether starting it needs the user to confirm the exact count (everything that removes or changes rows).
	 */
	public function needs_confirmation(): bool {
		return self::OptimizeTables !== $this;
	}
}
