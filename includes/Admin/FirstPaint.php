<?php
/**
 * What the Jobs screen needs before any script runs, the way core's block editor does it: the first page
 * of the URL's view, its total, the status counts and the filter options are answered inside the page
 * request (`rest_preload_api_request`) and handed to api-fetch's preloading middleware, so the app asks
 * the server for nothing on boot; and the first rows are printed as HTML (FirstRowsMarkup) so they show
 * before the scripts arrive.
 *
 * @package DMJobs
 */

namespace DMJobs\Admin;

use DMJobs\Jobs\ChangeToken;
use DMJobs\Shared\Rest\ApiNamespace;

defined( 'ABSPATH' ) || exit;

final class FirstPaint {

	/**
	 * @var array<string, array{body: mixed, headers: array<string, string>}>|null
	 */
	private ?array $preloaded = null;

	private ?string $change_token = null;

	/**
	 * @var array<string, true> Paths answered so far.
	 */
	private array $answered = array();

	public readonly JobsView $view;

	public readonly int $now;

	/**
	 * @param array<string, mixed> $query_args The page's query arguments (unslashed).
	 * @param int|null             $now        The moment the page is rendered.
	 */
	public function __construct( array $query_args, ?int $now = null ) {
		$this->now  = $now ?? time();
		$this->view = JobsView::from_query( $query_args, $this->now );
	}

	/**
	 * The REST paths the app asks for on boot, written as it writes them.
	 *
	 * @return array<string, string> purpose => path
	 */
	public function paths(): array {
		$namespace = '/' . ApiNamespace::NAME;
		$flows     = null === $this->view->pipeline_id ? array() : array( 'pipeline_id' => $this->view->pipeline_id );
		$paths     = array(
			'list'      => JobsView::rest_path( $namespace . '/jobs', $this->view->rest_params() ),
			'counts'    => $namespace . '/jobs/counts',
			'pipelines' => $namespace . '/pipelines',
			'flows'     => JobsView::rest_path( $namespace . '/flows', $flows ),
		);
		// The live poll's first question: the newest job of the view.
		$newest = JobsView::rest_path(
			$namespace . '/jobs',
			array(
				'page'     => 1,
				'per_page' => 1,
				'orderby'  => 'job_id',
				'order'    => 'desc',
			) + $this->view->filter_params()
		);
		if ( $newest !== $paths['list'] ) {
			$paths['newest'] = $newest;
		}
		return $paths;
	}

	/**
	 * The answers, keyed by path (only successful ones: a view the API refuses is left to the app,
	 * which shows the error as it would after any request).
	 *
	 * @return array<string, array{body: mixed, headers: array<string, string>}>
	 */
	public function preloaded(): array {
		foreach ( $this->paths() as $path ) {
			$this->preload( $path );
		}
		return (array) $this->preloaded;
	}

	/**
	 * Answers one path (once), after taking the change token.
	 */
	private function preload( string $path ): void {
		$this->change_token();
		if ( ! isset( $this->answered[ $path ] ) ) {
			$this->preloaded          = rest_preload_api_request( (array) $this->preloaded, $path );
			$this->answered[ $path ] = true;
		}
	}

	/**
	 * The live poll's starting token, taken before any answer, so a change made meanwhile shows at the
	 * first poll.
	 */
	private function change_token(): string {
		$this->change_token ??= ( new ChangeToken() )->current();
		return $this->change_token;
	}

	/**
	 * The first page's answer, or null when the API refused the view.
	 *
	 * @return array{items: array<int, array<string, mixed>>, total: int, total_pages: int, exact: bool}|null
	 */
	public function first_page(): ?array {
		$list = $this->paths()['list'];
		$this->preload( $list );
		$answer = $this->preloaded[ $list ] ?? null;
		if ( ! is_array( $answer ) || ! is_array( $answer['body'] ) ) {
			return null;
		}
		$headers = array_change_key_case( (array) $answer['headers'], CASE_LOWER );
		return array(
			'items'       => array_values( $answer['body'] ),
			'total'       => (int) ( $headers['x-wp-total'] ?? count( $answer['body'] ) ),
			'total_pages' => (int) ( $headers['x-wp-totalpages'] ?? 1 ),
			'exact'       => '0' !== (string) ( $headers['x-dm-jobs-total-exact'] ?? '1' ),
		);
	}

	/**
	 * Boot data for the app about the first paint: when it was rendered (preset date ranges are
	 * measured from then, so the app asks for the same bounds) and the live poll's starting token.
	 *
	 * @return array{renderedAt: string, changeToken: string}
	 */
	public function config(): array {
		return array(
			'renderedAt'  => gmdate( 'Y-m-d\TH:i:s\Z', $this->now ),
			'changeToken' => $this->change_token(),
		);
	}

	/**
	 * The inline script that hands the answers to api-fetch (as core's editor does).
	 */
	public function middleware_script(): string {
		return sprintf( 'wp.apiFetch.use( wp.apiFetch.createPreloadingMiddleware( %s ) );', wp_json_encode( (object) $this->preloaded() ) );
	}
}
