/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

const numberFormat = new Intl.NumberFormat();

/**
 * A count with thousands separators ("12,345").
 *
 * @param value The number.
 */
export function formatCount( value: number ): string {
	return numberFormat.format( value );
}

/**
 * "1 job" / "12,345 jobs".
 *
 * @param count The number of jobs.
 */
export function formatJobs( count: number ): string {
	return sprintf(
		/* translators: %s: number of jobs, e.g. "12,345". */
		_n( '%s job', '%s jobs', count, 'dm-jobs' ),
		formatCount( count )
	);
}

/**
 * Bytes in KB/MB/GB (1024-based), "—" when unknown.
 *
 * @param bytes The size.
 */
export function formatBytes( bytes: number | null | undefined ): string {
	if ( bytes === null || bytes === undefined || ! Number.isFinite( bytes ) ) {
		return '—';
	}
	const units = [ 'B', 'KB', 'MB', 'GB', 'TB' ];
	let value = Math.max( 0, bytes );
	let unit = 0;
	while ( value >= 1024 && unit < units.length - 1 ) {
		value /= 1024;
		unit++;
	}
	const digits = unit === 0 || value >= 100 ? 0 : 1;
	return `${ value.toFixed( digits ) } ${ units[ unit ] }`;
}

/**
 * A duration in seconds as "45 s", "3 min 20 s" or "2 h 5 min".
 *
 * @param seconds The duration, or null.
 */
export function formatDuration( seconds: number | null | undefined ): string {
	if (
		seconds === null ||
		seconds === undefined ||
		! Number.isFinite( seconds )
	) {
		return '—';
	}
	const total = Math.round( seconds );
	if ( total < 60 ) {
		/* translators: %d: seconds. */
		return sprintf( __( '%d s', 'dm-jobs' ), total );
	}
	if ( total < 3600 ) {
		return sprintf(
			/* translators: 1: minutes, 2: seconds. */
			__( '%1$d min %2$d s', 'dm-jobs' ),
			Math.floor( total / 60 ),
			total % 60
		);
	}
	return sprintf(
		/* translators: 1: hours, 2: minutes. */
		__( '%1$d h %2$d min', 'dm-jobs' ),
		Math.floor( total / 3600 ),
		Math.floor( ( total % 3600 ) / 60 )
	);
}

/**
 * A 0–1 rate as a percentage ("87.5 %"), "—" when there is none.
 *
 * @param rate The rate, or null.
 */
export function formatPercent( rate: number | null ): string {
	if ( rate === null || ! Number.isFinite( rate ) ) {
		return '—';
	}
	return `${ ( Math.round( rate * 1000 ) / 10 ).toString() } %`;
}

/**
 * "12 jobs", "1 log line", "3 folders"… for the rows an operation touches.
 *
 * @param count How many.
 * @param noun  What they are.
 */
export function formatRows(
	count: number,
	noun: 'jobs' | 'items' | 'lines' | 'folders' | 'tables' | 'entries'
): string {
	const n = formatCount( count );
	switch ( noun ) {
		case 'items':
			return sprintf(
				/* translators: %s: number of processed items. */
				_n(
					'%s processed item',
					'%s processed items',
					count,
					'dm-jobs'
				),
				n
			);
		case 'lines':
			return sprintf(
				/* translators: %s: number of log lines. */
				_n( '%s log line', '%s log lines', count, 'dm-jobs' ),
				n
			);
		case 'folders':
			return sprintf(
				/* translators: %s: number of folders. */
				_n( '%s folder', '%s folders', count, 'dm-jobs' ),
				n
			);
		case 'tables':
			return sprintf(
				/* translators: %s: number of database tables. */
				_n( '%s table', '%s tables', count, 'dm-jobs' ),
				n
			);
		case 'entries':
			return sprintf(
				/* translators: %s: number of audit entries. */
				_n( '%s audit entry', '%s audit entries', count, 'dm-jobs' ),
				n
			);
		default:
			return formatJobs( count );
	}
}
