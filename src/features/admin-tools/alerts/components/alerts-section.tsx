/**
 * WordPress dependencies
 */
import {
	Button,
	Notice,
	Spinner,
	TextareaControl,
	TextControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { Timestamp } from '../../../../shared/components/timestamp';
import { getSiteFormat } from '../../../../shared/format/site-format';
import {
	evaluateAlerts,
	saveAlertSettings,
	sendTestAlert,
} from '../api/alerts-api';
import { useAdminDataActions, useAdminData } from '../../data/admin-data-store';
import type { AlertsState } from '../types';
import { looksLikeEmail, parseRecipients } from '../utils/parse-recipients';
import { AlertRuleCard } from './alert-rule-card';

type Message = { status: 'success' | 'error'; text: string };

function errorText( caught: unknown ): string {
	return caught instanceof Error ? caught.message : String( caught );
}

/**
 * The Alerts tab of the Admin modal: who gets alert emails, the cool-down,
 * each rule, a test alert and "check now".
 */
export function AlertsSection() {
	const alerts = useAdminData( 'alerts', null );
	const { receiveAnswer } = useAdminDataActions();
	const [ recipients, setRecipients ] = useState( '' );
	const [ cooldown, setCooldown ] = useState( '' );
	const [ busy, setBusy ] = useState( false );
	const [ message, setMessage ] = useState< Message | null >( null );
	const { timeZone, timeZoneLabel } = getSiteFormat();
	const state = alerts.data ?? null;

	// The form shows what the server holds, each time a new state arrives.
	useEffect( () => {
		if ( state !== null ) {
			setRecipients( state.recipients.join( ', ' ) );
			setCooldown( String( state.cooldown_minutes ) );
		}
	}, [ state ] );

	const receive = ( next: AlertsState ) =>
		receiveAnswer( 'alerts', null, next );

	if ( alerts.error !== null && state === null ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ alerts.error.message }
			</Notice>
		);
	}
	if ( state === null ) {
		return <Spinner />;
	}

	const emails = parseRecipients( recipients );
	const invalid = emails.filter( ( email ) => ! looksLikeEmail( email ) );
	const act = async ( work: () => Promise< Message | null > ) => {
		setBusy( true );
		setMessage( null );
		try {
			setMessage( await work() );
		} catch ( caught ) {
			setMessage( { status: 'error', text: errorText( caught ) } );
		} finally {
			setBusy( false );
		}
	};
	const save = () =>
		act( async () => {
			receive(
				await saveAlertSettings( {
					recipients: emails,
					cooldown_minutes: Number( cooldown ),
				} )
			);
			return {
				status: 'success',
				text: __( 'Alert settings saved.', 'dm-jobs' ),
			};
		} );
	const test = () =>
		act( async () => {
			const result = await sendTestAlert();
			return result.emailed
				? {
						status: 'success',
						text: sprintf(
							/* translators: %s: email addresses */
							__( 'Test alert sent to %s.', 'dm-jobs' ),
							state.effective_recipients.join( ', ' )
						),
					}
				: {
						status: 'error',
						text: sprintf(
							/* translators: %s: the mail error */
							__(
								'The test alert could not be emailed: %s',
								'dm-jobs'
							),
							result.error ?? ''
						),
					};
		} );
	const checkNow = () =>
		act( async () => {
			receive( await evaluateAlerts() );
			return {
				status: 'success',
				text: __( 'The rules that are on were checked.', 'dm-jobs' ),
			};
		} );

	return (
		<div className="dm-jobs-admin-section dm-jobs-alerts">
			<p>
				{ __(
					'Alerts are checked every five minutes by WP-Cron (Action Scheduler when installed). Each one shows as a notice in wp-admin, is emailed, and is passed to other plugins through the dm_jobs_alert action. A rule emails at most once per cool-down; what changes meanwhile goes into its next email, and a resolved alert says so once.',
					'dm-jobs'
				) }
			</p>
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __( 'Email alerts to', 'dm-jobs' ) }
				help={
					invalid.length > 0
						? sprintf(
								/* translators: %s: addresses that do not look like email addresses */
								__( 'Not an email address: %s', 'dm-jobs' ),
								invalid.join( ', ' )
							)
						: sprintf(
								/* translators: %s: the site admin email */
								__(
									'Separate addresses with commas. Empty: the site admin email (%s).',
									'dm-jobs'
								),
								state.recipients.length === 0
									? state.effective_recipients.join( ', ' )
									: '—'
							)
				}
				value={ recipients }
				rows={ 2 }
				onChange={ setRecipients }
			/>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				type="number"
				label={ __( 'Cool-down (minutes)', 'dm-jobs' ) }
				help={ __(
					'Each rule emails at most once in this time.',
					'dm-jobs'
				) }
				min={ 5 }
				max={ 10080 }
				value={ cooldown }
				onChange={ setCooldown }
			/>
			<div className="dm-jobs-alerts__actions">
				<Button
					variant="primary"
					onClick={ () => void save() }
					disabled={ busy || invalid.length > 0 }
					__next40pxDefaultSize
				>
					{ __( 'Save', 'dm-jobs' ) }
				</Button>
				<Button
					variant="secondary"
					onClick={ () => void test() }
					disabled={ busy }
					__next40pxDefaultSize
				>
					{ __( 'Send test alert', 'dm-jobs' ) }
				</Button>
				<Button
					variant="secondary"
					onClick={ () => void checkNow() }
					disabled={ busy }
					__next40pxDefaultSize
				>
					{ __( 'Check now', 'dm-jobs' ) }
				</Button>
			</div>
			{ message !== null && (
				<Notice
					status={ message.status }
					onRemove={ () => setMessage( null ) }
				>
					{ message.text }
				</Notice>
			) }
			<p className="dm-jobs-alerts__schedule">
				{ __( 'Last checked:', 'dm-jobs' ) }{ ' ' }
				<Timestamp
					value={ state.last_evaluated_at }
					timeZone={ timeZone }
					timeZoneLabel={ timeZoneLabel }
				/>
				{ state.schedule.next_run !== null && (
					<>
						{ ' · ' }
						{ __( 'Next check:', 'dm-jobs' ) }{ ' ' }
						<Timestamp
							value={ state.schedule.next_run }
							timeZone={ timeZone }
							timeZoneLabel={ timeZoneLabel }
						/>
					</>
				) }
			</p>
			{ state.rules.map( ( rule ) => (
				<AlertRuleCard
					key={ rule.id }
					rule={ rule }
					onSaved={ receive }
				/>
			) ) }
		</div>
	);
}
