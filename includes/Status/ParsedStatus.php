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
	 */
	public function __construct(
		public readonly ?BaseStatus $base,
		public readonly ?string $reason,
		public readonly string $raw,
	) {
	}

	/**
	 * The base status value, falling back to the raw text for unknown values.
	 */
	public function base_value(): string {
		return $this->base ? $this->base->value : $this->raw;
	}

	public function is_final(): bool {
		return $this->base ? $this->base->is_final() : false;
	}
}
