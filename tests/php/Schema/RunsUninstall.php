<?php
/**
 * Runs uninstall.php as WordPress does when the plugin is deleted: in a separate PHP process against the
 * test site, with WP_UNINSTALL_PLUGIN defined.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Schema;

PHP_SAPI === 'cli' || exit;

trait RunsUninstall {

	/**
	 * @param string $data_machine_constant A constant of an active Data Machine to define first (e.g.
	 *                                      DATA_MACHINE_VERSION); '' for none.
	 */
	private function run_uninstall( string $data_machine_constant = '' ): void {
		$script = sprintf(
			'%s define( "WP_UNINSTALL_PLUGIN", "dm-jobs/plugin.php" ); $_SERVER["HTTP_HOST"] = "localhost"; require %s; include %s;',
			'' === $data_machine_constant ? '' : sprintf( 'define( "%s", "1" );', $data_machine_constant ),
			var_export( getenv( 'DM_JOBS_WP_DIR' ) . '/wp-load.php', true ),
			var_export( DM_JOBS_DIR . '/uninstall.php', true )
		);
		exec( escapeshellarg( PHP_BINARY ) . ' -r ' . escapeshellarg( $script ) . ' 2>&1', $output, $status );
		$this->assertSame( 0, $status, implode( "\n", $output ) );
		wp_cache_flush();
	}

	/**
	 * @return string[] The site's dm_* tables (prefixed).
	 */
	private function dm_tables(): array {
		global $wpdb;
		return $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $wpdb->prefix . 'dm_' ) . '%' ) );
	}
}
