/**
 * Internal dependencies
 */
import {
	formatExactTime,
	formatRelativeTime,
	formatShortTime,
	parseTimestamp,
} from '../format/format-timestamp';

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
 * The site-time date and time ("Mar 5, 09:03") with the relative time ("5
 * minutes ago") beside it, the full time with its zone on hover; "—" when
 * there is no time. Not a Tab stop: everything it says is on screen.
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
	return (
		<time className="dm-jobs-time" dateTime={ value } title={ exact }>
			<span className="dm-jobs-time-absolute">
				{ formatShortTime( date, timeZone, now ) }
			</span>{ ' ' }
			<span className="dm-jobs-time-relative">
				{ formatRelativeTime( date, now ) }
			</span>
		</time>
	);
}
