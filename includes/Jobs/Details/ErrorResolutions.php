<?php
/**
 * Known error codes with suggested resolution steps and documentation links.
 *
 * Other plugins add or change entries through the `dm_jobs_error_resolutions` filter:
 *
 *     add_filter( 'dm_jobs_error_resolutions', function ( array $registry ): array {
 *         $registry['my_api_quota'] = array(
 *             'title'    => __( 'My API quota is used up', 'my-plugin' ),
 *             'steps'    => array( __( 'Wait until the quota resets at midnight UTC.', 'my-plugin' ) ),
 *             'links'    => array( array( 'label' => 'Quota docs', 'url' => 'https://example.com/quota' ) ),
 *             'aliases'  => array( 'quota_exceeded' ),          // Other codes that mean the same.
 *             'patterns' => array( '/quota (is )?exceeded/i' ), // Matched against the error message.
 *         );
 *         return $registry;
 *     } );
 *
 * A job's code is looked up first (its failure reason, engine_data error_code, status reason), then the
 * patterns are tried against its error message and its last error log line. Unknown errors get general advice.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Details;

use DMJobs\Admin\AdminPage;

defined( 'ABSPATH' ) || exit;

final class ErrorResolutions {

	private const WP_DEBUG_DOCS = 'https://developer.wordpress.org/advanced-administration/debug/debug-wordpress/';
	private const HTTP_STATUS   = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/';
	private const CURL_ERRORS   = 'https://curl.se/libcurl/c/libcurl-errors.html';

	/**
	 * The registry after the filter, validated.
	 *
	 * @return array<string, array{title: string, steps: string[], links: array<int, array{label: string, url: string}>, aliases: string[], patterns: string[]}>
	 */
	public function registry(): array {
		/**
		 * Filters the known error codes and their suggested resolutions.
		 *
		 * @param array<string, array> $registry code => { title, steps[], links[{label,url}], aliases[], patterns[] }.
		 */
		$filtered = apply_filters( 'dm_jobs_error_resolutions', $this->defaults() );
		$registry = array();
		foreach ( is_array( $filtered ) ? $filtered : array() as $code => $entry ) {
			$clean = $this->clean_entry( $entry );
			if ( null !== $clean && is_string( $code ) && '' !== $code ) {
				$registry[ self::normalise_code( $code ) ] = $clean;
			}
		}
		return $registry;
	}

	/**
	 * The resolution for a failure: from its codes first, then from its messages; general advice otherwise.
	 *
	 * @param array<int, mixed> $codes    Candidate codes, most specific first (nulls are skipped).
	 * @param array<int, mixed> $messages Candidate messages (error message, last error log line).
	 * @return array{code: string|null, known: bool, title: string, steps: string[], links: array<int, array{label: string, url: string}>, matched_by: string|null}
	 */
	public function resolve( array $codes, array $messages ): array {
		$registry = $this->registry();
		$aliases  = array();
		foreach ( $registry as $code => $entry ) {
			foreach ( $entry['aliases'] as $alias ) {
				$aliases[ self::normalise_code( $alias ) ] = $code;
			}
		}

		foreach ( $codes as $candidate ) {
			if ( ! is_scalar( $candidate ) || '' === trim( (string) $candidate ) ) {
				continue;
			}
			$code = self::normalise_code( (string) $candidate );
			$code = isset( $registry[ $code ] ) ? $code : ( $aliases[ $code ] ?? self::family( $code, $registry ) );
			if ( null !== $code && isset( $registry[ $code ] ) ) {
				return $this->answer( $code, $registry[ $code ], 'code' );
			}
		}

		foreach ( $messages as $message ) {
			if ( ! is_string( $message ) || '' === $message ) {
				continue;
			}
			$message = mb_substr( $message, 0, 4000 );
			foreach ( $registry as $code => $entry ) {
				foreach ( $entry['patterns'] as $pattern ) {
					if ( 1 === @preg_match( $pattern, $message ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- patterns come from filters.
						return $this->answer( $code, $entry, 'message' );
					}
				}
			}
		}

		$first_code = null;
		foreach ( $codes as $candidate ) {
			if ( is_scalar( $candidate ) && '' !== trim( (string) $candidate ) ) {
				$first_code = self::normalise_code( (string) $candidate );
				break;
			}
		}
		return array(
			'code'       => $first_code,
			'known'      => false,
			'title'      => __( 'No specific advice for this error yet', 'dm-jobs' ),
			'steps'      => array(
				__( 'Read the error message and the stack trace above: the first line usually names the step and the call that failed.', 'dm-jobs' ),
				__( 'Filter the job log to "error" and "warning" to see what happened just before the failure.', 'dm-jobs' ),
				__( 'Check the configuration results below: a missing handler setting or credential is the most common cause.', 'dm-jobs' ),
				__( 'Run the flow once more by hand. If it fails the same way, turn on WP_DEBUG_LOG and look at wp-content/debug.log for PHP errors at that time.', 'dm-jobs' ),
			),
			'links'      => array(
				array(
					'label' => __( 'Debugging in WordPress', 'dm-jobs' ),
					'url'   => self::WP_DEBUG_DOCS,
				),
				array(
					'label' => __( 'Data Machine documentation', 'dm-jobs' ),
					'url'   => AdminPage::DOCS_URL,
				),
			),
			'matched_by' => null,
		);
	}

	/**
	 * "HTTP 500", "http-500", "Rate Limited" → "http_500", "rate_limited".
	 */
	public static function normalise_code( string $code ): string {
		return trim( (string) preg_replace( '/[^a-z0-9]+/', '_', strtolower( trim( $code ) ) ), '_' );
	}

	/**
	 * http_5NN → http_5xx, curl_28 → the entry listing curl_28, when the registry has them.
	 *
	 * @param array<string, mixed> $registry
	 */
	private static function family( string $code, array $registry ): ?string {
		if ( preg_match( '/^http_5\d\d$/', $code ) && isset( $registry['http_5xx'] ) ) {
			return 'http_5xx';
		}
		if ( preg_match( '/^http_4\d\d$/', $code ) && isset( $registry['http_4xx'] ) ) {
			return 'http_4xx';
		}
		return null;
	}

	/**
	 * @param array{title: string, steps: string[], links: array<int, array{label: string, url: string}>} $entry
	 * @return array{code: string, known: bool, title: string, steps: string[], links: array<int, array{label: string, url: string}>, matched_by: string}
	 */
	private function answer( string $code, array $entry, string $matched_by ): array {
		return array(
			'code'       => $code,
			'known'      => true,
			'title'      => $entry['title'],
			'steps'      => $entry['steps'],
			'links'      => $entry['links'],
			'matched_by' => $matched_by,
		);
	}

	/**
	 * @return array{title: string, steps: string[], links: array<int, array{label: string, url: string}>, aliases: string[], patterns: string[]}|null
	 */
	private function clean_entry( mixed $entry ): ?array {
		if ( ! is_array( $entry ) || ! isset( $entry['title'] ) || ! is_string( $entry['title'] ) || '' === trim( $entry['title'] ) ) {
			return null;
		}
		$strings = static fn ( mixed $list ): array => array_values(
			array_filter(
				is_array( $list ) ? $list : array(),
				static fn ( mixed $item ): bool => is_string( $item ) && '' !== trim( $item )
			)
		);
		$links   = array();
		foreach ( is_array( $entry['links'] ?? null ) ? $entry['links'] : array() as $link ) {
			if ( ! is_array( $link ) || ! isset( $link['url'] ) || ! is_string( $link['url'] ) ) {
				continue;
			}
			$url = esc_url_raw( $link['url'], array( 'https', 'http' ) );
			if ( '' === $url ) {
				continue;
			}
			$links[] = array(
				'label' => isset( $link['label'] ) && is_string( $link['label'] ) && '' !== trim( $link['label'] ) ? $link['label'] : $url,
				'url'   => $url,
			);
		}
		$patterns = array_values(
			array_filter(
				$strings( $entry['patterns'] ?? array() ),
				static fn ( string $pattern ): bool => false !== @preg_match( $pattern, '' ) // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- invalid patterns are dropped.
			)
		);
		return array(
			'title'    => $entry['title'],
			'steps'    => $strings( $entry['steps'] ?? array() ),
			'links'    => $links,
			'aliases'  => $strings( $entry['aliases'] ?? array() ),
			'patterns' => $patterns,
		);
	}

	/**
	 * @return array<string, array<string, mixed>>
	 */
	private function defaults(): array {
		$wp_debug = array(
			'label' => __( 'Debugging in WordPress', 'dm-jobs' ),
			'url'   => self::WP_DEBUG_DOCS,
		);
		$dm_docs  = array(
			'label' => __( 'Data Machine documentation', 'dm-jobs' ),
			'url'   => AdminPage::DOCS_URL,
		);
		$curl     = array(
			'label' => __( 'cURL error codes', 'dm-jobs' ),
			'url'   => self::CURL_ERRORS,
		);
		$http_api = array(
			'label' => __( 'The WordPress HTTP API', 'dm-jobs' ),
			'url'   => 'https://developer.wordpress.org/plugins/http-api/',
		);

		return array(
			'http_5xx'               => array(
				'title'    => __( 'The remote server failed (HTTP 5xx)', 'dm-jobs' ),
				'steps'    => array(
					__( 'Open the URL the step fetched (see API responses below) in a browser: if it fails there too, the problem is on the other side.', 'dm-jobs' ),
					__( 'Wait and run the flow again: 502, 503 and 504 errors are usually temporary.', 'dm-jobs' ),
					__( 'If it keeps failing, contact the service\'s owner or check its status page.', 'dm-jobs' ),
				),
				'links'    => array(
					array(
						'label' => __( 'HTTP 500 Internal Server Error', 'dm-jobs' ),
						'url'   => self::HTTP_STATUS . '500',
					),
					array(
						'label' => __( 'HTTP 503 Service Unavailable', 'dm-jobs' ),
						'url'   => self::HTTP_STATUS . '503',
					),
				),
				'aliases'  => array( 'server_error', 'bad_gateway', 'service_unavailable', 'gateway_timeout' ),
				'patterns' => array( '/\bHTTP\/?\s*5\d\d\b/i', '/\b5\d\d\s+(Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)\b/i' ),
			),
			'rate_limited'           => array(
				'title'    => __( 'Too many requests: the service is rate limiting this site', 'dm-jobs' ),
				'steps'    => array(
					__( 'Run the flow less often (a longer interval in its schedule) or process fewer items per run.', 'dm-jobs' ),
					__( 'Check your plan or quota with the provider: free tiers often allow only a few requests per minute.', 'dm-jobs' ),
					__( 'If several flows use the same API key, spread their schedules apart.', 'dm-jobs' ),
				),
				'links'    => array(
					array(
						'label' => __( 'HTTP 429 Too Many Requests', 'dm-jobs' ),
						'url'   => self::HTTP_STATUS . '429',
					),
				),
				'aliases'  => array( 'http_429', 'too_many_requests', 'rate_limit', 'quota_exceeded' ),
				'patterns' => array( '/\b429\b/', '/rate[ _-]?limit/i', '/too many requests/i', '/quota (was |is |has been )?exceeded/i' ),
			),
			'timeout'                => array(
				'title'    => __( 'The request timed out', 'dm-jobs' ),
				'steps'    => array(
					__( 'Check that the remote service answers quickly when you open it yourself.', 'dm-jobs' ),
					__( 'Slow feeds and AI requests may need a longer timeout: raise it in the handler settings if it offers one, or with the http_request_timeout filter.', 'dm-jobs' ),
					__( 'If your host limits outgoing requests or PHP execution time, ask them about it.', 'dm-jobs' ),
				),
				'links'    => array( $curl, $http_api ),
				'aliases'  => array( 'curl_28', 'timed_out', 'http_timeout', 'operation_timed_out', 'http_408' ),
				'patterns' => array( '/cURL error 28\b/i', '/timed?[ -]?out/i' ),
			),
			'connection_failed'      => array(
				'title'    => __( 'The site could not connect to the remote server', 'dm-jobs' ),
				'steps'    => array(
					__( 'Check the URL or host name in the step\'s settings for typos.', 'dm-jobs' ),
					__( 'If WP_HTTP_BLOCK_EXTERNAL is set in wp-config.php, add the host to WP_ACCESSIBLE_HOSTS.', 'dm-jobs' ),
					__( 'Ask your host whether outgoing connections or DNS lookups are blocked.', 'dm-jobs' ),
				),
				'links'    => array( $curl, $http_api ),
				'aliases'  => array( 'curl_6', 'curl_7', 'dns', 'connection_refused', 'http_request_failed', 'http_request_blocked' ),
				'patterns' => array( '/cURL error (6|7)\b/i', '/could not resolve host/i', '/connection refused/i', '/blocked requests through HTTP/i' ),
			),
			'ssl_error'              => array(
				'title'    => __( 'A secure (SSL/TLS) connection could not be made', 'dm-jobs' ),
				'steps'    => array(
					__( 'Check that the remote site\'s certificate is valid and not expired.', 'dm-jobs' ),
					__( 'Ask your host to update the server\'s CA certificates and OpenSSL.', 'dm-jobs' ),
				),
				'links'    => array( $curl ),
				'aliases'  => array( 'curl_35', 'curl_60', 'ssl', 'certificate' ),
				'patterns' => array( '/cURL error (35|60)\b/i', '/SSL certificate/i', '/SSL routines/i' ),
			),
			'auth_failed'            => array(
				'title'    => __( 'The service refused the credentials', 'dm-jobs' ),
				'steps'    => array(
					__( 'Reconnect the account or paste a fresh API key / app password in the handler\'s authentication settings.', 'dm-jobs' ),
					__( 'Check that the key has the permissions the step needs (for example, write access for publishing).', 'dm-jobs' ),
					__( 'Keys revoked or expired by the provider look the same: check the provider\'s dashboard.', 'dm-jobs' ),
				),
				'links'    => array(
					array(
						'label' => __( 'HTTP 401 Unauthorized', 'dm-jobs' ),
						'url'   => self::HTTP_STATUS . '401',
					),
					array(
						'label' => __( 'HTTP 403 Forbidden', 'dm-jobs' ),
						'url'   => self::HTTP_STATUS . '403',
					),
				),
				'aliases'  => array( 'http_401', 'http_403', 'unauthorized', 'forbidden', 'invalid_api_key', 'invalid_credentials', 'auth_error' ),
				'patterns' => array( '/\bHTTP\/?\s*40[13]\b/i', '/\b40[13]\s+(Unauthori[sz]ed|Forbidden)\b/i', '/invalid api key|incorrect api key|authentication failed|invalid credentials/i' ),
			),
			'not_found'              => array(
				'title'    => __( 'The remote address does not exist (HTTP 404)', 'dm-jobs' ),
				'steps'    => array(
					__( 'Open the URL from the step\'s settings: the feed or endpoint may have moved.', 'dm-jobs' ),
					__( 'Update the URL in the flow\'s handler settings.', 'dm-jobs' ),
				),
				'links'    => array(
					array(
						'label' => __( 'HTTP 404 Not Found', 'dm-jobs' ),
						'url'   => self::HTTP_STATUS . '404',
					),
				),
				'aliases'  => array( 'http_404' ),
				'patterns' => array( '/\bHTTP\/?\s*404\b/i', '/\b404 Not Found\b/i' ),
			),
			'no_config'              => array(
				'title'    => __( 'A step is missing required settings', 'dm-jobs' ),
				'steps'    => array(
					__( 'Open the flow in Data Machine and complete the handler settings of the step named in the error.', 'dm-jobs' ),
					__( 'See the configuration results below for the settings that are missing or invalid.', 'dm-jobs' ),
					__( 'Credentials (API keys, app passwords) are stored per handler: reconnect it if it was set up on another site.', 'dm-jobs' ),
				),
				'links'    => array( $dm_docs ),
				'aliases'  => array( 'missing_config', 'not_configured', 'handler_not_configured', 'missing_handler', 'invalid_config', 'configuration_error', 'missing_pipeline_context', 'failed_to_load_flow_step_configuration', 'step_type_not_found_in_registry' ),
				'patterns' => array( '/not configured/i', '/missing (app password|api key|credentials?|configuration|settings?)/i', '/no handler/i' ),
			),
			'empty_content'          => array(
				'title'    => __( 'There was nothing to publish', 'dm-jobs' ),
				'steps'    => array(
					__( 'Look at the previous step\'s output in the payload inspector: the AI or fetch step probably returned an empty title or body.', 'dm-jobs' ),
					__( 'Check the AI step\'s prompt and model settings, and the source item itself.', 'dm-jobs' ),
				),
				'links'    => array(
					array(
						'label' => __( 'wp_insert_post() reference', 'dm-jobs' ),
						'url'   => 'https://developer.wordpress.org/reference/functions/wp_insert_post/',
					),
				),
				'aliases'  => array( 'empty_post', 'no_content' ),
				'patterns' => array( '/Content, title, and excerpt are empty/i', '/empty (content|title|body|response)/i' ),
			),
			'invalid_response'       => array(
				'title'    => __( 'The service answered with data the step could not read', 'dm-jobs' ),
				'steps'    => array(
					__( 'Look at the response body under API responses: an HTML error page instead of JSON or XML usually means a proxy, firewall or login page.', 'dm-jobs' ),
					__( 'Check that the URL points to the API or feed itself, not to a web page about it.', 'dm-jobs' ),
				),
				'links'    => array( $http_api ),
				'aliases'  => array( 'json_error', 'parse_error', 'invalid_json', 'invalid_xml', 'malformed_response' ),
				'patterns' => array( '/json_decode|invalid json|Syntax error, malformed JSON|JSON parse/i', '/XML (parse|parsing) error|simplexml/i' ),
			),
			'memory_exhausted'       => array(
				'title'    => __( 'PHP ran out of memory', 'dm-jobs' ),
				'steps'    => array(
					__( 'Process fewer items per run, or smaller ones (large images and long articles use a lot of memory).', 'dm-jobs' ),
					__( 'Raise WP_MEMORY_LIMIT / WP_MAX_MEMORY_LIMIT in wp-config.php, within what your host allows.', 'dm-jobs' ),
				),
				'links'    => array(
					array(
						'label' => __( 'Increasing memory allocated to PHP', 'dm-jobs' ),
						'url'   => 'https://developer.wordpress.org/advanced-administration/wordpress/wp-config/#increasing-memory-allocated-to-php',
					),
				),
				'aliases'  => array( 'out_of_memory', 'memory_limit' ),
				'patterns' => array( '/Allowed memory size of \d+ bytes exhausted/i', '/out of memory/i' ),
			),
			'execution_time'         => array(
				'title'    => __( 'PHP stopped the step: maximum execution time exceeded', 'dm-jobs' ),
				'steps'    => array(
					__( 'Process fewer items per run so each run finishes sooner.', 'dm-jobs' ),
					__( 'Make sure scheduled actions run through a real cron job rather than page visits.', 'dm-jobs' ),
					__( 'Ask your host about max_execution_time for PHP CLI and web requests.', 'dm-jobs' ),
				),
				'links'    => array(
					array(
						'label' => __( 'Hooking WP-Cron into the system task scheduler', 'dm-jobs' ),
						'url'   => 'https://developer.wordpress.org/plugins/cron/hooking-wp-cron-into-the-system-task-scheduler/',
					),
				),
				'aliases'  => array( 'max_execution_time', 'execution_timeout' ),
				'patterns' => array( '/Maximum execution time of \d+ seconds? exceeded/i' ),
			),
			'database_error'         => array(
				'title'    => __( 'A database query failed', 'dm-jobs' ),
				'steps'    => array(
					__( 'Look for "WordPress database error" lines in wp-content/debug.log at the time of the failure.', 'dm-jobs' ),
					__( 'Deadlocks and lock wait timeouts are usually temporary: run the flow again.', 'dm-jobs' ),
					__( 'If the database went away, ask your host about max_allowed_packet and wait_timeout.', 'dm-jobs' ),
				),
				'links'    => array( $wp_debug ),
				'aliases'  => array( 'db_error', 'deadlock', 'lock_wait_timeout' ),
				'patterns' => array( '/WordPress database error/i', '/Deadlock found/i', '/Lock wait timeout/i', '/server has gone away/i' ),
			),
			'ai_provider_error'      => array(
				'title'    => __( 'The AI provider could not complete the request', 'dm-jobs' ),
				'steps'    => array(
					__( 'Check the provider\'s status page and your account\'s remaining credit.', 'dm-jobs' ),
					__( 'Check the model name in the AI step: retired models return errors.', 'dm-jobs' ),
					__( 'Very long inputs can exceed the model\'s context window: shorten the prompt or the fetched content.', 'dm-jobs' ),
				),
				'links'    => array( $dm_docs ),
				'aliases'  => array( 'ai_error', 'ai_request_failed', 'model_not_found', 'context_length_exceeded', 'ai_processing_failed', 'ai_provider_missing' ),
				'patterns' => array( '/(OpenAI|Anthropic|Gemini|Mistral|AI provider)\b.*\b(error|failed|refused)/i', '/context (length|window)|maximum context/i', '/model .*(not found|does not exist)/i' ),
			),
			'step_execution_failure' => array(
				'title'    => __( 'A step of the pipeline failed', 'dm-jobs' ),
				'steps'    => array(
					__( 'The failed step is marked under Progress: read its error lines in the job log (filter by "error").', 'dm-jobs' ),
					__( 'Check that step\'s handler settings in the flow, and the configuration results below.', 'dm-jobs' ),
					__( 'Run the flow again by hand to see whether the failure repeats.', 'dm-jobs' ),
				),
				'links'    => array( $dm_docs, $wp_debug ),
				'aliases'  => array( 'step_failed', 'step_failure', 'execution_failure', 'throwable_exception_in_step_execution', 'update_handler_failed', 'update_step_exception', 'upsert_step_exception' ),
				'patterns' => array(),
			),
		);
	}
}
