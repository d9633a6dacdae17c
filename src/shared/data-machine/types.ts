/** Where Data Machine's own admin shows pipelines and flows (from the boot data). */
export interface DataMachineLinks {
	/** URL template with `{pipeline_id}`. */
	pipeline: string;
	/** URL template with `{pipeline_id}` and `{flow_id}`. */
	flow: string;
	/**
	 * Where Data Machine's screen keeps the selected pipeline instead of the
	 * URL (zustand persist format: `{ state: { [field]: "ID" }, version }`).
	 */
	remember: {
		storage: 'localStorage';
		key: string;
		version: number;
		field: string;
	} | null;
}

export interface IntegrationConfig {
	generation: string;
	links: DataMachineLinks | null;
	canRunFlows: boolean;
}

/** What POST /flows/{id}/run and /jobs/{id}/rerun answer. */
export type { FlowRun as RunResult } from '../../generated/rest-contract';
