/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import {
	isMetrics as isMetricsOverview,
	isMetricsCapacity,
	isMetricsDegradation,
	isMetricsResources,
	isMetricsRollup as isRollupProgress,
} from '../../../../../src/generated/rest-contract';
import {
	CAPACITY,
	DEGRADATION,
	makeOverview,
	READY,
	RESOURCES,
} from '../fixtures';

describe( 'generated checks of the metrics answers', () => {
	it( 'accept what the server sends', () => {
		expect( isMetricsOverview( makeOverview() ) ).toBe( true );
		expect( isMetricsResources( RESOURCES ) ).toBe( true );
		expect( isMetricsDegradation( DEGRADATION ) ).toBe( true );
		expect( isMetricsCapacity( CAPACITY ) ).toBe( true );
		expect( isMetricsCapacity( { ...CAPACITY, limit: null } ) ).toBe(
			true
		);
		expect( isRollupProgress( READY ) ).toBe( true );
	} );

	it( 'reject broken answers', () => {
		const overview = makeOverview();
		expect( isMetricsOverview( null ) ).toBe( false );
		expect( isMetricsOverview( { ...overview, volume: 'x' } ) ).toBe(
			false
		);
		expect(
			isMetricsOverview( {
				...overview,
				volume: [
					{ ...overview.volume[ 0 ], counts: { completed: 1 } },
				],
			} )
		).toBe( false );
		expect(
			isMetricsOverview( {
				...overview,
				heatmap: {
					cells: [ { weekday: 8, hour: 1, count: 1 } ],
					max: 1,
				},
			} )
		).toBe( false );
		expect( isRollupProgress( { ...READY, state: 'done' } ) ).toBe( false );
		expect(
			isMetricsDegradation( {
				...DEGRADATION,
				pipelines: [
					{
						...DEGRADATION.pipelines[ 0 ],
						triggers: [
							{
								metric: 'vibes',
								recent: 1,
								baseline: 1,
								change: 1,
								threshold: 1,
							},
						],
					},
				],
			} )
		).toBe( false );
	} );
} );
