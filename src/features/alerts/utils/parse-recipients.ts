/**
 * Email addresses typed into one field, separated by commas, semicolons,
 * spaces or new lines; empty parts dropped, duplicates removed (first kept).
 *
 * @param text What the admin typed.
 */
export function parseRecipients( text: string ): string[] {
	const seen = new Set< string >();
	const emails: string[] = [];
	for ( const part of text.split( /[\s,;]+/ ) ) {
		const email = part.trim();
		if ( email === '' || seen.has( email.toLowerCase() ) ) {
			continue;
		}
		seen.add( email.toLowerCase() );
		emails.push( email );
	}
	return emails;
}

/**
 * A loose shape check before sending (the server checks with WordPress's is_email()).
 *
 * @param email One address.
 */
export function looksLikeEmail( email: string ): boolean {
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test( email );
}
