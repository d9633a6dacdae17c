<?php
/**
 * Search over today's job labels (item titles, workflow labels: far too many distinct values to list
 * per request) without LIKE '%…%' over the jobs table (MySQL/MariaDB): an index on Data Machine's
 * jobs.label (dm_jobs_label; its jobs are read by label, in job-ID order), and DM Jobs' own table of the
 * distinct labels (dm_jobs_labels, in the label column's collation, so matching is the same), filled
 * from job-ID ranges by DMJobs\Jobs\LabelDictionary. The index is listed in AddedSchema and removed on
 * uninstall, with the table. SQLite matches labels in the query.
 *
 * @package DMJobs
 */

namespace DMJobs\Schema\Migrations;

use DMJobs\DataMachine\Adapters;
use DMJobs\DataMachine\AddedSchema;
use DMJobs\Jobs\Repository\JobColumns;
use DMJobs\Jobs\Repository\LabelDictionaryRepository;
use DMJobs\Schema\Repository\SchemaRepository;

defined( 'ABSPATH' ) || exit;

final class Migration009JobLabels implements Migration {

	public function version(): int {
		return 9;
	}

	public function up( SchemaRepository $schema ): void {
		if ( JobColumns::uses_sqlite() ) {
			return;
		}
		$collation = null;
		foreach ( Adapters::available() as $generation ) {
			$jobs = $generation->tables()->jobs;
			if ( ! in_array( 'label', $generation->extra_job_columns(), true ) || ! $schema->column_exists( $jobs, 'label' ) ) {
				continue;
			}
			try {
				$schema->add_index_if_missing( $jobs, AddedSchema::LABEL_INDEX, 'label' );
			} catch ( \RuntimeException $too_long_for_old_servers ) {
				$schema->add_index_if_missing( $jobs, AddedSchema::LABEL_INDEX, 'label(191)' );
			}
			$collation = $schema->column_collation( $jobs, 'label' );
		}
		// Also without today's tables yet: Data Machine may be upgraded to them later.
		$this->create_dictionary( $schema, (string) $collation );
	}

	private function create_dictionary( SchemaRepository $schema, string $collation ): void {
		$table = LabelDictionaryRepository::table();
		$type  = 'varchar(255)' . ( preg_match( '/^([a-z0-9]+)_[a-z0-9_]+$/', $collation, $charset ) ? " CHARACTER SET {$charset[1]} COLLATE {$collation}" : '' );
		$schema->create_table_if_missing(
			'dm_jobs_labels',
			"CREATE TABLE `{$table}` (
				label {$type} NOT NULL,
				PRIMARY KEY  (label)
			)"
		);
	}
}
