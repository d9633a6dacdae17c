<?php
/**
 * Alerts as wp-admin notices for users who can manage jobs: one per firing alert (linking to the
 * filtered Jobs list), one per alert resolved in the last day, each dismissible per user (a
 * dismissed notice comes back only when the alert fires again). When the rules are on but have not
 * been evaluated for a while, a notice says that WP-Cron does not seem to run: that one needs no cron.
 *
 * @package DMJobs
 */

namespace DMJobs\Alerts;

use DMJobs\Shared\Rest\ApiNamespace;
use DMJobs\Shared\Rest\Permission;

defined( 'ABSPATH' ) || exit;

final class AlertNotices {

	public const USER_META      = 'dm_jobs_dismissed_alerts';
	public const TOKEN_PATTERN  = '^[a-z_]+:[a-z0-9_:-]+@[0-9]+(:resolved)?$';
	private const SCRIPT_HANDLE = 'dm-jobs-alert-notices';

	public function __construct(
		private readonly AlertState $state = new AlertState(),
		private readonly AlertSettings $settings = new AlertSettings(),
	) {
	}

	public function register(): void {
		add_action( 'admin_notices', array( $this, 'render' ) );
	}

	/**
	 * The notices the current user should see now.
	 *
	 * @return array<int, array{token: string, type: string, title: string, message: string, url: string|null}>
	 */
	public function for_user( int $user_id, int $now ): array {
		$state     = $this->state->get();
		$dismissed = $this->dismissed( $user_id );
		$notices   = array();
		foreach ( $state['rules'] as $rule => $slot ) {
			foreach ( $slot['active'] as $key => $entry ) {
				$token = $key . '@' . (int) $entry['since'];
				if ( isset( $dismissed[ $token ] ) ) {
					continue;
				}
				$alert     = Alert::from_array( $entry['alert'] );
				$notices[] = array(
					'token'   => $token,
					'type'    => 'error',
					'title'   => $alert->title,
					'message' => $alert->message,
					'url'     => $alert->list_query ? $alert->list_url() : null,
				);
			}
			foreach ( $slot['resolved'] as $key => $entry ) {
				$token = $key . '@' . (int) $entry['since'] . ':resolved';
				if ( isset( $dismissed[ $token ] ) || empty( $entry['notified'] ) ) {
					continue;
				}
				$alert     = Alert::from_array( $entry['alert'] );
				$notices[] = array(
					'token'   => $token,
					'type'    => 'success',
					/* translators: %s: the alert's title */
					'title'   => sprintf( __( 'Resolved: %s', 'dm-jobs' ), $alert->title ),
					'message' => '',
					'url'     => null,
				);
			}
		}
		$rules = $this->settings->get()['rules'];
		if ( array_filter( array_column( $rules, 'enabled' ) ) ) {
			$last  = $state['last_evaluated_at'];
			$limit = max( 3 * AlertScheduler::INTERVAL, $rules['refresh_stale']['minutes'] * MINUTE_IN_SECONDS );
			if ( null !== $last && $now - $last > $limit ) {
				$notices[] = array(
					'token'   => '',
					'type'    => 'warning',
					'title'   => sprintf(
						/* translators: %d: minutes */
						__( 'Alert rules have not been evaluated for %d minutes: WP-Cron does not seem to run.', 'dm-jobs' ),
						(int) floor( ( $now - $last ) / MINUTE_IN_SECONDS )
					),
					'message' => '',
					'url'     => null,
				);
			}
		}
		return $notices;
	}

	public function render(): void {
		if ( ! current_user_can( Permission::capability() ) ) {
			return;
		}
		$notices = $this->for_user( get_current_user_id(), time() );
		if ( ! $notices ) {
			return;
		}
		foreach ( $notices as $notice ) {
			printf(
				'<div class="notice notice-%1$s dm-jobs-alert-notice%2$s" data-dm-jobs-alert="%3$s"><p><strong>%4$s</strong> %5$s',
				esc_attr( $notice['type'] ),
				'' === $notice['token'] ? '' : ' is-dismissible',
				esc_attr( $notice['token'] ),
				esc_html__( 'DM Jobs:', 'dm-jobs' ),
				esc_html( $notice['title'] )
			);
			if ( '' !== $notice['message'] ) {
				echo ' ' . esc_html( $notice['message'] );
			}
			if ( null !== $notice['url'] ) {
				printf( ' <a href="%1$s">%2$s</a>', esc_url( $notice['url'] ), esc_html__( 'Show these jobs', 'dm-jobs' ) );
			}
			echo '</p></div>';
		}
		$this->print_dismiss_script();
	}

	/**
	 * Remembers that a user hid a notice; forgets hidden notices of alerts that are gone.
	 */
	public function dismiss( int $user_id, string $token ): void {
		$dismissed           = $this->dismissed( $user_id );
		$dismissed[ $token ] = time();
		$current             = array();
		foreach ( $this->for_user( $user_id, time() ) as $notice ) {
			$current[ $notice['token'] ] = true;
		}
		$live = array_filter(
			$dismissed,
			static fn ( int $at, string $key ): bool => isset( $current[ $key ] ) || $key === $token || time() - $at < DAY_IN_SECONDS,
			ARRAY_FILTER_USE_BOTH
		);
		update_user_meta( $user_id, self::USER_META, $live );
	}

	/**
	 * @return array<string, int> token => when it was hidden
	 */
	private function dismissed( int $user_id ): array {
		$stored = get_user_meta( $user_id, self::USER_META, true );
		return is_array( $stored ) ? array_map( 'intval', $stored ) : array();
	}

	/**
	 * WordPress's dismiss button only hides the notice in the page: tell the server, too.
	 */
	private function print_dismiss_script(): void {
		wp_register_script( self::SCRIPT_HANDLE, false, array(), DM_JOBS_VERSION, array( 'in_footer' => true ) );
		wp_enqueue_script( self::SCRIPT_HANDLE );
		$config = array(
			'url'   => rest_url( ApiNamespace::NAME . '/alerts/dismiss' ),
			'nonce' => wp_create_nonce( 'wp_rest' ),
		);
		$script = 'document.addEventListener("click",function(e){var b=e.target&&e.target.closest&&e.target.closest(".dm-jobs-alert-notice .notice-dismiss");if(!b){return;}var n=b.closest(".dm-jobs-alert-notice");var c=' . wp_json_encode( $config ) . ';'
			. 'fetch(c.url,{method:"POST",credentials:"same-origin",headers:{"Content-Type":"application/json","X-WP-Nonce":c.nonce},body:JSON.stringify({key:n.getAttribute("data-dm-jobs-alert")})});});';
		wp_add_inline_script( self::SCRIPT_HANDLE, $script );
	}
}
