<?php
/**
 * Trigrams of the job labels (MySQL/MariaDB), so a search finds the labels containing a term without
 * reading every label (DMJobs\Jobs\LabelGrams, LabelDictionaryRepository): an ID per label in DM Jobs'
 * table of distinct labels (label_id, in the order labels are recorded; adding it rebuilds that table,
 * about a second per 100,000 labels), and DM Jobs' own table dm_jobs_label_grams (gram, label_id), filled
 * by WP-Cron (DMJobs\Jobs\LabelDictionary::refresh()). Both tables are dropped on uninstall. SQLite
 * matches labels in the query.
 *
 * @package DMJobs
 */

namespace DMJobs\Schema\Migrations;

use DMJobs\Jobs\Repository\JobColumns;
use DMJobs\Jobs\Repository\LabelDictionaryRepository;
use DMJobs\Schema\Repository\SchemaRepository;

defined( 'ABSPATH' ) || exit;

final class Migration011LabelGrams implements Migration {

	public function version(): int {
		return 11;
	}

	public function up( SchemaRepository $schema ): void {
		if ( JobColumns::uses_sqlite() || ! $schema->table_exists( LabelDictionaryRepository::table() ) ) {
			return;
		}
		$schema->add_column_if_missing( LabelDictionaryRepository::table(), 'label_id', 'int unsigned NOT NULL AUTO_INCREMENT UNIQUE KEY' );
		$table = LabelDictionaryRepository::grams_table();
		$schema->create_table_if_missing(
			'dm_jobs_label_grams',
			"CREATE TABLE `{$table}` (
				gram int unsigned NOT NULL,
				label_id int unsigned NOT NULL,
				PRIMARY KEY  (gram, label_id)
			)"
		);
	}
}
