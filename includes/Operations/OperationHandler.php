<?php
/**
 * One kind of batched operation: how to count and preview what it would touch, and how to do one batch.
 *
 * Params are the normalized array OperationParams produced (stored with the operation as JSON).
 *
 * @package DMJobs
 */

namespace DMJobs\Operations;

defined( 'ABSPATH' ) || exit;

interface OperationHandler {

	/**
	 * The upper bound (primary key of the table it works on, or step count) fixed when it starts:
	 * rows added later are never touched.
	 *
	 * @param array<string, mixed> $params
	 */
	public function snapshot( array $params ): int;

	/**
	 * Exactly how many rows a run started now would touch.
	 *
	 * @param array<string, mixed> $params
	 */
	public function count( array $params, int $max_id ): int;

	/**
	 * The dry run: count, a sample and anything else the confirmation should show.
	 *
	 * @param array<string, mixed> $params
	 * @return array{count: int, sample_kind: string, sample: array<int, array<string, mixed>>, details: array<string, mixed>}
	 */
	public function preview( array $params, int $max_id ): array;

	/**
	 * @param array<string, mixed> $params
	 */
	public function run_batch( array $params, int $max_id, int $cursor, int $batch_size ): BatchResult;

	/**
	 * Rows per batch for this kind of operation.
	 */
	public function default_batch_size(): int;
}
