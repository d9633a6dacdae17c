/**
 * External dependencies
 */
import type { ReactElement } from 'react';

/**
 * WordPress dependencies
 */
import { Tooltip } from '@wordpress/components';

export interface TimestampTooltipProps {
	text: string;
	children: ReactElement;
}

/**
 * The exact time on hover and keyboard focus (loaded with wp-components, after the first rows).
 *
 * @param props          Component props.
 * @param props.text     The exact time.
 * @param props.children The `<time>` it describes.
 */
export function TimestampTooltip( { text, children }: TimestampTooltipProps ) {
	return <Tooltip text={ text }>{ children }</Tooltip>;
}
