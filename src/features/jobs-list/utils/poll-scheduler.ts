/**
 * A polling loop built from a `setTimeout` chain: the next poll is scheduled
 * only once the last one has settled, so two polls are never in flight. It
 * pauses while the page is hidden and backs off exponentially after errors.
 */

export const POLL_INTERVAL_MS = 3000;
export const MAX_BACKOFF_MS = 60_000;

/**
 * - `idle`: not started (or stopped).
 * - `live`: polling every interval.
 * - `paused`: the page is hidden; resumes when it is shown again.
 * - `retrying`: the last poll failed; the next one is at `retryAt`.
 */
export type PollStatus = 'idle' | 'live' | 'paused' | 'retrying';

export interface PollState {
	status: PollStatus;
	/** Polls failed in a row. */
	failures: number;
	/** What the last failed poll threw, `null` after a success. */
	error: unknown;
	/** When the next attempt runs after a failure (ms since epoch), else `null`. */
	retryAt: number | null;
	/** Whether a poll is running now. */
	inFlight: boolean;
}

export interface VisibilitySource {
	isHidden: () => boolean;
	/** Calls `listener` when visibility changes; returns the unsubscriber. */
	subscribe: ( listener: () => void ) => () => void;
}

export interface PollSchedulerOptions {
	/** One poll; throw (reject) to report a failure. */
	poll: () => Promise< void >;
	interval?: number;
	maxDelay?: number;
	visibility?: VisibilitySource;
	onChange?: ( state: PollState ) => void;
	now?: () => number;
}

/**
 * The page's visibility (`document.hidden`, `visibilitychange`).
 *
 * @param doc The document to watch.
 */
export function documentVisibility(
	doc: Document = document
): VisibilitySource {
	return {
		isHidden: () => doc.hidden,
		subscribe: ( listener ) => {
			doc.addEventListener( 'visibilitychange', listener );
			return () =>
				doc.removeEventListener( 'visibilitychange', listener );
		},
	};
}

/**
 * Delay before the next attempt after `failures` failures in a row:
 * interval, 2×, 4×, … capped at `maxDelay` (3 s → 6 → 12 … 60 s).
 *
 * @param failures Failures in a row (0 = healthy).
 * @param interval The normal interval.
 * @param maxDelay The cap.
 */
export function backoffDelay(
	failures: number,
	interval: number = POLL_INTERVAL_MS,
	maxDelay: number = MAX_BACKOFF_MS
): number {
	if ( failures <= 0 ) {
		return interval;
	}
	return Math.min( maxDelay, interval * 2 ** Math.min( failures - 1, 30 ) );
}

export class PollScheduler {
	private readonly poll: () => Promise< void >;
	private readonly interval: number;
	private readonly maxDelay: number;
	private readonly visibility: VisibilitySource;
	private readonly onChange: ( state: PollState ) => void;
	private readonly now: () => number;

	private timer: ReturnType< typeof setTimeout > | null = null;
	private running = false;
	private inFlight = false;
	private failures = 0;
	private error: unknown = null;
	private retryAt: number | null = null;
	private unsubscribe: ( () => void ) | null = null;

	constructor( options: PollSchedulerOptions ) {
		this.poll = options.poll;
		this.interval = options.interval ?? POLL_INTERVAL_MS;
		this.maxDelay = options.maxDelay ?? MAX_BACKOFF_MS;
		this.visibility = options.visibility ?? documentVisibility();
		this.onChange = options.onChange ?? ( () => undefined );
		this.now = options.now ?? ( () => Date.now() );
	}

	getState(): PollState {
		let status: PollStatus = 'live';
		if ( ! this.running ) {
			status = 'idle';
		} else if ( this.visibility.isHidden() ) {
			status = 'paused';
		} else if ( this.failures > 0 ) {
			status = 'retrying';
		}
		return {
			status,
			failures: this.failures,
			error: this.error,
			retryAt: this.retryAt,
			inFlight: this.inFlight,
		};
	}

	/** Starts polling (the first poll after one interval). */
	start(): void {
		if ( this.running ) {
			return;
		}
		this.running = true;
		this.unsubscribe = this.visibility.subscribe( this.onVisibilityChange );
		if ( ! this.visibility.isHidden() ) {
			this.schedule( this.interval );
		}
		this.emit();
	}

	/** Stops polling; a poll in flight is left to settle and ignored. */
	stop(): void {
		this.running = false;
		this.clearTimer();
		this.retryAt = null;
		this.unsubscribe?.();
		this.unsubscribe = null;
		this.emit();
	}

	/** Polls now instead of waiting (no-op while a poll is in flight). */
	pollNow(): void {
		if ( ! this.running || this.inFlight ) {
			return;
		}
		this.clearTimer();
		void this.tick();
	}

	private readonly onVisibilityChange = (): void => {
		if ( ! this.running ) {
			return;
		}
		if ( this.visibility.isHidden() ) {
			this.clearTimer();
			this.retryAt = null;
		} else if ( ! this.inFlight ) {
			// Back on the page: catch up at once.
			this.clearTimer();
			void this.tick();
			return;
		}
		this.emit();
	};

	private async tick(): Promise< void > {
		if ( ! this.running || this.inFlight ) {
			return;
		}
		if ( this.visibility.isHidden() ) {
			this.emit();
			return;
		}
		this.inFlight = true;
		this.retryAt = null;
		this.emit();
		try {
			await this.poll();
			this.failures = 0;
			this.error = null;
		} catch ( error ) {
			this.failures++;
			this.error = error;
		} finally {
			this.inFlight = false;
		}
		if ( this.running && ! this.visibility.isHidden() ) {
			this.schedule(
				backoffDelay( this.failures, this.interval, this.maxDelay )
			);
		}
		this.emit();
	}

	private schedule( delay: number ): void {
		this.clearTimer();
		this.retryAt = this.failures > 0 ? this.now() + delay : null;
		this.timer = setTimeout( () => {
			this.timer = null;
			void this.tick();
		}, delay );
	}

	private clearTimer(): void {
		if ( this.timer !== null ) {
			clearTimeout( this.timer );
			this.timer = null;
		}
	}

	private emit(): void {
		this.onChange( this.getState() );
	}
}
