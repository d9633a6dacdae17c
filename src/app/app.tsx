/**
 * WordPress dependencies
 */
import { useEffect } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { InsightsTabs } from '../features/insights';
import {
	PageActionsProvider,
	PageActionsSlot,
} from '../shared/components/page-actions';
import type { DmJobsConfig } from '../shared/types';
import { loadAfterTakeoverScripts } from '../shared/deferred/deferred-scripts';
import { JobsScreen } from './jobs-screen';

export interface AppProps {
	config: DmJobsConfig;
}

/**
 * The Jobs admin screen.
 *
 * @param props        Component props.
 * @param props.config Boot data printed by PHP.
 */
export function App( { config }: AppProps ) {
	useEffect( () => {
		// When the app took over (the benchmark and the e2e tests read it).
		document
			.getElementById( 'dm-jobs-root' )
			?.setAttribute(
				'data-app-ready',
				String( Math.round( performance.now() ) )
			);
		// Not needed for the first rows: it would have competed with them for the CPU.
		loadAfterTakeoverScripts().catch( () => {
			// Core's command palette could not load; the screen works without it.
		} );
	}, [] );
	return (
		<PageActionsProvider>
			<div className="dm-jobs-app">
				<div className="dm-jobs-header">
					<h1>{ __( 'Jobs', 'dm-jobs' ) }</h1>
					<PageActionsSlot />
				</div>
				<InsightsTabs>
					<JobsScreen config={ config } />
				</InsightsTabs>
			</div>
		</PageActionsProvider>
	);
}
