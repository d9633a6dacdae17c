<?php
/**
 * Where Data Machine's own admin shows a pipeline and a flow, as URL templates with {pipeline_id}
 * and {flow_id} (so the Jobs screen fills them in per row without asking the server), and, where
 * Data Machine's screen keeps the selected pipeline in the browser instead of the URL, where it
 * keeps it: a link then stores the selection there before it navigates.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

defined( 'ABSPATH' ) || exit;

final class AdminLinks {

	/**
	 * @param string                                                            $pipeline URL template with {pipeline_id}.
	 * @param string                                                            $flow     URL template with {pipeline_id} and {flow_id}.
	 * @param array{storage: string, key: string, version: int, field: string}|null $remember Browser storage Data Machine's
	 *        screen reads the selected pipeline from (zustand's persist format: {state: {field: "ID"}, version}).
	 */
	public function __construct(
		public readonly string $pipeline,
		public readonly string $flow,
		public readonly ?array $remember = null,
	) {
	}

	public function for_pipeline( int $pipeline_id ): string {
		return str_replace( '{pipeline_id}', (string) $pipeline_id, $this->pipeline );
	}

	public function for_flow( int $pipeline_id, int $flow_id ): string {
		return str_replace( array( '{pipeline_id}', '{flow_id}' ), array( (string) $pipeline_id, (string) $flow_id ), $this->flow );
	}

	/**
	 * @return array{pipeline: string, flow: string, remember: array{storage: string, key: string, version: int, field: string}|null}
	 */
	public function to_array(): array {
		return array(
			'pipeline' => $this->pipeline,
			'flow'     => $this->flow,
			'remember' => $this->remember,
		);
	}
}
