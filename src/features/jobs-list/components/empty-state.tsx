/**
 * WordPress dependencies
 */
import { Button, ExternalLink } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { DmJobsConfig } from '../../../shared/types';

/** Relative to wp-admin, where this screen lives. */
export const DATA_MACHINE_INSTALL_URL =
	'plugin-install.php?s=data+machine&tab=search&type=term';

/** Relative to wp-admin: the Plugins screen filtered to Data Machine. */
export const DATA_MACHINE_PLUGINS_URL = 'plugins.php?s=data+machine';

export interface EmptyStateProps {
	config: Pick<
		DmJobsConfig,
		'pipelinesUrl' | 'docsUrl' | 'dataMachineActive'
	>;
}

/**
 * What jobs are and how to get some, shown when there are none at all.
 *
 * @param props        Component props.
 * @param props.config Boot data with the links to offer.
 */
export function EmptyState( { config }: EmptyStateProps ) {
	const { pipelinesUrl, docsUrl, dataMachineActive } = config;
	return (
		<section
			className="dm-jobs-empty"
			aria-labelledby="dm-jobs-empty-heading"
		>
			<h2 id="dm-jobs-empty-heading">
				{ __( 'No jobs yet', 'dm-jobs' ) }
			</h2>
			<p>
				{ __(
					'Each run of a Data Machine flow creates a job. A job moves from pending to processing and ends as completed or failed, so this screen shows what ran, when, and what went wrong.',
					'dm-jobs'
				) }
			</p>
			<p>
				{ __(
					'Jobs are created when you run a flow manually or when it runs on its schedule. Other plugins can also create jobs through the DM Jobs API.',
					'dm-jobs'
				) }
			</p>
			{ pipelinesUrl === null && ! dataMachineActive && (
				<p>
					{ __(
						'Data Machine is not active on this site. Install and activate it to build the pipelines and flows that create jobs.',
						'dm-jobs'
					) }
				</p>
			) }
			<div className="dm-jobs-empty__actions">
				{ pipelinesUrl !== null ? (
					<Button variant="primary" href={ pipelinesUrl }>
						{ __( 'Set up a pipeline', 'dm-jobs' ) }
					</Button>
				) : (
					<Button
						variant="primary"
						href={
							dataMachineActive
								? DATA_MACHINE_PLUGINS_URL
								: DATA_MACHINE_INSTALL_URL
						}
					>
						{ dataMachineActive
							? __( 'Open Data Machine', 'dm-jobs' )
							: __( 'Install Data Machine', 'dm-jobs' ) }
					</Button>
				) }
				{ docsUrl !== '' && (
					<ExternalLink href={ docsUrl }>
						{ __(
							'Read the Data Machine documentation',
							'dm-jobs'
						) }
					</ExternalLink>
				) }
			</div>
		</section>
	);
}
