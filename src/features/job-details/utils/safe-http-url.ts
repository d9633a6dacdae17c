/**
 * Whether a URL is a web link: a link a filter put into an answer can never
 * bring a `javascript:` or `data:` URL into an href.
 *
 * @param url Candidate URL.
 */
export function isSafeHttpUrl( url: string ): boolean {
	try {
		const parsed = new URL( url );
		return parsed.protocol === 'https:' || parsed.protocol === 'http:';
	} catch {
		return false;
	}
}
