<?php
/**
 * Plugin Name: DM Jobs benchmark floor screen
 * Description: The floor of any wp-admin list screen, for the browser benchmark only: Tools → Floor
 * (tools.php?page=dm-jobs-bench-floor) prints a one-row list table (WP_List_Table, no query) under the
 * normal admin chrome, and nothing else. bin/bench.sh copies this file into the benchmark site's
 * mu-plugins; it is never part of the plugin.
 *
 * @package DMJobs
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'admin_menu',
	static function (): void {
		add_management_page( 'Floor', 'Floor', 'manage_options', 'dm-jobs-bench-floor', 'dm_jobs_bench_floor_render' );
	}
);

/**
 * The screen: a heading and a list table of one row, as core's list screens print them.
 */
function dm_jobs_bench_floor_render(): void {
	require_once ABSPATH . 'wp-admin/includes/class-wp-list-table.php';
	$table = new class( array(
		'plural'   => 'floor-items',
		'singular' => 'floor-item',
		'ajax'     => false,
		'screen'   => 'tools_page_dm-jobs-bench-floor',
	) ) extends WP_List_Table {
		/**
		 * @return array<string, string>
		 */
		public function get_columns() {
			return array(
				'title'  => 'Title',
				'status' => 'Status',
				'date'   => 'Date',
			);
		}

		public function prepare_items() {
			$this->_column_headers = array( $this->get_columns(), array(), array() );
			$this->items           = array(
				array(
					'title'  => 'One row',
					'status' => 'completed',
					'date'   => '2026-12-06 12:00',
				),
			);
			$this->set_pagination_args(
				array(
					'total_items' => 1,
					'per_page'    => 20,
				)
			);
		}

		/**
		 * @param array<string, string> $item        The row.
		 * @param string                $column_name The column.
		 */
		protected function column_default( $item, $column_name ) {
			return esc_html( $item[ $column_name ] );
		}
	};
	$table->prepare_items();
	echo '<div class="wrap"><h1 class="wp-heading-inline">Floor</h1><hr class="wp-header-end">';
	$table->display();
	echo '</div>';
}
