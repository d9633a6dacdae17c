/**
 * The range selector's choice as REST parameters.
 */

/**
 * External dependencies
 */
import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { QueryArgs } from '../api/metrics-api';
import type { InsightsFilters, RangeSelection } from '../types';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The longest custom range the server accepts, in days. */
export const MAX_CUSTOM_DAYS = 731;

function parseDate(
	value: string
): { year: number; month: number; day: number } | null {
	const match = DATE.exec( value );
	if ( ! match ) {
		return null;
	}
	const [ year, month, day ] = match.slice( 1 ).map( Number );
	const check = new Date( Date.UTC( year, month - 1, day ) );
	if (
		check.getUTCFullYear() !== year ||
		check.getUTCMonth() !== month - 1 ||
		check.getUTCDate() !== day
	) {
		return null;
	}
	return { year, month, day };
}

/**
 * Why a custom range cannot be used, or `null` when it can.
 *
 * @param from First site-local date, `YYYY-MM-DD`.
 * @param to   Last site-local date, `YYYY-MM-DD`.
 */
export function customRangeError( from: string, to: string ): string | null {
	const start = parseDate( from );
	const end = parseDate( to );
	if ( start === null || end === null ) {
		return __( 'Enter both dates.', 'dm-jobs' );
	}
	if ( from > to ) {
		return __(
			'The start date must not be after the end date.',
			'dm-jobs'
		);
	}
	const days =
		( Date.UTC( end.year, end.month - 1, end.day ) -
			Date.UTC( start.year, start.month - 1, start.day ) ) /
		86400000;
	if ( days + 1 > MAX_CUSTOM_DAYS ) {
		return __( 'A custom range can span at most two years.', 'dm-jobs' );
	}
	return null;
}

/**
 * REST parameters of a range: a preset, or site-local whole days.
 *
 * @param selection The user's choice.
 * @param timeZone  Site time zone (IANA name or offset such as `+05:30`).
 * @return The parameters, or `null` for an unusable custom range.
 */
export function rangeToArgs(
	selection: RangeSelection,
	timeZone: string
): QueryArgs | null {
	if ( selection.preset !== 'custom' ) {
		return { range: selection.preset };
	}
	if ( customRangeError( selection.from, selection.to ) !== null ) {
		return null;
	}
	const start = parseDate( selection.from );
	const end = parseDate( selection.to );
	if ( start === null || end === null ) {
		return null;
	}
	const after = new TZDate(
		start.year,
		start.month - 1,
		start.day,
		0,
		0,
		0,
		timeZone
	);
	const before = new TZDate(
		end.year,
		end.month - 1,
		end.day,
		23,
		59,
		59,
		timeZone
	);
	return {
		range: 'custom',
		after: after.toISOString(),
		before: before.toISOString(),
	};
}

/**
 * Pipeline and flow filters as REST parameters.
 *
 * @param filters The chosen filters.
 */
export function filtersToArgs( filters: InsightsFilters ): QueryArgs {
	const args: QueryArgs = {};
	if ( filters.pipelineId !== null ) {
		args.pipeline_id = filters.pipelineId;
	}
	if ( filters.flowId !== null ) {
		args.flow_id = filters.flowId;
	}
	return args;
}

/**
 * A custom range of the last 7 site-local days, to start editing from.
 *
 * @param timeZone Site time zone.
 * @param now      Current time.
 */
export function defaultCustomDates(
	timeZone: string,
	now: Date = new Date()
): { from: string; to: string } {
	const today = new TZDate( now.getTime(), timeZone );
	return {
		from: format( addDays( today, -6 ), 'yyyy-MM-dd' ),
		to: format( today, 'yyyy-MM-dd' ),
	};
}
