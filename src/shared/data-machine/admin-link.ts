/**
 * Internal dependencies
 */
import type { DataMachineLinks } from './types';

/**
 * The URL of Data Machine's screen for a pipeline or a flow.
 *
 * @param links      The link templates.
 * @param pipelineId The pipeline.
 * @param flowId     The flow, for a flow link.
 */
export function dataMachineUrl(
	links: DataMachineLinks,
	pipelineId: number,
	flowId: number | null = null
): string {
	const template = flowId === null ? links.pipeline : links.flow;
	return template
		.replace( '{pipeline_id}', String( pipelineId ) )
		.replace( '{flow_id}', String( flowId ?? '' ) );
}

/**
 * Before following a link: where Data Machine's screen remembers the selected
 * pipeline in the browser, select this one (other remembered values kept).
 *
 * @param links      The link templates.
 * @param pipelineId The pipeline to open.
 * @param storage    The browser storage (tests pass their own).
 */
export function rememberPipeline(
	links: DataMachineLinks,
	pipelineId: number,
	storage: Storage = window.localStorage
): void {
	const { remember } = links;
	if ( remember === null ) {
		return;
	}
	let saved: { state?: Record< string, unknown > } = {};
	try {
		const parsed: unknown = JSON.parse(
			storage.getItem( remember.key ) ?? '{}'
		);
		if ( typeof parsed === 'object' && parsed !== null ) {
			saved = parsed as { state?: Record< string, unknown > };
		}
	} catch {
		// Unreadable: start from nothing.
	}
	storage.setItem(
		remember.key,
		JSON.stringify( {
			...saved,
			state: {
				...( saved.state ?? {} ),
				[ remember.field ]: String( pipelineId ),
			},
			version: remember.version,
		} )
	);
}
