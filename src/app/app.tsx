/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { InsightsTabs } from '../features/insights';
import type { DmJobsConfig } from '../shared/types';
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
	return (
		<div className="dm-jobs-app">
			<h1>{ __( 'Jobs', 'dm-jobs' ) }</h1>
			<InsightsTabs config={ config }>
				<JobsScreen config={ config } />
			</InsightsTabs>
		</div>
	);
}
