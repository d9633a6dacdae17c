/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatNumber } from '../../../shared/format/format-number';

export interface TruncatedTextProps {
	text: string;
	/** Characters shown before "Show all". */
	limit?: number;
	/** Element to render the text in. */
	as?: 'pre' | 'span' | 'p';
	className?: string;
}

/**
 * Long text cut at a limit with a "Show all" button. Always rendered as text.
 *
 * @param props           Component props.
 * @param props.text
 * @param props.limit
 * @param props.as
 * @param props.className
 */
export function TruncatedText( {
	text,
	limit = 2000,
	as: Tag = 'span',
	className,
}: TruncatedTextProps ) {
	const [ expanded, setExpanded ] = useState( false );
	const cut = ! expanded && text.length > limit;
	return (
		<>
			<Tag className={ className }>
				{ cut ? `${ text.slice( 0, limit ) }…` : text }
			</Tag>
			{ cut && (
				<Button
					variant="link"
					className="dm-jobs-show-all"
					onClick={ () => setExpanded( true ) }
				>
					{ sprintf(
						/* translators: %s: number of characters. */
						__( 'Show all (%s characters)', 'dm-jobs' ),
						formatNumber( text.length )
					) }
				</Button>
			) }
		</>
	);
}
