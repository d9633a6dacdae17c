<?php
/**
 * Wires DM Jobs into WordPress.
 *
 * @package DMJobs
 */

namespace DMJobs;

use DMJobs\Admin\AdminPage;
use DMJobs\Jobs\JobsController;
use DMJobs\Pipelines\PipelinesController;
use DMJobs\Schema\Repository\SchemaRepository;

defined( 'ABSPATH' ) || exit;

final class Plugin {

	private static ?self $instance = null;

	public static function instance(): self {
		return self::$instance ??= new self();
	}

	/**
	 * Activation: create or adopt the tables.
	 */
	public static function activate(): void {
		( new SchemaRepository() )->upgrade();
	}

	public function boot(): void {
		wp_cache_add_non_persistent_groups( array( \DMJobs\Jobs\Repository\SearchTermRepository::CACHE_GROUP ) );
		add_action( 'plugins_loaded', array( $this, 'upgrade_schema_if_needed' ) );
		add_action( 'init', array( $this, 'load_textdomain' ) );
		add_action( 'rest_api_init', array( $this, 'register_rest_routes' ) );
		( new \DMJobs\Shared\Rest\GenerationParam() )->register();
		( new \DMJobs\Shared\Rest\RequestTextGuard() )->register();
		( new \DMJobs\Shared\Rest\JsonBodyGuard() )->register();
		( new AdminPage() )->register();
		( new \DMJobs\AdminTools\AdminToolsModule() )->register();
		( new \DMJobs\Jobs\DataVersion() )->register();
		( new \DMJobs\Jobs\CountRefresher() )->register();
		( new \DMJobs\Logs\LogHooks() )->register();
		( new \DMJobs\DataMachine\HousekeepingHooks() )->register();
		( new \DMJobs\Metrics\RollupHooks() )->register();
		( new \DMJobs\Alerts\AlertsModule() )->register();
		( new \DMJobs\Health\SiteHealth() )->register();
		if ( defined( 'WP_CLI' ) && WP_CLI ) {
			\WP_CLI::add_command( 'dm-jobs', \DMJobs\Cli\JobsCommand::class );
			\WP_CLI::add_command( 'dm-jobs cleanup', \DMJobs\Cli\CleanupCommand::class );
			\WP_CLI::add_command( 'dm-jobs retention', \DMJobs\Cli\RetentionCommand::class );
			\WP_CLI::add_command( 'dm-jobs stats', \DMJobs\Cli\StatsCommand::class );
			\WP_CLI::add_command( 'dm-jobs refresh', \DMJobs\Cli\RefreshCommand::class );
		}
	}

	/**
	 * Runs pending schema steps after a plugin update (activation hooks do not run on updates).
	 */
	public function upgrade_schema_if_needed(): void {
		$schema = new SchemaRepository();
		if ( $schema->needs_upgrade() ) {
			$schema->upgrade();
		}
	}

	public function load_textdomain(): void {
		load_plugin_textdomain( 'dm-jobs', false, dirname( plugin_basename( DM_JOBS_FILE ) ) . '/languages' );
	}

	public function register_rest_routes(): void {
		( new JobsController() )->register_routes();
		( new PipelinesController() )->register_routes();
		( new \DMJobs\AdminTools\AdminToolsRoutes() )->register_routes();
		( new \DMJobs\Jobs\JobActivityController() )->register_routes();
		( new \DMJobs\Logs\LogsController() )->register_routes();
		( new \DMJobs\Metrics\MetricsController() )->register_routes();
		( new \DMJobs\Alerts\AlertsController() )->register_routes();
		( new \DMJobs\Runs\RunsController() )->register_routes();
	}

	/**
	 * Whether the Data Machine plugin is loaded.
	 */
	public static function data_machine_active(): bool {
		return defined( 'DATA_MACHINE_VERSION' ) || defined( 'DATAMACHINE_VERSION' ) || class_exists( '\\DataMachine\\Core\\Database\\Jobs\\Jobs' );
	}
}
