/**
 * What date-fns itself writes, for the PHP tests to compare the first-paint printer with: reads a JSON
 * list of cases on stdin ({ locale, time, zone, pattern } or { locale, time, now }: date-fns locale code,
 * milliseconds, IANA zone, date-fns pattern) and prints the texts, in order, as a JSON list. Run with
 * TZ=UTC (date-fns counts calendar months in the process's zone; the PHP printer counts them in UTC).
 */
import { TZDate } from '@date-fns/tz';
import { format, formatDistance } from 'date-fns';
import * as locales from 'date-fns/locale';
import { readFileSync } from 'node:fs';

const byCode = Object.fromEntries(
	Object.values( locales ).map( ( locale ) => [ locale.code, locale ] )
);
const cases = JSON.parse( readFileSync( 0, 'utf8' ) );
const texts = cases.map( ( { locale, time, zone, pattern, now } ) =>
	pattern === undefined
		? formatDistance( new Date( time ), new Date( now ), {
				addSuffix: true,
				locale: byCode[ locale ],
			} )
		: format( new TZDate( time, zone ), pattern, {
				locale: byCode[ locale ],
			} )
);
process.stdout.write( JSON.stringify( texts ) );
