/**
 * Copies text to the clipboard: the Clipboard API where the page may use it,
 * else a hidden textarea and `execCommand( 'copy' )` (plain http admin pages).
 *
 * @param text What to copy.
 * @return Whether it was copied.
 */
export async function copyText( text: string ): Promise< boolean > {
	try {
		if ( window.isSecureContext && navigator.clipboard ) {
			await navigator.clipboard.writeText( text );
			return true;
		}
	} catch {
		// Fall back below.
	}
	const area = document.createElement( 'textarea' );
	area.value = text;
	area.setAttribute( 'readonly', '' );
	area.style.position = 'fixed';
	area.style.top = '-1000px';
	document.body.appendChild( area );
	const previous = area.ownerDocument.activeElement;
	area.select();
	let copied = false;
	try {
		copied = document.execCommand( 'copy' );
	} catch {
		copied = false;
	}
	area.remove();
	if ( previous instanceof HTMLElement ) {
		previous.focus();
	}
	return copied;
}
