/**
 * WordPress dependencies
 */
import {
	Button,
	Notice,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ApiRequestError } from '../../../shared/api/api-request-error';
import { previewAlertRule, saveAlertRule } from '../api/alerts-api';
import type { AlertPreview, AlertRule, AlertsState } from '../types';
import { fieldLabel, ruleDescription } from '../utils/rule-text';
import { AlertList } from './alert-list';

export interface AlertRuleCardProps {
	rule: AlertRule;
	/** Called with the settings the server saved. */
	onSaved: ( state: AlertsState ) => void;
}

function message( caught: unknown ): string {
	return caught instanceof Error ? caught.message : String( caught );
}

/**
 * One alert rule: its switch, thresholds (bounded by the API's own limits),
 * what is firing now, and a preview of what it finds.
 *
 * @param props         Component props.
 * @param props.rule    The rule as GET /alerts describes it.
 * @param props.onSaved Receives the saved state.
 */
export function AlertRuleCard( { rule, onSaved }: AlertRuleCardProps ) {
	const [ values, setValues ] = useState< Record< string, string > >( () =>
		Object.fromEntries(
			Object.keys( rule.fields ).map( ( field ) => [
				field,
				String( rule.settings[ field ] ?? '' ),
			] )
		)
	);
	const [ enabled, setEnabled ] = useState( rule.settings.enabled );
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState< string | null >( null );
	const [ saved, setSaved ] = useState( false );
	const [ preview, setPreview ] = useState< AlertPreview | null >( null );

	const save = async ( nextEnabled: boolean = enabled ) => {
		setBusy( true );
		setError( null );
		setSaved( false );
		try {
			const settings: AlertRule[ 'settings' ] = { enabled: nextEnabled };
			for ( const [ field, text ] of Object.entries( values ) ) {
				settings[ field ] = Number( text );
			}
			onSaved( await saveAlertRule( rule.id, settings ) );
			setSaved( true );
		} catch ( caught ) {
			setError(
				caught instanceof ApiRequestError
					? caught.message
					: message( caught )
			);
		} finally {
			setBusy( false );
		}
	};
	const runPreview = async () => {
		setBusy( true );
		setError( null );
		try {
			setPreview( await previewAlertRule( rule.id ) );
		} catch ( caught ) {
			setError( message( caught ) );
		} finally {
			setBusy( false );
		}
	};
	const dirty = Object.entries( values ).some(
		( [ field, text ] ) => Number( text ) !== rule.settings[ field ]
	);

	return (
		<section
			className="dm-jobs-alert-rule"
			aria-labelledby={ `dm-jobs-alert-rule-${ rule.id }` }
		>
			<h4 id={ `dm-jobs-alert-rule-${ rule.id }` }>{ rule.label }</h4>
			<p className="dm-jobs-alert-rule__description">
				{ ruleDescription( rule.id ) }
			</p>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __( 'Alert me', 'dm-jobs' ) }
				checked={ enabled }
				disabled={ busy }
				onChange={ ( next ) => {
					setEnabled( next );
					void save( next );
				} }
			/>
			<div className="dm-jobs-alert-rule__fields">
				{ Object.entries( rule.fields ).map( ( [ field, spec ] ) => (
					<TextControl
						key={ field }
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						type="number"
						label={ fieldLabel( field ) }
						min={ spec.minimum }
						max={ spec.maximum }
						step={ spec.type === 'integer' ? 1 : 'any' }
						value={ values[ field ] }
						onChange={ ( text ) =>
							setValues( ( current ) => ( {
								...current,
								[ field ]: text,
							} ) )
						}
					/>
				) ) }
			</div>
			<div className="dm-jobs-alert-rule__actions">
				<Button
					variant="secondary"
					onClick={ () => void save() }
					disabled={ busy || ! dirty }
					__next40pxDefaultSize
				>
					{ __( 'Save thresholds', 'dm-jobs' ) }
				</Button>
				<Button
					variant="tertiary"
					onClick={ () => void runPreview() }
					disabled={ busy }
					__next40pxDefaultSize
				>
					{ __( 'What would fire now?', 'dm-jobs' ) }
				</Button>
			</div>
			{ error !== null && (
				<Notice status="error" onRemove={ () => setError( null ) }>
					{ error }
				</Notice>
			) }
			{ saved && error === null && (
				<p className="dm-jobs-alert-rule__saved" role="status">
					{ __( 'Saved.', 'dm-jobs' ) }
				</p>
			) }
			{ rule.active.length > 0 && (
				<AlertList
					heading={ __( 'Firing now', 'dm-jobs' ) }
					alerts={ rule.active }
				/>
			) }
			{ preview !== null && (
				<div role="status">
					{ preview.alerts.length === 0 ? (
						<p>
							{ sprintf(
								/* translators: %s: milliseconds */
								__(
									'Nothing would fire now (checked in %s ms).',
									'dm-jobs'
								),
								preview.took_ms.toFixed( 1 )
							) }
						</p>
					) : (
						<AlertList
							heading={ sprintf(
								/* translators: 1: number of alerts, 2: milliseconds */
								_n(
									'%1$d alert would fire now (checked in %2$s ms)',
									'%1$d alerts would fire now (checked in %2$s ms)',
									preview.alerts.length,
									'dm-jobs'
								),
								preview.alerts.length,
								preview.took_ms.toFixed( 1 )
							) }
							alerts={ preview.alerts }
						/>
					) }
				</div>
			) }
		</section>
	);
}
