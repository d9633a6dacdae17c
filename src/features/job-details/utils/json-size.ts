/**
 * Size of a value as UTF-8 JSON.
 *
 * @param value Any JSON value.
 */
export function jsonSize( value: unknown ): number {
	const text = JSON.stringify( value ) ?? '';
	return new TextEncoder().encode( text ).length;
}
