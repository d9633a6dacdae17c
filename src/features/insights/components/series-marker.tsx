/**
 * Internal dependencies
 */
import type { MarkerShape } from '../utils/chart-data';

export interface SeriesMarkerProps {
	cx?: number;
	cy?: number;
	stroke?: string;
	shape: MarkerShape;
	/** Half the marker's width, in pixels. */
	size?: number;
}

/**
 * A point marker whose shape tells a series apart without its colour.
 *
 * @param props        Component props (recharts passes cx, cy and stroke).
 * @param props.cx
 * @param props.cy
 * @param props.stroke
 * @param props.shape
 * @param props.size
 */
export function SeriesMarker( {
	cx,
	cy,
	stroke = 'currentColor',
	shape,
	size = 4,
}: SeriesMarkerProps ) {
	if ( cx === undefined || cy === undefined ) {
		return null;
	}
	const common = { fill: stroke, stroke, strokeWidth: 1 };
	switch ( shape ) {
		case 'square':
			return (
				<rect
					x={ cx - size }
					y={ cy - size }
					width={ size * 2 }
					height={ size * 2 }
					{ ...common }
				/>
			);
		case 'triangle':
			return (
				<polygon
					points={ `${ cx },${ cy - size - 1 } ${ cx + size + 1 },${
						cy + size
					} ${ cx - size - 1 },${ cy + size }` }
					{ ...common }
				/>
			);
		case 'diamond':
			return (
				<polygon
					points={ `${ cx },${ cy - size - 1 } ${ cx + size + 1 },${ cy } ${ cx },${
						cy + size + 1
					} ${ cx - size - 1 },${ cy }` }
					{ ...common }
				/>
			);
		case 'cross':
			return (
				<path
					d={ `M${ cx - size } ${ cy - size }L${ cx + size } ${
						cy + size
					}M${ cx + size } ${ cy - size }L${ cx - size } ${ cy + size }` }
					stroke={ stroke }
					strokeWidth={ 2 }
				/>
			);
		case 'star':
			return (
				<path
					d={ `M${ cx - size - 1 } ${ cy }H${ cx + size + 1 }M${ cx } ${
						cy - size - 1
					}V${ cy + size + 1 }M${ cx - size } ${ cy - size }L${
						cx + size
					} ${ cy + size }M${ cx + size } ${ cy - size }L${ cx - size } ${
						cy + size
					}` }
					stroke={ stroke }
					strokeWidth={ 1.5 }
				/>
			);
		default:
			return <circle cx={ cx } cy={ cy } r={ size } { ...common } />;
	}
}
