/**
 * WordPress dependencies
 */
import { SelectControl, TextControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { datePresetLabel, YESTERDAY } from '../../../shared/dates/date-presets';
import type { DatePreset } from '../../../shared/dates/date-presets';
import {
	isDateRange,
	isoToSiteDay,
	siteDayEnd,
	siteDayStart,
	siteYesterday,
} from '../../../shared/dates/date-range';
import { getSiteFormat } from '../../../shared/format/site-format';
import type { JobsView } from '../../../shared/types';
import { store } from '../store';

/** Not a range of its own: picks yesterday's site-local day as custom dates. */

function rangeOptions(): Array< { label: string; value: string } > {
	const presets: DatePreset[] = [
		'any',
		YESTERDAY,
		'24h',
		'7d',
		'30d',
		'custom',
	];
	return presets.map( ( preset ) => ( {
		label: datePresetLabel( preset ),
		value: preset,
	} ) );
}

/**
 * Created-date filter: presets relative to now, or two days picked in the
 * site's time zone (from the start of the first to the end of the last).
 * Reads and changes the list's view in the store.
 */
export function JobsDateFilter() {
	const { range, after, before } = useSelect(
		( select ) => select( store ).getQuery(),
		[]
	);
	const { updateView } = useDispatch( store );
	const onChange = ( changes: Partial< JobsView > ) =>
		void updateView( changes );
	const { timeZone, timeZoneLabel } = getSiteFormat();
	const fromDay = isoToSiteDay( after, timeZone );
	const toDay = isoToSiteDay( before, timeZone );
	const reversed = fromDay !== '' && toDay !== '' && fromDay > toDay;
	const yesterday = siteYesterday( timeZone );
	const isYesterday =
		range === 'custom' && fromDay === yesterday && toDay === yesterday;

	return (
		<div className="dm-jobs-filter dm-jobs-filter--created">
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Created', 'dm-jobs' ) }
				value={ isYesterday ? YESTERDAY : range }
				options={ rangeOptions() }
				onChange={ ( value ) => {
					if ( value === YESTERDAY ) {
						onChange( {
							range: 'custom',
							after: siteDayStart( yesterday, timeZone ),
							before: siteDayEnd( yesterday, timeZone ),
						} );
					} else if ( isDateRange( value ) ) {
						onChange( { range: value } );
					}
				} }
			/>
			{ range === 'custom' && ! isYesterday && (
				<fieldset className="dm-jobs-date-range">
					<legend className="screen-reader-text">
						{ __( 'Created between', 'dm-jobs' ) }
					</legend>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						type="date"
						label={ __( 'From', 'dm-jobs' ) }
						value={ fromDay }
						max={ toDay || undefined }
						onChange={ ( value ) =>
							onChange( {
								range: 'custom',
								after: siteDayStart( value, timeZone ),
							} )
						}
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						type="date"
						label={ __( 'To', 'dm-jobs' ) }
						value={ toDay }
						min={ fromDay || undefined }
						onChange={ ( value ) =>
							onChange( {
								range: 'custom',
								before: siteDayEnd( value, timeZone ),
							} )
						}
					/>
					<p className="dm-jobs-date-range__help">
						{ reversed
							? __(
									'The first day is after the last day: no job can match.',
									'dm-jobs'
								)
							: sprintf(
									/* translators: %s: time zone name, e.g. America/New_York. */
									__(
										'Days in the site’s time zone (%s).',
										'dm-jobs'
									),
									timeZoneLabel
								) }
					</p>
				</fieldset>
			) }
		</div>
	);
}
