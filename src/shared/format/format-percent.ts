/**
 * WordPress dependencies
 */
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatDecimal } from './format-number';
import { NO_VALUE } from './no-value';

/**
 * A rate (0–1) as a percentage with one decimal at most: "87.5%" (how the
 * sign is placed is the translation's: "87,5 %" in German).
 *
 * @param rate The rate, or `null` when there was nothing to divide.
 */
export function formatPercent( rate: number | null ): string {
	if ( rate === null || ! Number.isFinite( rate ) ) {
		return NO_VALUE;
	}
	return sprintf(
		/* translators: %s: a number, e.g. 97.5 */
		__( '%s%%', 'dm-jobs' ),
		formatDecimal( rate * 100 )
	);
}
