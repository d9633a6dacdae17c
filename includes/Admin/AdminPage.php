<?php
/**
 * The wp-admin Jobs page: registers the menu, mounts the React app and enqueues its built assets.
 *
 * @package DMJobs
 */

namespace DMJobs\Admin;

use DMJobs\DataMachine\Adapters;
use DMJobs\DataMachine\CurrentGeneration;
use DMJobs\DataMachine\LegacyGeneration;
use DMJobs\DataMachine\MenuSlugs;
use DMJobs\Plugin;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\Permission;

defined( 'ABSPATH' ) || exit;

final class AdminPage {

	public const SLUG               = 'dm-jobs';
	public const SCRIPT_HANDLE      = 'dm-jobs-app';
	public const DATE_LOCALE_HANDLE = 'dm-jobs-date-locale'; // build/date-locales/<code>.js: before the app on sites not in US English.
	public const DOCS_URL           = 'https://github.com/Extra-Chill/data-machine#readme';

	/**
	 * WordPress scripts the app loads only where it uses them (DeferredScripts), not before first paint.
	 */
	public const DEFERRED_HANDLES = array( 'wp-components' );

	/**
	 * Scripts core enqueues on every admin screen (the command palette, with block-editor and about 40
	 * more) that the first rows do not need: the app runs them once it has taken over.
	 */
	public const AFTER_TAKEOVER_HANDLES = array( 'wp-core-commands', 'wp-commands' );

	/**
	 * @var string[] The screens that show the app.
	 */
	private array $hook_suffixes = array();

	private ?FirstPaint $first_paint = null;

	private ?DateLocale $date_locale = null;

	private ?JqueryAfterFirstRows $jquery = null;

	public function register(): void {
		// Late, so Data Machine's own menu exists when we look for it.
		add_action( 'admin_menu', array( $this, 'add_menu' ), 99 );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	public function add_menu(): void {
		$capability = Permission::capability();
		$title      = __( 'Jobs', 'dm-jobs' );
		$menu       = Adapters::primary()->menu();
		$parent     = null;
		// The primary generation's menu first; a site whose tables DM Jobs made itself may still run Data Machine.
		foreach ( array( $menu, ( new LegacyGeneration() )->menu(), ( new CurrentGeneration() )->menu() ) as $candidate ) {
			$parent = $this->data_machine_parent_slug( $candidate );
			if ( null !== $parent ) {
				$menu = $candidate;
				break;
			}
		}

		if ( null !== $parent ) {
			// Our screen takes the place (and the slug) of Data Machine's own Jobs screen, in its menu:
			// one "Data Machine" menu, and Data Machine's links to its Jobs page open ours.
			remove_all_actions( get_plugin_page_hookname( $menu->jobs, $parent ) );
			remove_submenu_page( $parent, $menu->jobs );
			$this->hook_suffixes[] = (string) add_submenu_page( $parent, $title, $title, $capability, $menu->jobs, array( $this, 'render' ) );
			if ( self::SLUG !== $menu->jobs ) {
				// admin.php?page=dm-jobs keeps working (bookmarks, our own links), outside the menu.
				$this->hook_suffixes[] = (string) add_submenu_page( '', $title, $title, $capability, self::SLUG, array( $this, 'render' ) );
			}
			return;
		}

		add_menu_page( __( 'Data Machine', 'dm-jobs' ), __( 'Data Machine', 'dm-jobs' ), $capability, self::SLUG, array( $this, 'render' ), 'dashicons-database', 80 );
		$this->hook_suffixes[] = (string) add_submenu_page( self::SLUG, $title, $title, $capability, self::SLUG, array( $this, 'render' ) );
	}

	public function render(): void {
		$this->jquery?->release();
		$this->use_requested_generation();
		( new SourceSwitcher() )->render();
		// The admin menu goes out before the first page is worked out, so the browser parses it meanwhile.
		flush();
		$markup = '';
		if ( null !== $this->first_paint && null !== $this->date_locale && ! $this->opens_insights() ) {
			$markup = ( new FirstRowsMarkup( $this->first_paint, $this->timezone(), $this->date_locale ) )->render();
		}
		// Core's common.js moves admin notices after .wp-header-end (else after the first heading, which is
		// inside the app's root, where the app's first render would wipe them): keep them above the app.
		// The markup is built from escaped parts (FirstRowsMarkup escapes every value).
		echo '<div class="wrap"><hr class="wp-header-end"><div id="dm-jobs-root" class="dm-jobs-root">' . $markup . '</div>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
		printf( '<noscript><p>%s</p></noscript></div>', esc_html__( 'Filters, job details and live updates need JavaScript.', 'dm-jobs' ) );
		// The rows go out now; the browser parses and paints them while the rest of the answers are worked out.
		flush();
		$this->hand_over_answers();
		// After that pause, so the browser has parsed the rows and can paint them before it runs jQuery.
		$this->jquery?->print_now();
	}

	/**
	 * The preloaded answers for api-fetch (the first page, counts, filter options, the live poll's first
	 * question). Only the first page is needed for the printed rows; the others are worked out here, after
	 * the head and the rows went out, so the page's first byte does not wait for them.
	 */
	private function hand_over_answers(): void {
		if ( null === $this->first_paint ) {
			return;
		}
		$script = $this->first_paint->middleware_script();
		if ( wp_script_is( 'wp-api-fetch', 'done' ) ) {
			wp_print_inline_script_tag( $script );
			return;
		}
		wp_add_inline_script( 'wp-api-fetch', $script, 'after' );
	}

	/**
	 * The app opens on the Insights tab (`&view=insights`): no rows to print then.
	 */
	private function opens_insights(): bool {
		return isset( $_GET['view'] ) && 'insights' === $_GET['view']; // phpcs:ignore WordPress.Security.NonceVerification.Recommended
	}

	public function enqueue( string $hook_suffix ): void {
		if ( ! in_array( $hook_suffix, $this->hook_suffixes, true ) ) {
			return;
		}
		$this->use_requested_generation();
		( new SourceSwitcher() )->enqueue_middleware();
		$asset_file = DM_JOBS_DIR . '/build/index.asset.php';
		if ( ! is_readable( $asset_file ) ) {
			add_action( 'admin_notices', array( $this, 'missing_build_notice' ) );
			return;
		}
		$asset = require $asset_file;

		// The first page, counts and filter options of the URL's view, answered within this request.
		$query_args        = wp_unslash( $_GET ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended
		$this->first_paint = new FirstPaint( is_array( $query_args ) ? $query_args : array() );
		$config            = $this->config() + array( 'firstPaint' => $this->first_paint->config() );
		$this->send_head_early();

		// Heavy packages (wp-components) are not dependencies: the app loads them where it uses them.
		$dependencies = array_values( array_diff( $asset['dependencies'], self::DEFERRED_HANDLES ) );
		$this->date_locale = DateLocale::for_locale( $config['locale'] );
		if ( null !== $this->date_locale && $this->date_locale->needs_script() ) {
			$this->register_date_locale( $this->date_locale );
			$dependencies[] = self::DATE_LOCALE_HANDLE;
		}
		wp_enqueue_script(
			self::SCRIPT_HANDLE,
			plugins_url( 'build/index.js', DM_JOBS_FILE ),
			$dependencies,
			$asset['version'],
			array(
				'in_footer' => true,
				'strategy'  => 'defer',
			)
		);
		wp_add_inline_script( self::SCRIPT_HANDLE, 'window.dmJobsConfig = ' . wp_json_encode( $config ) . ';', 'before' );
		wp_set_script_translations( self::SCRIPT_HANDLE, 'dm-jobs', DM_JOBS_DIR . '/languages' );
		( new DeferredScripts( self::DEFERRED_HANDLES ) )->register();
		( new DeferredScripts( self::AFTER_TAKEOVER_HANDLES, DeferredScripts::AFTER_TAKEOVER_TEMPLATE_ID, true ) )->register();

		foreach ( array( 'index.css', 'style-index.css' ) as $stylesheet ) {
			if ( is_readable( DM_JOBS_DIR . '/build/' . $stylesheet ) ) {
				wp_enqueue_style( self::SCRIPT_HANDLE . '-' . basename( $stylesheet, '.css' ), plugins_url( 'build/' . $stylesheet, DM_JOBS_FILE ), array(), $asset['version'] );
			}
		}
	}

	/**
	 * What the first rows wait for in the head, cut to what this screen uses: core prints the theme's font
	 * faces on every admin screen (for the block editor; with a block theme's style variations about 44 KB
	 * and 30–45 ms of theme.json work before the head's scripts are written), which nothing on this screen
	 * uses; jQuery waits until after the rows (JqueryAfterFirstRows); and the head is flushed when it is
	 * complete, so the browser fetches the stylesheets while the rest of the page is built (PHP sends output
	 * in 4 KB chunks by default).
	 */
	private function send_head_early(): void {
		remove_action( 'admin_print_styles', 'wp_print_font_faces', 50 );
		remove_action( 'admin_print_styles', 'wp_print_font_faces_from_style_variations', 50 );
		add_action( 'admin_head', array( $this, 'flush_head' ), PHP_INT_MAX );
		$this->jquery = new JqueryAfterFirstRows();
		$this->jquery->register();
	}

	public function flush_head(): void {
		$this->jquery?->release();
		flush();
		$this->jquery?->hold();
	}

	/**
	 * The script of the site's date-fns locale (build/date-locales/<code>.js), which the app reads before
	 * it renders.
	 */
	private function register_date_locale( DateLocale $locale ): void {
		$asset_file = DM_JOBS_DIR . '/build/date-locales/' . $locale->code . '.asset.php';
		$asset      = is_readable( $asset_file ) ? require $asset_file : array( 'version' => DM_JOBS_VERSION );
		wp_register_script(
			self::DATE_LOCALE_HANDLE,
			plugins_url( 'build/date-locales/' . $locale->code . '.js', DM_JOBS_FILE ),
			array(),
			$asset['version'],
			array(
				'in_footer' => true,
				'strategy'  => 'defer',
			)
		);
	}

	/**
	 * @return array{name: string, offsetMinutes: int}
	 */
	private function timezone(): array {
		$timezone = wp_timezone();
		$offset   = $timezone->getOffset( new \DateTimeImmutable( 'now', $timezone ) );
		$name     = $timezone->getName();
		return array(
			// Offsets such as "+05:30" are not IANA names; the app then uses offsetMinutes.
			'name'          => preg_match( '/^[+-]\d{2}:\d{2}$/', $name ) ? '' : $name,
			'offsetMinutes' => intdiv( $offset, 60 ),
		);
	}

	public function missing_build_notice(): void {
		printf(
			'<div class="notice notice-error"><p>%s</p></div>',
			esc_html__( 'DM Jobs: the JavaScript build is missing. Run "npm run build" in the plugin folder.', 'dm-jobs' )
		);
	}

	/**
	 * Boot data for the React app.
	 *
	 * @return array<string, mixed>
	 */
	private function config(): array {
		return array(
			'restNamespace'     => ApiNamespace::NAME,
			'timezone'          => $this->timezone(),
			// The language the screen is shown in (as its translations): dates and numbers follow it.
			'locale'            => determine_locale(),
			'pipelinesUrl'      => Plugin::data_machine_active() && null !== Adapters::primary()->menu()->pipelines ? admin_url( 'admin.php?page=' . Adapters::primary()->menu()->pipelines ) : null,
			'generation'        => Adapters::using_primary() ? null : Adapters::current()->key(),
			'docsUrl'           => self::DOCS_URL,
			'dataMachineActive' => Plugin::data_machine_active(),
			'integration'       => \DMJobs\Runs\ScreenIntegration::config(),
			'version'           => DM_JOBS_VERSION,
		);
	}

	/**
	 * The screen reads the generation the URL names (`&generation=dm`: the older jobs of a site that
	 * upgraded Data Machine); its REST requests carry it too (SourceSwitcher's api-fetch middleware).
	 */
	private function use_requested_generation(): void {
		$requested = isset( $_GET['generation'] ) ? sanitize_key( wp_unslash( $_GET['generation'] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification.Recommended
		Adapters::use( in_array( $requested, Adapters::available_keys(), true ) ? $requested : null );
	}

	/**
	 * The parent menu slug Data Machine registered its pages under, if it is active: the menu that holds
	 * its Jobs or Pipelines page (v0.1: dm-*, today: datamachine-*).
	 */
	private function data_machine_parent_slug( MenuSlugs $menu ): ?string {
		global $submenu;
		$ours = array_filter( array( $menu->jobs, $menu->pipelines ) );
		if ( '' === $menu->prefix ) {
			return null; // Standalone: no Data Machine menu to join.
		}
		foreach ( (array) $submenu as $parent => $items ) {
			foreach ( (array) $items as $item ) {
				if ( isset( $item[2] ) && in_array( $item[2], $ours, true ) && self::SLUG !== $parent && '' !== $parent ) {
					return (string) $parent;
				}
			}
		}
		return null;
	}
}
