/**
 * WordPress dependencies
 */
import { Suspense } from '@wordpress/element';

/**
 * Internal dependencies
 */
import {
	formatExactTime,
	formatRelativeTime,
	parseTimestamp,
} from '../format/format-timestamp';
import { lazyWithDeferred } from '../deferred/lazy-with-deferred';

const TimestampTooltip = lazyWithDeferred( () =>
	import(
		/* webpackChunkName: "timestamp-tooltip" */ './timestamp-tooltip'
	).then( ( module ) => module.TimestampTooltip )
);

export interface TimestampProps {
	/** ISO 8601 UTC timestamp from the API, or `null`. */
	value: string | null;
	/** IANA name or UTC offset the site shows times in. */
	timeZone: string;
	/** Name of that zone shown after the exact time. */
	timeZoneLabel: string;
	/** Reference time of the relative text; defaults to now. */
	now?: Date;
}

/**
 * A relative time ("5 minutes ago") whose exact site-time shows on hover and
 * on keyboard focus; "—" when there is no time.
 *
 * @param props Component props.
 */
export function Timestamp( props: TimestampProps ) {
	const { value, timeZone, timeZoneLabel, now } = props;
	const date = parseTimestamp( value );
	if ( value === null || value.trim() === '' ) {
		return <span className="dm-jobs-time is-empty">—</span>;
	}
	if ( date === null ) {
		return <span className="dm-jobs-time is-invalid">{ value }</span>;
	}
	const exact = formatExactTime( date, timeZone, timeZoneLabel );
	const time = (
		<time
			className="dm-jobs-time"
			dateTime={ value }
			title={ exact }
			tabIndex={ 0 }
		>
			{ formatRelativeTime( date, now ) }
		</time>
	);
	// The same <time> until the tooltip has loaded: nothing moves when it arrives.
	return (
		<Suspense fallback={ time }>
			<TimestampTooltip text={ exact }>{ time }</TimestampTooltip>
		</Suspense>
	);
}
