/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	formatCalendarDay,
	formatInTimeZone,
} from '../../../shared/format/format-date';
import type { BucketFields, BucketSize } from '../types';

/**
 * Short label of a bucket for an axis: "14:00", "Mar 29", "Mar 23".
 *
 * @param bucket   The bucket.
 * @param size     Hour, day or week buckets.
 * @param timeZone Site time zone (IANA name or offset such as `+05:30`).
 */
export function formatBucketLabel(
	bucket: BucketFields,
	size: BucketSize,
	timeZone: string
): string {
	if ( size === 'hour' || bucket.date === null ) {
		return formatInTimeZone( Date.parse( bucket.start ), 'time', timeZone );
	}
	return formatCalendarDay( bucket.date, 'day' );
}

/**
 * Full label of a bucket for tooltips and tables: "Sun, Mar 29, 14:00",
 * "Sun, Mar 29, 2026", "Week of Mar 23, 2026".
 *
 * @param bucket   The bucket.
 * @param size     Hour, day or week buckets.
 * @param timeZone Site time zone.
 */
export function formatBucketTitle(
	bucket: BucketFields,
	size: BucketSize,
	timeZone: string
): string {
	if ( size === 'hour' || bucket.date === null ) {
		return formatInTimeZone(
			Date.parse( bucket.start ),
			'weekdayDayTime',
			timeZone
		);
	}
	if ( size === 'week' ) {
		return sprintf(
			/* translators: %s: the first date of a week, e.g. Mar 23, 2026. */
			__( 'Week of %s', 'dm-jobs' ),
			formatCalendarDay( bucket.date, 'dayYear' )
		);
	}
	return formatCalendarDay( bucket.date, 'weekdayDayYear' );
}
