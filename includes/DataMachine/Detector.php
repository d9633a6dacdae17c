<?php
/**
 * Finds which Data Machine generations have tables on this site.
 *
 * @package DMJobs
 */

namespace DMJobs\DataMachine;

use DMJobs\Schema\Repository\SchemaRepository;

defined( 'ABSPATH' ) || exit;

final class Detector {

	public function __construct( private readonly SchemaRepository $schema = new SchemaRepository() ) {
	}

	/**
	 * Generation keys with jobs tables, primary first: today's datamachine_jobs, then v0.1's dm_jobs;
	 * "standalone" when there is neither (or only a dm_jobs DM Jobs created itself).
	 *
	 * @return string[]
	 */
	public function detect(): array {
		$keys = array();
		if ( $this->schema->table_exists( ( new CurrentGeneration() )->tables()->jobs ) ) {
			$keys[] = CurrentGeneration::KEY;
		}
		if ( $this->schema->table_exists( ( new LegacyGeneration() )->tables()->jobs ) ) {
			$keys[] = $this->created_by_us( 'dm_jobs' ) ? StandaloneGeneration::KEY : LegacyGeneration::KEY;
		}
		if ( ! $keys ) {
			$keys[] = StandaloneGeneration::KEY;
		}
		if ( 2 === count( $keys ) && StandaloneGeneration::KEY === $keys[1] && ! $this->schema->has_rows( ( new LegacyGeneration() )->tables()->jobs ) ) {
			// An empty dm_jobs that DM Jobs made before Data Machine's tables appeared is no second source.
			array_pop( $keys );
		}
		return $keys;
	}

	private function created_by_us( string $short_name ): bool {
		return in_array( $short_name, (array) get_option( 'dm_jobs_created_tables', array() ), true );
	}
}
