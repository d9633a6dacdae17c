<?php
/**
 * The prefixed table names of one Data Machine generation. logs and run_metadata are null where the
 * generation has no such table.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

defined( 'ABSPATH' ) || exit;

final class Tables {

	public function __construct(
		public readonly string $jobs,
		public readonly string $pipelines,
		public readonly string $flows,
		public readonly string $processed_items,
		public readonly ?string $logs = null,
		public readonly ?string $run_metadata = null,
	) {
	}

	/**
	 * @return array<string, string> role => prefixed name, only the tables this generation has.
	 */
	public function all(): array {
		return array_filter(
			array(
				'jobs'            => $this->jobs,
				'pipelines'       => $this->pipelines,
				'flows'           => $this->flows,
				'processed_items' => $this->processed_items,
				'logs'            => $this->logs,
				'run_metadata'    => $this->run_metadata,
			),
			static fn ( ?string $name ): bool => null !== $name
		);
	}
}
