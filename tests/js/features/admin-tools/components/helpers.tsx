/**
 * External dependencies
 */
import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';

/**
 * WordPress dependencies
 */
import { createRegistry, RegistryProvider } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store as adminToolsStore } from '../../../../../src/features/admin-tools/store';
import { store as jobsStore } from '../../../../../src/features/jobs-list/store';
import type {
	Operation,
	OperationPreview,
} from '../../../../../src/features/admin-tools/types';
import { makeJob } from '../../../helpers/make-job';

/**
 * Renders with a fresh data registry holding the admin tools store and the
 * jobs list store (the jobs table's pagination reads it).
 *
 * @param element What to render.
 */
export function renderWithRegistry( element: ReactElement ): RenderResult & {
	registry: ReturnType< typeof createRegistry >;
} {
	const registry = createRegistry();
	registry.register( adminToolsStore );
	registry.register( jobsStore );
	const result = render(
		<RegistryProvider value={ registry }>{ element }</RegistryProvider>
	);
	return { ...result, registry };
}

type JobsPreview = Extract< OperationPreview, { sample_kind: 'jobs' } >;

export function makePreview(
	overrides: Partial< JobsPreview > = {}
): JobsPreview {
	return {
		dry_run: true,
		type: 'delete_jobs',
		params: {},
		count: 3,
		sample_kind: 'jobs',
		sample: [ makeJob( { id: 9 } ), makeJob( { id: 8 } ) ],
		details: {
			by_status: { failed: 2, completed: 1 },
			active_left_out: 1,
		},
		max_id: 120,
		as_of: '2026-03-01T10:00:00Z',
		...overrides,
	};
}

export function makeOperation(
	overrides: Partial< Operation > = {}
): Operation {
	return {
		id: 41,
		type: 'delete_jobs',
		state: 'running',
		params: {},
		generation: null,
		total: 3,
		processed: 0,
		affected: 0,
		progress: 0,
		result: {},
		message: null,
		actor: { type: 'user', user_id: 1, login: 'admin' },
		cancel_requested: false,
		active: false,
		created_at: '2026-03-01T10:00:00Z',
		updated_at: '2026-03-01T10:00:00Z',
		finished_at: null,
		duration: null,
		...overrides,
	};
}
