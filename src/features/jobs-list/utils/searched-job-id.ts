/**
 * The job ID a search term names, or `null` when it is not a plain ID.
 *
 * @param term The search term.
 */
export function searchedJobId( term: string ): number | null {
	const trimmed = term.trim().replace( /^#/, '' );
	if ( ! /^[1-9]\d{0,15}$/.test( trimmed ) ) {
		return null;
	}
	const id = Number( trimmed );
	return Number.isSafeInteger( id ) ? id : null;
}
