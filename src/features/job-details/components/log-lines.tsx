/**
 * WordPress dependencies
 */
import {
	useCallback,
	useEffect,
	useLayoutEffect,
	useRef,
	useState,
} from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { Button } from '@wordpress/components';

/**
 * Internal dependencies
 */
import { formatNumber } from '../../../shared/format/format-number';
import type { LogLine } from '../types';
import { formatTimeOfDay } from '../../../shared/format/format-timestamp';
import { logLevelLabel } from '../utils/labels';

/** Height of one line in px (CSS uses the same value). */
export const LOG_ROW_HEIGHT = 24;

/** Lines rendered above and below the visible ones. */
const OVERSCAN = 15;

/** Logs longer than this get a "Skip the log" link before them. */
const SKIP_LINK_ABOVE = 5;

/** Height used before the list is measured (and in tests). */
const DEFAULT_VIEWPORT = 480;

export interface LogLinesProps {
	lines: LogLine[];
	timeZone: string;
	/** New lines keep arriving: follow them while scrolled to the bottom. */
	live: boolean;
	selectedId: number | null;
	onSelect: ( line: LogLine ) => void;
}

/**
 * The log lines, windowed: however many are loaded, only the ones in view
 * (plus a margin) are in the DOM. Follows new lines while scrolled to the
 * bottom; scrolling up stops following until "Jump to newest".
 *
 * @param props            Component props.
 * @param props.lines
 * @param props.timeZone
 * @param props.live
 * @param props.selectedId
 * @param props.onSelect
 */
export function LogLines( {
	lines,
	timeZone,
	live,
	selectedId,
	onSelect,
}: LogLinesProps ) {
	const ref = useRef< HTMLOListElement >( null );
	const end = useRef< HTMLSpanElement >( null );
	const [ scrollTop, setScrollTop ] = useState( 0 );
	const [ viewport, setViewport ] = useState( DEFAULT_VIEWPORT );
	const [ following, setFollowingState ] = useState( true );
	// Read by the effect below at the moment lines arrive, whatever render it belongs to.
	const followingRef = useRef( true );
	const setFollowing = useCallback( ( value: boolean ) => {
		followingRef.current = value;
		setFollowingState( value );
	}, [] );
	const [ unseen, setUnseen ] = useState( 0 );
	const previous = useRef< { first: number | null; count: number } >( {
		first: null,
		count: 0,
	} );

	const total = lines.length;
	const firstId = lines[ 0 ]?.id ?? null;

	const scrollToEnd = useCallback( () => {
		const element = ref.current;
		if ( element ) {
			element.scrollTop = element.scrollHeight;
			setScrollTop( element.scrollTop );
		}
		setFollowing( true );
		setUnseen( 0 );
	}, [ setFollowing ] );

	// Keep the view steady when older lines are added above, follow new
	// lines at the bottom while following, count them otherwise.
	useLayoutEffect( () => {
		const element = ref.current;
		const before = previous.current;
		previous.current = { first: firstId, count: total };
		if ( ! element || before.count === 0 ) {
			if ( element && total > 0 ) {
				element.scrollTop = element.scrollHeight;
				setScrollTop( element.scrollTop );
			}
			return;
		}
		const added = total - before.count;
		if ( added <= 0 ) {
			return;
		}
		const prepended =
			before.first !== null && firstId !== before.first
				? lines.findIndex( ( line ) => line.id === before.first )
				: 0;
		if ( prepended > 0 ) {
			element.scrollTop += prepended * LOG_ROW_HEIGHT;
			setScrollTop( element.scrollTop );
		}
		const appended = added - Math.max( 0, prepended );
		if ( appended > 0 ) {
			if ( followingRef.current ) {
				element.scrollTop = element.scrollHeight;
				setScrollTop( element.scrollTop );
			} else {
				setUnseen( ( count ) => count + appended );
			}
		}
		// Only line changes matter here.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ total, firstId ] );

	useEffect( () => {
		const element = ref.current;
		if ( ! element || typeof ResizeObserver === 'undefined' ) {
			return;
		}
		const observer = new ResizeObserver( () => {
			if ( element.clientHeight > 0 ) {
				setViewport( element.clientHeight );
			}
		} );
		observer.observe( element );
		return () => observer.disconnect();
	}, [] );

	const onScroll = () => {
		const element = ref.current;
		if ( ! element ) {
			return;
		}
		setScrollTop( element.scrollTop );
		if ( element.clientHeight > 0 ) {
			setViewport( element.clientHeight );
		}
		const atBottom =
			element.scrollTop + element.clientHeight >=
			element.scrollHeight - LOG_ROW_HEIGHT * 2;
		setFollowing( atBottom );
		if ( atBottom ) {
			setUnseen( 0 );
		}
	};

	const start = Math.max(
		0,
		Math.floor( scrollTop / LOG_ROW_HEIGHT ) - OVERSCAN
	);
	const stop = Math.min(
		total,
		Math.ceil( ( scrollTop + viewport ) / LOG_ROW_HEIGHT ) + OVERSCAN
	);
	const visible = lines.slice( start, stop );

	return (
		<div className="dm-jobs-log">
			{ total > SKIP_LINK_ABOVE && (
				<Button
					variant="link"
					className="dm-jobs-skip-link"
					onClick={ () => end.current?.focus() }
				>
					{ sprintf(
						/* translators: %s: number of lines. */
						__( 'Skip the log (%s lines)', 'dm-jobs' ),
						formatNumber( total )
					) }
				</Button>
			) }
			<ol
				ref={ ref }
				className="dm-jobs-log-lines"
				aria-label={ sprintf(
					/* translators: %s: number of lines. */
					_n(
						'Job log, %s line',
						'Job log, %s lines',
						total,
						'dm-jobs'
					),
					formatNumber( total )
				) }
				// A scrollable region must be reachable by keyboard.

				tabIndex={ 0 }
				onScroll={ onScroll }
				// Short logs get a short box; long ones the CSS height.
				style={
					Math.max( total, 3 ) * LOG_ROW_HEIGHT < DEFAULT_VIEWPORT
						? { height: Math.max( total, 3 ) * LOG_ROW_HEIGHT + 2 }
						: undefined
				}
			>
				<li
					aria-hidden="true"
					className="dm-jobs-log-spacer"
					style={ { height: total * LOG_ROW_HEIGHT } }
				/>
				{ visible.map( ( line, offset ) => {
					const index = start + offset;
					return (
						<li
							key={ line.id }
							className={ `dm-jobs-log-line is-level-${ line.level }${
								line.id === selectedId ? ' is-selected' : ''
							}` }
							style={ { top: index * LOG_ROW_HEIGHT } }
							aria-posinset={ index + 1 }
							aria-setsize={ total }
							data-log-id={ line.id }
						>
							<button
								type="button"
								className="dm-jobs-log-line-button"
								aria-pressed={ line.id === selectedId }
								onClick={ () => onSelect( line ) }
							>
								<span className="dm-jobs-log-time">
									{ formatTimeOfDay(
										line.created_at,
										timeZone
									) }
								</span>
								<span className="dm-jobs-log-level">
									{ logLevelLabel( line.level ) }
								</span>
								{ line.step !== null && (
									<span className="dm-jobs-log-step">
										{ line.step }
									</span>
								) }
								<span className="dm-jobs-log-message">
									{ line.message.length > 500
										? `${ line.message.slice( 0, 500 ) }…`
										: line.message }
								</span>
								{ line.truncated && (
									<span className="dm-jobs-log-truncated">
										{ __( '(truncated)', 'dm-jobs' ) }
									</span>
								) }
							</button>
						</li>
					);
				} ) }
			</ol>
			<span ref={ end } tabIndex={ -1 } className="dm-jobs-log-end">
				{ __( 'End of the log', 'dm-jobs' ) }
			</span>
			{ live && (
				<div className="dm-jobs-log-follow">
					{ following ? (
						<span className="dm-jobs-log-live">
							{ __( 'Live: new lines appear here.', 'dm-jobs' ) }
						</span>
					) : (
						<Button
							variant="secondary"
							size="small"
							onClick={ scrollToEnd }
						>
							{ unseen > 0
								? sprintf(
										/* translators: %s: number of new lines. */
										_n(
											'Jump to newest (%s new line)',
											'Jump to newest (%s new lines)',
											unseen,
											'dm-jobs'
										),
										formatNumber( unseen )
									)
								: __( 'Jump to newest', 'dm-jobs' ) }
						</Button>
					) }
					<span className="screen-reader-text" role="status">
						{ unseen > 0
							? sprintf(
									/* translators: %s: number of new lines. */
									_n(
										'%s new log line',
										'%s new log lines',
										unseen,
										'dm-jobs'
									),
									formatNumber( unseen )
								)
							: '' }
					</span>
				</div>
			) }
		</div>
	);
}
