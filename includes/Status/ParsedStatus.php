<?php
/**
 * A stored status string split into its base status and its reason.
 *
 * @package DMJobs
 */

namespace DMJobs\Status;

defined( 'ABSPATH' ) || exit;

final class ParsedStatus {

	/**
	 * @param BaseStatus|null $base   The base status, or null when the stored value is not recognised.
	 * @param string|null     $reason The reason that came with a compound status.
	 * @param string          $raw    The value as stored.
	 * @param string|null     $head   For a status DM Jobs does not know: its name (the stored value before
	 *                                " - " or ":", lower case), shown and filtered as a status of its own.
	 */
	public function __construct(
		public readonly ?BaseStatus $base,
		public readonly ?string $reason,
		public readonly string $raw,
		public readonly ?string $head = null,
	) {
	}

	/**
	 * The base status value; for a status DM Jobs does not know, its own name (never dropped, never
	 * folded into another status).
	 */
	public function base_value(): string {
		if ( $this->base ) {
			return $this->base->value;
		}
		return null !== $this->head && '' !== $this->head ? $this->head : $this->raw;
	}

	/**
	 * Whether the stored value is one of the statuses DM Jobs knows (BaseStatus or a legacy alias).
	 */
	public function is_known(): bool {
		return null !== $this->base;
	}

	public function is_final(): bool {
		return $this->base ? $this->base->is_final() : false;
	}
}
