/**
 * Internal dependencies
 */
import { parseTimestamp } from './format-timestamp';

/**
 * Whether a job claims to have finished before it was created (a clock or
 * data problem the screen flags instead of showing silently).
 *
 * @param createdAt   ISO 8601 creation time.
 * @param completedAt ISO 8601 completion time.
 */
export function completedBeforeCreated(
	createdAt: string | null,
	completedAt: string | null
): boolean {
	const created = parseTimestamp( createdAt );
	const completed = parseTimestamp( completedAt );
	return (
		created !== null &&
		completed !== null &&
		completed.getTime() < created.getTime()
	);
}
