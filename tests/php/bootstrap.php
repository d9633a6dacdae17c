<?php
/**
 * Loads a real, freshly installed WordPress (DM_JOBS_WP_DIR) and activates DM Jobs in it.
 *
 * bin/test-php.sh creates that site for each database (DM_JOBS_TEST_DB: sqlite or mariadb).
 *
 * @package DMJobs
 */

PHP_SAPI === 'cli' || exit;

// PHPUnit includes this file inside a function: WordPress's globals must be declared global first.
global $wpdb, $table_prefix, $wp_filter, $wp_actions, $wp_current_filter, $wp_rewrite, $wp, $wp_query,
	$wp_the_query, $wp_roles, $wp_locale, $wp_embed, $wp_widget_factory, $wp_version, $wp_db_version,
	$wp_rest_server, $wp_post_types, $wp_taxonomies, $wp_scripts, $wp_styles, $pagenow, $shortcode_tags,
	$allowedposttags, $allowedtags, $menu, $submenu, $_wp_submenu_nopriv, $wp_object_cache, $wp_plugin_paths,
	$wp_meta_boxes, $current_user, $blog_id, $wp_registered_sidebars, $wp_registered_widgets;

$wordpress_dir = getenv( 'DM_JOBS_WP_DIR' );
if ( ! $wordpress_dir || ! is_readable( $wordpress_dir . '/wp-load.php' ) ) {
	fwrite( STDERR, "Set DM_JOBS_WP_DIR to an installed WordPress (bin/test-php.sh does this).\n" );
	exit( 1 );
}

$_SERVER['HTTP_HOST']   = $_SERVER['HTTP_HOST'] ?? 'localhost';
$_SERVER['SERVER_NAME'] = $_SERVER['SERVER_NAME'] ?? 'localhost';
$_SERVER['REQUEST_URI'] = $_SERVER['REQUEST_URI'] ?? '/';
define( 'WP_USE_THEMES', false );

require $wordpress_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

// DM_JOBS_TEST_TABLES=datamachine: the site has today's Data Machine tables (made by Data Machine's own
// CREATE TABLE statements) before DM Jobs is activated, so DM Jobs adopts them as on a real site.
$dm_jobs_tables = getenv( 'DM_JOBS_TEST_TABLES' ) ?: 'dm';
if ( 'datamachine' === $dm_jobs_tables ) {
	require_once dirname( __DIR__, 2 ) . '/includes/autoload.php';
	( new \DMJobs\DataMachine\Repository\DataMachineTablesRepository() )->create_current_generation_tables();
} elseif ( 'dm' !== $dm_jobs_tables ) {
	fwrite( STDERR, "DM_JOBS_TEST_TABLES must be dm or datamachine.\n" );
	exit( 1 );
}

$dm_jobs_plugin = 'dm-jobs/plugin.php';
if ( ! is_plugin_active( $dm_jobs_plugin ) ) {
	$activation = activate_plugin( $dm_jobs_plugin );
	if ( is_wp_error( $activation ) ) {
		fwrite( STDERR, 'Could not activate DM Jobs: ' . $activation->get_error_message() . "\n" );
		exit( 1 );
	}
}
if ( ! class_exists( \DMJobs\Plugin::class ) ) {
	fwrite( STDERR, "DM Jobs did not load.\n" );
	exit( 1 );
}

fprintf( STDOUT, "WordPress %s, database: %s, Data Machine tables: %s\n", $wp_version, getenv( 'DM_JOBS_TEST_DB' ) ?: 'unknown', \DMJobs\DataMachine\Adapters::current()->tables()->jobs );

require_once __DIR__ . '/TestCase.php';
require_once __DIR__ . '/Fixtures.php';
require_once __DIR__ . '/ResponseSchemaAssertions.php';
require_once __DIR__ . '/CommittedTestCase.php';

// Users are made outside every test's transaction, so they exist once for the whole run.
\DMJobs\Tests\TestCase::prepare_users();
