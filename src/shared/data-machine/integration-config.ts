/**
 * Internal dependencies
 */
import { isRecord } from '../contract/schema-guard';
import type { DataMachineLinks, IntegrationConfig } from './types';

function readLinks( value: unknown ): DataMachineLinks | null {
	if (
		! isRecord( value ) ||
		typeof value.pipeline !== 'string' ||
		typeof value.flow !== 'string'
	) {
		return null;
	}
	const remember = value.remember;
	return {
		pipeline: value.pipeline,
		flow: value.flow,
		remember:
			isRecord( remember ) &&
			remember.storage === 'localStorage' &&
			typeof remember.key === 'string' &&
			typeof remember.version === 'number' &&
			typeof remember.field === 'string'
				? {
						storage: 'localStorage',
						key: remember.key,
						version: remember.version,
						field: remember.field,
					}
				: null,
	};
}

/**
 * The Data Machine part of the boot data (`window.dmJobsConfig.integration`),
 * with safe defaults: no links and no running when anything is missing.
 *
 * @param raw The raw boot data.
 */
export function readIntegrationConfig(
	raw: unknown = typeof window === 'undefined'
		? undefined
		: window.dmJobsConfig
): IntegrationConfig {
	const integration =
		isRecord( raw ) && isRecord( raw.integration ) ? raw.integration : {};
	return {
		generation:
			typeof integration.generation === 'string'
				? integration.generation
				: '',
		links: readLinks( integration.links ),
		canRunFlows: integration.canRunFlows === true,
	};
}
