<?php
/**
 * On a site that upgraded Data Machine, today's jobs (datamachine_* tables) are shown and the older
 * jobs (dm_* tables, which Data Machine does not migrate) are a second source: a clearly labelled
 * switcher above the screen, and an api-fetch middleware that adds `generation` to every dm-jobs/v1
 * request of the screen showing the older source.
 *
 * @package DMJobs
 */

namespace DMJobs\Admin;

use DMJobs\DataMachine\Adapters;
use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\GenerationParam;

defined( 'ABSPATH' ) || exit;

final class SourceSwitcher {

	/**
	 * Prints the switcher when the site has more than one source.
	 */
	public function render(): void {
		$sources = Adapters::available();
		if ( count( $sources ) < 2 ) {
			return;
		}
		$current = Adapters::current()->key();
		$primary = Adapters::primary()->key();
		$page    = isset( $_GET['page'] ) ? sanitize_key( wp_unslash( $_GET['page'] ) ) : AdminPage::SLUG; // phpcs:ignore WordPress.Security.NonceVerification.Recommended
		$links   = array();
		foreach ( $sources as $source ) {
			$args  = array( 'page' => $page ) + ( $source->key() === $primary ? array() : array( GenerationParam::NAME => $source->key() ) );
			$label = $source->key() === $primary
				? $source->label()
				/* translators: %s: the older Data Machine generation, e.g. "Data Machine 0.1 (dm_ tables)". */
				: sprintf( __( 'Older jobs: %s', 'dm-jobs' ), $source->label() );
			$links[] = $source->key() === $current
				? sprintf( '<strong aria-current="page">%s</strong>', esc_html( $label ) )
				: sprintf( '<a href="%s">%s</a>', esc_url( add_query_arg( $args, admin_url( 'admin.php' ) ) ), esc_html( $label ) );
		}
		printf(
			'<nav class="dm-jobs-sources" aria-label="%s"><span>%s</span> %s</nav>',
			esc_attr__( 'Job source', 'dm-jobs' ),
			esc_html__( 'Jobs from:', 'dm-jobs' ),
			implode( ' | ', $links ) // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built from escaped parts above.
		);
	}

	/**
	 * When the screen shows a secondary source, every dm-jobs/v1 request asks for it.
	 */
	public function enqueue_middleware(): void {
		if ( Adapters::using_primary() ) {
			return;
		}
		$script = sprintf(
			'wp.apiFetch.use( function ( options, next ) { var target = options.path || options.url || ""; if ( target.indexOf( %1$s ) !== -1 && target.indexOf( %2$s ) === -1 ) { var glue = target.indexOf( "?" ) === -1 ? "?" : "&"; var extra = %2$s + "=" + %3$s; if ( options.path ) { options = Object.assign( {}, options, { path: options.path + glue + extra } ); } else { options = Object.assign( {}, options, { url: options.url + glue + extra } ); } } return next( options ); } );',
			wp_json_encode( ApiNamespace::NAME ),
			wp_json_encode( GenerationParam::NAME ),
			wp_json_encode( Adapters::current()->key() )
		);
		wp_add_inline_script( 'wp-api-fetch', $script, 'after' );
	}
}
