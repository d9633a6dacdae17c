<?php
/**
 * No Data Machine tables on the site: DM Jobs creates dm_* tables of the v0.1 shape itself (and owns
 * them, so uninstall drops them). Other plugins write jobs through DM Jobs' PHP and REST API.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

defined( 'ABSPATH' ) || exit;

final class StandaloneGeneration extends LegacyGeneration {

	public const KEY = 'standalone';

	public function key(): string {
		return self::KEY;
	}

	public function label(): string {
		return __( 'DM Jobs (own tables)', 'dm-jobs' );
	}

	public function menu(): MenuSlugs {
		return new MenuSlugs( '', 'dm-jobs' );
	}

	public function owns_tables(): bool {
		return true;
	}

	/**
	 * No Data Machine to run flows: another plugin may provide a runner (`dm_jobs_flow_runner`).
	 */
	public function execution(): ?Execution {
		return null;
	}

	public function admin_links(): ?AdminLinks {
		return null;
	}

	public function caches(): array {
		return array(
			'transient_prefixes' => array(),
			'cache_groups'       => array(),
			'clear_actions'      => array(),
		);
	}

	public function plugin_active(): bool {
		return false;
	}
}
