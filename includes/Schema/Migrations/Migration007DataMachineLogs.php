<?php
/**
 * Today's Data Machine keeps log lines in datamachine_logs with the job ID inside the JSON context. On
 * MySQL/MariaDB an indexed virtual column (dm_job_id, with the line ID) makes a job's lines one index
 * range: exact for integer and string IDs, NULL for lines about no job. Instant to add; the index builds
 * online. SQLite reads the JSON in the query instead. Listed in AddedSchema, removed on uninstall.
 *
 * @package DMJobs
 */

namespace DMJobs\Schema\Migrations;

use DMJobs\DataMachine\Adapters;
use DMJobs\DataMachine\AddedSchema;
use DMJobs\Jobs\Repository\JobColumns;
use DMJobs\Logs\Repository\LogRepository;
use DMJobs\Schema\Repository\SchemaRepository;

defined( 'ABSPATH' ) || exit;

final class Migration007DataMachineLogs implements Migration {

	public function version(): int {
		return 7;
	}

	public function up( SchemaRepository $schema ): void {
		if ( JobColumns::uses_sqlite() ) {
			return;
		}
		foreach ( Adapters::available() as $generation ) {
			$logs = $generation->tables()->logs;
			if ( null === $logs || ! $schema->table_exists( $logs ) ) {
				continue;
			}
			$schema->add_column_if_missing( $logs, AddedSchema::LOG_JOB_ID, 'bigint unsigned AS ' . LogRepository::data_machine_job_id_expression( false ) . ' VIRTUAL' );
			$schema->add_index_if_missing( $logs, AddedSchema::LOG_JOB_ID_INDEX, AddedSchema::LOG_JOB_ID . ', id' );
		}
	}
}
