<?php
/**
 * Data Machine's admin menu slugs in one generation. DM Jobs puts its Jobs screen under Data Machine's
 * own menu, in place of Data Machine's Jobs screen, so a site never has two "Data Machine" menus.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

defined( 'ABSPATH' ) || exit;

final class MenuSlugs {

	/**
	 * @param string      $prefix    Prefix of every Data Machine page slug ("dm-", "datamachine-").
	 * @param string      $jobs      Data Machine's Jobs page slug (ours replaces it).
	 * @param string|null $pipelines Its Pipelines page slug (linked from job details).
	 * @param string|null $logs      Its Logs page slug, if any.
	 */
	public function __construct(
		public readonly string $prefix,
		public readonly string $jobs,
		public readonly ?string $pipelines = null,
		public readonly ?string $logs = null,
	) {
	}

	/**
	 * Whether a page slug belongs to Data Machine's menu.
	 */
	public function owns( string $slug ): bool {
		return '' !== $this->prefix && str_starts_with( $slug, $this->prefix );
	}
}
