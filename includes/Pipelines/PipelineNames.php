<?php
/**
 * Pipeline names for alert texts, read once per evaluation.
 *
 * @package DMJobs
 */

namespace DMJobs\Pipelines;

use DMJobs\Pipelines\Repository\PipelineRepository;

defined( 'ABSPATH' ) || exit;

final class PipelineNames {

	/**
	 * @var array<int, string>|null
	 */
	private ?array $names = null;

	public function __construct( private readonly PipelineRepository $pipelines = new PipelineRepository() ) {
	}

	public function name( int $pipeline_id ): ?string {
		if ( null === $this->names ) {
			$this->names = array();
			foreach ( $this->pipelines->find_all_with_flow_counts() as $row ) {
				$this->names[ (int) $row['pipeline_id'] ] = (string) $row['pipeline_name'];
			}
		}
		return $this->names[ $pipeline_id ] ?? null;
	}

	/**
	 * 'Pipeline "Feeds"', or "Pipeline #12" when it has no name (deleted).
	 */
	public function label( int $pipeline_id ): string {
		$name = $this->name( $pipeline_id );
		return null === $name
			/* translators: %d: pipeline ID */
			? sprintf( __( 'Pipeline #%d', 'dm-jobs' ), $pipeline_id )
			/* translators: %s: pipeline name */
			: sprintf( __( 'Pipeline "%s"', 'dm-jobs' ), $name );
	}
}
