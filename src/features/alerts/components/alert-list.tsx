/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AlertEntry } from '../types';

export interface AlertListProps {
	heading: string;
	alerts: AlertEntry[];
}

/**
 * Alerts with their message and a link to the jobs behind them.
 *
 * @param props         Component props.
 * @param props.heading What the list is.
 * @param props.alerts  The alerts.
 */
export function AlertList( { heading, alerts }: AlertListProps ) {
	return (
		<div className="dm-jobs-alert-list">
			<p className="dm-jobs-alert-list__heading">{ heading }</p>
			<ul>
				{ alerts.map( ( alert ) => (
					<li key={ alert.key }>
						<strong>{ alert.title }</strong>
						{ alert.message !== '' && (
							<> { alert.message }</>
						) }{ ' ' }
						<a href={ alert.url }>
							{ __( 'Show these jobs', 'dm-jobs' ) }
						</a>
					</li>
				) ) }
			</ul>
		</div>
	);
}
