/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner, ToggleControl } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ApiRequestError } from '../../../../shared/api/api-request-error';
import { Timestamp } from '../../../../shared/components/timestamp';
import {
	previewRetention,
	runRetention,
	saveRetention,
} from '../../api/admin-tools-api';
import {
	useAdminDataActions,
	CHANGED_BY_JOB_WRITES,
	useAdminData,
} from '../../data/admin-data-store';
import { useJobsContext } from '../../hooks/use-jobs-context';
import type { RetentionDryRun, RetentionSettings } from '../../types';
import { DaysField } from '../days-field';
import { RetentionReport } from '../retention-report';
import { describeRetentionStep } from '../../utils/retention-step';

const DAY_FIELDS: Array< {
	key: Exclude< keyof RetentionSettings, 'keep_failed' >;
	label: string;
	help: string;
} > = [
	{
		key: 'completed_days',
		label: __( 'Keep completed jobs (days)', 'dm-jobs' ),
		help: __(
			'Completed, completed without new items and skipped jobs. 0 keeps them forever.',
			'dm-jobs'
		),
	},
	{
		key: 'failed_days',
		label: __( 'Keep failed and cancelled jobs (days)', 'dm-jobs' ),
		help: __( '0 keeps them forever.', 'dm-jobs' ),
	},
	{
		key: 'engine_data_days',
		label: __(
			'Shed engine data of finished jobs after (days)',
			'dm-jobs'
		),
		help: __(
			'The job stays; its engine data is cleared (failed jobs keep their error details). 0 never sheds.',
			'dm-jobs'
		),
	},
	{
		key: 'audit_days',
		label: __( 'Keep audit entries (days)', 'dm-jobs' ),
		help: __( '0 keeps them forever.', 'dm-jobs' ),
	},
];

/**
 * Retention policy: days to keep each family of jobs, engine data and audit
 * entries; run daily by WP-Cron (or Action Scheduler); the last run's report.
 */
export function RetentionSection() {
	const { timeZone, timeZoneLabel, reload: reloadJobs } = useJobsContext();
	const state = useAdminData( 'retention', null );
	const { receiveAnswer, invalidate } = useAdminDataActions();
	const [ form, setForm ] = useState< RetentionSettings | null >( null );
	const [ saving, setSaving ] = useState( false );
	const [ message, setMessage ] = useState< {
		status: 'success' | 'error';
		text: string;
	} | null >( null );
	const [ dryRun, setDryRun ] = useState< RetentionDryRun | null >( null );
	const [ working, setWorking ] = useState( false );

	useEffect( () => {
		if ( state.data && form === null ) {
			setForm( state.data.saved );
		}
	}, [ state.data, form ] );

	if ( state.loading && ! state.data ) {
		return <Spinner />;
	}
	if ( state.error || ! state.data || ! form ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ state.error?.message ??
					__( 'Could not load the retention settings.', 'dm-jobs' ) }
			</Notice>
		);
	}
	const data = state.data;
	const fail = ( caught: unknown ) =>
		setMessage( {
			status: 'error',
			text:
				caught instanceof ApiRequestError
					? caught.message
					: String( caught ),
		} );

	const save = async () => {
		setSaving( true );
		setMessage( null );
		try {
			const saved = await saveRetention( form );
			receiveAnswer( 'retention', null, saved );
			setForm( saved.saved );
			setDryRun( null );
			setMessage( {
				status: 'success',
				text: __( 'Retention settings saved.', 'dm-jobs' ),
			} );
		} catch ( caught ) {
			fail( caught );
		} finally {
			setSaving( false );
		}
	};
	const preview = async () => {
		setWorking( true );
		try {
			setDryRun( await previewRetention() );
		} catch ( caught ) {
			fail( caught );
		} finally {
			setWorking( false );
		}
	};
	const runNow = async () => {
		setWorking( true );
		setMessage( null );
		try {
			await runRetention();
			setDryRun( null );
			invalidate( 'retention' );
			CHANGED_BY_JOB_WRITES.forEach( ( resource ) =>
				invalidate( resource )
			);
			reloadJobs();
		} catch ( caught ) {
			fail( caught );
		} finally {
			setWorking( false );
		}
	};
	const dirty = JSON.stringify( form ) !== JSON.stringify( data.saved );

	return (
		<div className="dm-jobs-admin-section">
			{ message && (
				<Notice
					status={ message.status }
					onRemove={ () => setMessage( null ) }
				>
					{ message.text }
				</Notice>
			) }
			<p>
				{ __(
					'Nothing is removed until you set a number of days. Saved rules run once a day.',
					'dm-jobs'
				) }{ ' ' }
				{ data.schedule.next_run
					? sprintf(
							/* translators: %s: "WP-Cron" or "Action Scheduler". */
							__( 'Next run (by %s):', 'dm-jobs' ),
							data.schedule.runner === 'action-scheduler'
								? 'Action Scheduler'
								: 'WP-Cron'
						)
					: __(
							'The daily run is scheduled the next time an admin page loads.',
							'dm-jobs'
						) }{ ' ' }
				{ data.schedule.next_run && (
					<Timestamp
						value={ data.schedule.next_run }
						timeZone={ timeZone }
						timeZoneLabel={ timeZoneLabel }
					/>
				) }
			</p>
			<div className="dm-jobs-admin-fields">
				{ DAY_FIELDS.map( ( field ) => (
					<DaysField
						key={ field.key }
						label={ field.label }
						help={
							data.overridden.includes( field.key )
								? sprintf(
										/* translators: %d: the value code sets. */
										__(
											'Overridden by code: %d days apply.',
											'dm-jobs'
										),
										data.effective[ field.key ]
									)
								: field.help
						}
						value={ form[ field.key ] }
						onChange={ ( value ) =>
							setForm( { ...form, [ field.key ]: value } )
						}
					/>
				) ) }
			</div>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __( 'Keep failed jobs for debugging', 'dm-jobs' ) }
				help={
					data.overridden.includes( 'keep_failed' )
						? __( 'Overridden by code.', 'dm-jobs' )
						: __(
								'Failed jobs are never removed by retention; cancelled jobs still follow the days above.',
								'dm-jobs'
							)
				}
				checked={ form.keep_failed }
				onChange={ ( value ) =>
					setForm( { ...form, keep_failed: value } )
				}
			/>
			<div className="dm-jobs-admin-actions">
				<Button
					variant="primary"
					onClick={ () => void save() }
					disabled={ ! dirty || saving }
					isBusy={ saving }
					__next40pxDefaultSize
				>
					{ __( 'Save retention settings', 'dm-jobs' ) }
				</Button>
				<Button
					variant="secondary"
					onClick={ () => void preview() }
					disabled={ dirty || working }
					// Stays focusable while it works, so focus never drops to <body>.
					accessibleWhenDisabled
					__next40pxDefaultSize
				>
					{ __( 'Dry run: what would go now', 'dm-jobs' ) }
				</Button>
			</div>
			{ dryRun && (
				<div className="dm-jobs-admin-preview">
					{ dryRun.steps.length === 0 ? (
						<p>
							{ __(
								'No rule is set: nothing would be removed.',
								'dm-jobs'
							) }
						</p>
					) : (
						<ul>
							{ dryRun.steps.map( ( step ) => (
								<li key={ step.key }>
									{ describeRetentionStep(
										step,
										step.count ?? 0
									) }
								</li>
							) ) }
						</ul>
					) }
					{ dryRun.steps.some(
						( step ) => ( step.count ?? 0 ) > 0
					) && (
						<Button
							variant="primary"
							isDestructive
							onClick={ () => void runNow() }
							isBusy={ working }
							disabled={ working }
							__next40pxDefaultSize
						>
							{ __( 'Run retention now', 'dm-jobs' ) }
						</Button>
					) }
				</div>
			) }
			<h3>{ __( 'Last run', 'dm-jobs' ) }</h3>
			{ data.last_run ? (
				<RetentionReport
					report={ data.last_run }
					timeZone={ timeZone }
					timeZoneLabel={ timeZoneLabel }
				/>
			) : (
				<p>{ __( 'Retention has not run yet.', 'dm-jobs' ) }</p>
			) }
		</div>
	);
}
