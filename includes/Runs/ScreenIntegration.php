<?php
/**
 * What the Jobs screen needs to link into Data Machine and to run flows: Data Machine's admin link
 * templates (only while its plugin is loaded) and whether a runner is available.
 *
 * @package DMJobs
 */

namespace DMJobs\Runs;

use DMJobs\DataMachine\Adapters;

defined( 'ABSPATH' ) || exit;

final class ScreenIntegration {

	/**
	 * @return array{generation: string, links: array{pipeline: string, flow: string, remember: array<string, mixed>|null}|null, canRunFlows: bool}
	 */
	public static function config(): array {
		$generation = Adapters::current();
		$links      = $generation->plugin_active() ? $generation->admin_links() : null;
		return array(
			'generation'  => $generation->key(),
			'links'       => null === $links ? null : $links->to_array(),
			'canRunFlows' => null !== FlowRunners::resolve(),
		);
	}
}
