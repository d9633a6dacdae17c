/**
 * Range selector (presets and custom site-local dates) and pipeline / flow
 * filters of the insights view.
 */

/**
 * WordPress dependencies
 */
import { Button, SelectControl, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { FlowSummary, PipelineSummary } from '../../../shared/types';
import type { InsightsFilters, RangePreset, RangeSelection } from '../types';
import { customRangeError, defaultCustomDates } from '../utils/range';
import { siteYesterday } from '../../../shared/dates/date-range';
import {
	datePresetLabel,
	insightsPresetSpan,
	YESTERDAY,
} from '../../../shared/dates/date-presets';

const PRESETS: RangePreset[] = [ '24h', '7d', '30d', '90d', 'custom' ];

export interface InsightsControlsProps {
	selection: RangeSelection;
	onSelectionChange: ( selection: RangeSelection ) => void;
	filters: InsightsFilters;
	onFiltersChange: ( filters: InsightsFilters ) => void;
	pipelines: PipelineSummary[];
	flows: FlowSummary[];
	timeZone: string;
	timeZoneLabel: string;
}

export function InsightsControls( {
	selection,
	onSelectionChange,
	filters,
	onFiltersChange,
	pipelines,
	flows,
	timeZone,
	timeZoneLabel,
}: InsightsControlsProps ) {
	const [ from, setFrom ] = useState( selection.from );
	const [ to, setTo ] = useState( selection.to );
	const [ error, setError ] = useState< string | null >( null );

	const yesterday = siteYesterday( timeZone );
	const isYesterday =
		selection.preset === 'custom' &&
		selection.from === yesterday &&
		selection.to === yesterday;

	const choosePreset = ( preset: RangePreset | typeof YESTERDAY ) => {
		if ( preset === YESTERDAY ) {
			setFrom( yesterday );
			setTo( yesterday );
			setError( null );
			onSelectionChange( {
				preset: 'custom',
				from: yesterday,
				to: yesterday,
			} );
			return;
		}
		if ( preset !== 'custom' ) {
			setError( null );
			onSelectionChange( { preset, from, to } );
			return;
		}
		const dates =
			from !== '' && to !== ''
				? { from, to }
				: defaultCustomDates( timeZone );
		setFrom( dates.from );
		setTo( dates.to );
		setError( null );
		onSelectionChange( { preset, ...dates } );
	};

	const applyCustom = () => {
		const problem = customRangeError( from, to );
		setError( problem );
		if ( problem === null ) {
			onSelectionChange( { preset: 'custom', from, to } );
		}
	};

	const visibleFlows =
		filters.pipelineId === null
			? flows
			: flows.filter(
					( flow ) => flow.pipeline_id === filters.pipelineId
				);

	return (
		<div className="dm-jobs-insights-controls">
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Range', 'dm-jobs' ) }
				value={ isYesterday ? YESTERDAY : selection.preset }
				options={ [
					{ value: YESTERDAY, label: datePresetLabel( YESTERDAY ) },
					...PRESETS.map( ( preset ) => ( {
						value: preset,
						label: datePresetLabel( preset ),
					} ) ),
				] }
				help={ insightsPresetSpan( selection.preset, timeZoneLabel ) }
				onChange={ ( value ) =>
					choosePreset( value as RangePreset | typeof YESTERDAY )
				}
			/>
			{ selection.preset === 'custom' && ! isYesterday && (
				<form
					className="dm-jobs-insights-custom-range"
					onSubmit={ ( event ) => {
						event.preventDefault();
						applyCustom();
					} }
				>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						type="date"
						label={ __( 'From', 'dm-jobs' ) }
						value={ from }
						onChange={ setFrom }
						aria-invalid={ error !== null }
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						type="date"
						label={ __( 'To', 'dm-jobs' ) }
						value={ to }
						onChange={ setTo }
						aria-invalid={ error !== null }
					/>
					<Button
						variant="secondary"
						type="submit"
						__next40pxDefaultSize
					>
						{ __( 'Apply', 'dm-jobs' ) }
					</Button>
					{ error !== null && (
						<p
							className="dm-jobs-insights-custom-range__error"
							role="alert"
						>
							{ error }
						</p>
					) }
				</form>
			) }
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Pipeline', 'dm-jobs' ) }
				value={
					filters.pipelineId === null
						? ''
						: String( filters.pipelineId )
				}
				options={ [
					{ value: '', label: __( 'All pipelines', 'dm-jobs' ) },
					...pipelines.map( ( pipeline ) => ( {
						value: String( pipeline.id ),
						label: pipeline.name,
					} ) ),
				] }
				onChange={ ( value ) =>
					onFiltersChange( {
						pipelineId: value === '' ? null : Number( value ),
						flowId: null,
					} )
				}
			/>
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Flow', 'dm-jobs' ) }
				value={
					filters.flowId === null ? '' : String( filters.flowId )
				}
				options={ [
					{ value: '', label: __( 'All flows', 'dm-jobs' ) },
					...visibleFlows.map( ( flow ) => ( {
						value: String( flow.id ),
						label: flow.name,
					} ) ),
				] }
				onChange={ ( value ) => {
					const flowId = value === '' ? null : Number( value );
					const flow = flows.find( ( item ) => item.id === flowId );
					onFiltersChange( {
						pipelineId: flow
							? flow.pipeline_id
							: filters.pipelineId,
						flowId,
					} );
				} }
			/>
			<p className="dm-jobs-insights-controls__zone">{ timeZoneLabel }</p>
		</div>
	);
}
