/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { copyText } from '../utils/copy-text';

export interface CopyButtonProps {
	/** The text to copy, or a function making it (for large payloads, only on click). */
	text: string | ( () => string );
	/** Visible label. */
	label?: string;
	/** Accessible name, when the visible label is not enough. */
	describedAs?: string;
}

/**
 * A button that copies text and says so.
 *
 * @param props             Component props.
 * @param props.text
 * @param props.label
 * @param props.describedAs
 */
export function CopyButton( {
	text,
	label = __( 'Copy', 'dm-jobs' ),
	describedAs,
}: CopyButtonProps ) {
	const [ state, setState ] = useState< 'idle' | 'copied' | 'failed' >(
		'idle'
	);
	const timer = useRef< number | undefined >( undefined );
	useEffect( () => () => window.clearTimeout( timer.current ), [] );

	const copy = async () => {
		const ok = await copyText( typeof text === 'function' ? text() : text );
		setState( ok ? 'copied' : 'failed' );
		window.clearTimeout( timer.current );
		timer.current = window.setTimeout( () => setState( 'idle' ), 2000 );
	};

	let visible = label;
	if ( state === 'copied' ) {
		visible = __( 'Copied', 'dm-jobs' );
	} else if ( state === 'failed' ) {
		visible = __( 'Copy failed', 'dm-jobs' );
	}

	return (
		<>
			<Button
				variant="secondary"
				size="small"
				className="dm-jobs-copy-button"
				onClick={ copy }
				aria-label={ describedAs }
			>
				{ visible }
			</Button>
			<span className="screen-reader-text" role="status">
				{ state === 'copied'
					? __( 'Copied to the clipboard.', 'dm-jobs' )
					: '' }
			</span>
		</>
	);
}
