<?php
/**
 * The jobs view the admin page's query string describes (filters, sort, page), read exactly as the app
 * reads it (src/utils/view-url.ts `viewFromSearch`), and the REST request the app sends for it
 * (src/shared/api/jobs-api.ts). The first page is preloaded under that request's path, so both sides
 * must agree to the character: the e2e tests check the app then makes no request for it.
 *
 * @package DMJobs
 */

namespace DMJobs\Admin;

use DMJobs\Status\BaseStatus;

defined( 'ABSPATH' ) || exit;

final class JobsView {

	public const ORDER_BY          = array( 'job_id', 'created_at', 'completed_at', 'status', 'pipeline', 'flow', 'duration' );
	public const PER_PAGE_OPTIONS  = array( 20, 50, 100 );
	public const DEFAULT_PER_PAGE  = 20;
	public const MAX_SEARCH_LENGTH = 200;
	public const PRESET_SECONDS    = array(
		'24h' => DAY_IN_SECONDS,
		'7d'  => 7 * DAY_IN_SECONDS,
		'30d' => 30 * DAY_IN_SECONDS,
	);

	private const ISO_DATE_TIME = '/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i';

	/**
	 * @param int         $page        1-based page.
	 * @param int         $per_page    20, 50 or 100.
	 * @param string[]    $statuses    Base statuses in BaseStatus order.
	 * @param int|null    $pipeline_id Pipeline filter.
	 * @param int|null    $flow_id     Flow filter.
	 * @param string      $search      Search term.
	 * @param string|null $after       ISO 8601 UTC, seconds.
	 * @param string|null $before      ISO 8601 UTC, seconds.
	 * @param string      $orderby     One of ORDER_BY.
	 * @param string      $order       asc or desc.
	 * @param string      $range       any, 24h, 7d, 30d or custom.
	 */
	public function __construct(
		public readonly int $page = 1,
		public readonly int $per_page = self::DEFAULT_PER_PAGE,
		public readonly array $statuses = array(),
		public readonly ?int $pipeline_id = null,
		public readonly ?int $flow_id = null,
		public readonly string $search = '',
		public readonly ?string $after = null,
		public readonly ?string $before = null,
		public readonly string $orderby = 'job_id',
		public readonly string $order = 'desc',
		public readonly string $range = 'any',
	) {
	}

	/**
	 * Reads the view from the page's query arguments (unslashed), ignoring invalid values.
	 *
	 * @param array<string, mixed> $args Query arguments, e.g. wp_unslash( $_GET ).
	 * @param int                  $now  Reference time of the preset ranges ("last 7 days").
	 */
	public static function from_query( array $args, int $now ): self {
		$read = static fn ( string $name ): ?string => isset( $args[ $name ] ) && is_string( $args[ $name ] ) ? $args[ $name ] : null;

		$statuses = array();
		if ( null !== $read( 'status' ) ) {
			$asked    = array_map( static fn ( string $part ): string => strtolower( trim( $part ) ), explode( ',', (string) $read( 'status' ) ) );
			$statuses = array_values( array_filter( BaseStatus::values(), static fn ( string $status ): bool => in_array( $status, $asked, true ) ) );
		}
		$orderby  = in_array( $read( 'orderby' ), self::ORDER_BY, true ) ? (string) $read( 'orderby' ) : 'job_id';
		$per_page = (int) ( $read( 'per_page' ) ?? 0 );
		$search   = trim( (string) ( $read( 's' ) ?? '' ) );
		$common   = array(
			'page'        => self::read_id( $read( 'paged' ) ) ?? 1,
			'per_page'    => in_array( $per_page, self::PER_PAGE_OPTIONS, true ) && (string) $per_page === trim( (string) $read( 'per_page' ) ) ? $per_page : self::DEFAULT_PER_PAGE,
			'statuses'    => $statuses,
			'pipeline_id' => self::read_id( $read( 'pipeline' ) ),
			'flow_id'     => self::read_id( $read( 'flow' ) ),
			'search'      => trim( mb_substr( $search, 0, self::MAX_SEARCH_LENGTH ) ),
			'orderby'     => $orderby,
			'order'       => 'asc' === $read( 'order' ) ? 'asc' : 'desc',
		);

		$range = (string) ( $read( 'range' ) ?? '' );
		if ( isset( self::PRESET_SECONDS[ $range ] ) ) {
			return new self( ...$common, after: self::iso( $now - self::PRESET_SECONDS[ $range ] ), before: null, range: $range );
		}
		$after  = self::normalize_date_time( $read( 'after' ) );
		$before = self::normalize_date_time( $read( 'before' ) );
		if ( 'custom' === $range || null !== $after || null !== $before ) {
			return new self( ...$common, after: $after, before: $before, range: 'custom' );
		}
		return new self( ...$common );
	}

	/**
	 * The parameters of GET /jobs for this view, as the app sends them.
	 *
	 * @return array<string, string|int>
	 */
	public function rest_params(): array {
		$params = array(
			'page'     => $this->page,
			'per_page' => $this->per_page,
			'orderby'  => $this->orderby,
			'order'    => $this->order,
		);
		return $params + $this->filter_params();
	}

	/**
	 * Only the filters (what counts and the live poll send).
	 *
	 * @return array<string, string|int>
	 */
	public function filter_params(): array {
		$params = array();
		if ( $this->statuses ) {
			$params['status'] = implode( ',', $this->statuses );
		}
		if ( null !== $this->pipeline_id ) {
			$params['pipeline_id'] = $this->pipeline_id;
		}
		if ( null !== $this->flow_id ) {
			$params['flow_id'] = $this->flow_id;
		}
		if ( '' !== $this->search ) {
			$params['search'] = $this->search;
		}
		if ( null !== $this->after ) {
			$params['after'] = $this->after;
		}
		if ( null !== $this->before ) {
			$params['before'] = $this->before;
		}
		return $params;
	}

	/**
	 * The admin page URL of this view with some parts changed (for links that work without JavaScript),
	 * written the way the app writes it: values equal to the default are left out.
	 *
	 * @param array<string, mixed> $changes page, orderby, order.
	 */
	public function admin_url( array $changes = array() ): string {
		$page    = (int) ( $changes['page'] ?? $this->page );
		$orderby = (string) ( $changes['orderby'] ?? $this->orderby );
		$order   = (string) ( $changes['order'] ?? $this->order );
		$args    = array( 'page' => AdminPage::SLUG );
		if ( $this->statuses ) {
			$args['status'] = implode( ',', $this->statuses );
		}
		if ( null !== $this->pipeline_id ) {
			$args['pipeline'] = $this->pipeline_id;
		}
		if ( null !== $this->flow_id ) {
			$args['flow'] = $this->flow_id;
		}
		if ( 'any' !== $this->range ) {
			$args['range'] = $this->range;
		}
		if ( 'custom' === $this->range ) {
			if ( null !== $this->after ) {
				$args['after'] = $this->after;
			}
			if ( null !== $this->before ) {
				$args['before'] = $this->before;
			}
		}
		if ( '' !== $this->search ) {
			$args['s'] = $this->search;
		}
		if ( 'job_id' !== $orderby ) {
			$args['orderby'] = $orderby;
		}
		if ( 'desc' !== $order ) {
			$args['order'] = $order;
		}
		if ( $page > 1 ) {
			$args['paged'] = $page;
		}
		if ( self::DEFAULT_PER_PAGE !== $this->per_page ) {
			$args['per_page'] = $this->per_page;
		}
		return add_query_arg( array_map( 'rawurlencode', array_map( 'strval', $args ) ), admin_url( 'admin.php' ) );
	}

	/**
	 * A REST path with its query written the way api-fetch's addQueryArgs writes it.
	 *
	 * @param string                    $route  e.g. "/dm-jobs/v1/jobs".
	 * @param array<string, string|int> $params Query parameters.
	 */
	public static function rest_path( string $route, array $params ): string {
		if ( ! $params ) {
			return $route;
		}
		$pairs = array();
		foreach ( $params as $name => $value ) {
			$pairs[] = rawurlencode( (string) $name ) . '=' . rawurlencode( (string) $value );
		}
		return $route . '?' . implode( '&', $pairs );
	}

	private static function read_id( ?string $value ): ?int {
		if ( null === $value || ! preg_match( '/^[1-9]\d{0,15}$/', trim( $value ) ) ) {
			return null;
		}
		$id = (int) trim( $value );
		// JavaScript's Number.MAX_SAFE_INTEGER.
		return $id <= 9007199254740991 ? $id : null;
	}

	private static function normalize_date_time( ?string $value ): ?string {
		if ( null === $value ) {
			return null;
		}
		$trimmed = trim( $value );
		if ( ! preg_match( self::ISO_DATE_TIME, $trimmed ) ) {
			return null;
		}
		try {
			$date = new \DateTimeImmutable( $trimmed );
		} catch ( \Exception $e ) {
			return null;
		}
		return self::iso( $date->getTimestamp() );
	}

	private static function iso( int $timestamp ): string {
		return gmdate( 'Y-m-d\TH:i:s\Z', $timestamp );
	}
}
