/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	dataMachineUrl,
	rememberPipeline,
} from '../../../../src/shared/data-machine/admin-link';
import { readIntegrationConfig } from '../../../../src/shared/data-machine/integration-config';

const today = {
	pipeline: 'http://site.test/wp-admin/admin.php?page=datamachine-pipelines',
	flow: 'http://site.test/wp-admin/admin.php?page=datamachine-pipelines',
	remember: {
		storage: 'localStorage' as const,
		key: 'datamachine-ui-store',
		version: 2,
		field: 'selectedPipelineId',
	},
};

describe( 'Data Machine links', () => {
	it( 'fills the IDs into v0.1 templates', () => {
		const old = {
			pipeline:
				'http://site.test/wp-admin/admin.php?page=dm-pipelines&selected_pipeline_id={pipeline_id}&_wpnonce=abc',
			flow: 'http://site.test/wp-admin/admin.php?page=dm-pipelines&selected_pipeline_id={pipeline_id}&_wpnonce=abc',
			remember: null,
		};
		expect( dataMachineUrl( old, 12 ) ).toBe(
			'http://site.test/wp-admin/admin.php?page=dm-pipelines&selected_pipeline_id=12&_wpnonce=abc'
		);
		expect( dataMachineUrl( old, 12, 7 ) ).toContain(
			'selected_pipeline_id=12'
		);
	} );

	it( "selects the pipeline where today's Data Machine remembers it, keeping its other state", () => {
		window.localStorage.setItem(
			'datamachine-ui-store',
			JSON.stringify( {
				state: { selectedPipelineId: '1', isChatOpen: true },
				version: 2,
			} )
		);
		rememberPipeline( today, 12 );
		expect(
			JSON.parse(
				window.localStorage.getItem( 'datamachine-ui-store' ) ?? ''
			)
		).toEqual( {
			state: { selectedPipelineId: '12', isChatOpen: true },
			version: 2,
		} );

		window.localStorage.setItem( 'datamachine-ui-store', 'not json' );
		rememberPipeline( today, 5 );
		expect(
			JSON.parse(
				window.localStorage.getItem( 'datamachine-ui-store' ) ?? ''
			)
		).toEqual( { state: { selectedPipelineId: '5' }, version: 2 } );
	} );

	it( 'reads the boot data safely', () => {
		expect( readIntegrationConfig( undefined ) ).toEqual( {
			generation: '',
			links: null,
			canRunFlows: false,
		} );
		expect(
			readIntegrationConfig( {
				integration: {
					generation: 'datamachine',
					links: today,
					canRunFlows: true,
				},
			} )
		).toEqual( {
			generation: 'datamachine',
			links: today,
			canRunFlows: true,
		} );
		expect(
			readIntegrationConfig( { integration: { links: { pipeline: 1 } } } )
				.links
		).toBeNull();
	} );
} );
