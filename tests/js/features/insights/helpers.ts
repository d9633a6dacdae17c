/**
 * jsdom has no ResizeObserver; recharts' ResponsiveContainer needs one.
 */

/**
 * External dependencies
 */
import { vi } from 'vitest';

export function stubResizeObserver(): void {
	vi.stubGlobal(
		'ResizeObserver',
		class {
			observe(): void {}
			unobserve(): void {}
			disconnect(): void {}
		}
	);
}
