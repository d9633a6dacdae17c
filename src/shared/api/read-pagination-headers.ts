/**
 * Totals of a paginated collection response.
 */
export interface PaginationTotals {
	total: number;
	totalPages: number;
}

function readCount( headers: Headers, name: string ): number | null {
	const value = headers.get( name );
	if ( value === null || ! /^\d+$/.test( value.trim() ) ) {
		return null;
	}
	return parseInt( value, 10 );
}

/**
 * Reads `X-WP-Total` and `X-WP-TotalPages`, falling back to what can be
 * inferred from the page itself when a proxy stripped them.
 *
 * @param headers   The response headers.
 * @param itemCount Number of items in this page.
 * @param perPage   Requested page size.
 */
export function readPaginationHeaders(
	headers: Headers,
	itemCount: number,
	perPage: number
): PaginationTotals {
	const total = readCount( headers, 'X-WP-Total' ) ?? itemCount;
	const totalPages =
		readCount( headers, 'X-WP-TotalPages' ) ??
		Math.ceil( total / Math.max( 1, perPage ) );
	return { total, totalPages };
}
