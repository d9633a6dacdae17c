/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { formatPipelineFlow } from '../../../../src/shared/format/format-pipeline-flow';

describe( 'formatPipelineFlow', () => {
	it( 'joins pipeline and flow names', () => {
		expect(
			formatPipelineFlow( {
				pipeline_id: 3,
				pipeline_name: 'News import',
				flow_id: 7,
				flow_name: 'Hourly RSS',
			} )
		).toBe( 'News import → Hourly RSS' );
	} );

	it( 'names missing or blank pipelines and flows by ID', () => {
		expect(
			formatPipelineFlow( {
				pipeline_id: 3,
				pipeline_name: null,
				flow_id: 7,
				flow_name: '  ',
			} )
		).toBe( 'Pipeline #3 → Flow #7' );
	} );
} );
