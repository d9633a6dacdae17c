/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { DEFAULT_VIEW } from '../../../../src/features/jobs-list/url/view-url';
import { viewShowingJob } from '../../../../src/shared/data-machine/view-showing-job';

const job = { pipeline_id: 3, flow_id: 7 };

describe( 'viewShowingJob', () => {
	it( 'leaves a view that already shows the new job at the top', () => {
		expect( viewShowingJob( DEFAULT_VIEW, job ) ).toBeNull();
		expect(
			viewShowingJob( { ...DEFAULT_VIEW, pipelineId: 3, flowId: 7 }, job )
		).toBeNull();
	} );

	it( 'drops the filters that would hide it and goes to the newest first', () => {
		expect(
			viewShowingJob(
				{
					...DEFAULT_VIEW,
					status: [ 'failed' ],
					pipelineId: 3,
					flowId: 9,
					search: 'timeout',
					page: 4,
					orderby: 'duration',
					order: 'asc',
				},
				job
			)
		).toEqual( {
			page: 1,
			orderby: 'job_id',
			order: 'desc',
			status: [],
			search: '',
			range: 'any',
			after: null,
			before: null,
			pipelineId: 3,
			flowId: null,
		} );
	} );
} );
