/**
 * External dependencies
 */
import { describe, expect, it } from 'vitest';

/**
 * Internal dependencies
 */
import { describeRetentionStep } from '../../../../../src/features/admin-tools/utils/retention-step';

describe( 'describeRetentionStep', () => {
	it( 'names the rule, the rows in its noun and the age', () => {
		expect(
			describeRetentionStep( { key: 'completed', days: 30 }, 1234 )
		).toBe( 'Completed jobs: 1,234 jobs (older than 30 days)' );
		expect( describeRetentionStep( { key: 'failed', days: 7 }, 1 ) ).toBe(
			'Failed and cancelled jobs: 1 job (older than 7 days)'
		);
		expect(
			describeRetentionStep( { key: 'engine_data', days: 90 }, 0 )
		).toBe( 'Engine data shed: 0 jobs (older than 90 days)' );
	} );

	it( 'counts audit entries, not jobs', () => {
		expect( describeRetentionStep( { key: 'audit', days: 365 }, 2 ) ).toBe(
			'Audit entries: 2 audit entries (older than 365 days)'
		);
	} );
} );
