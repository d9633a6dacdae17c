<?php
/**
 * Fuzzes every dm-jobs/v1 route, method and parameter (read from the registered routes, so new ones
 * are covered without touching this file) with hostile values: wrong types, out-of-range and huge
 * numbers, invalid UTF-8, SQL and format-string injections, the old ORDER BY marker, huge strings and
 * arrays. For every request: no 5xx, no PHP warning or notice, no SQL error; and a refused request
 * (4xx) changes no data (checksums of every DM Jobs and Data Machine table and of DM Jobs' options).
 *
 * Counts are written to artifacts/fuzz/fuzz-<db>.json and printed at the end.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Fuzz;

use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;
use WP_REST_Request;
use WP_REST_Response;

PHP_SAPI === 'cli' || exit;

final class RestFuzzTest extends TestCase {

	private const NAMESPACE = 'dm-jobs/v1';

	/**
	 * @var array{requests: int, by_status: array<string, int>, refused_unchanged: int, routes: int, parameters: int, seconds: array<string, float>}
	 */
	private static array $counts = array(
		'requests'          => 0,
		'by_status'         => array(),
		'refused_unchanged' => 0,
		'routes'            => 0,
		'parameters'        => 0,
		'seconds'           => array(),
	);

	/**
	 * @var array<int, string>
	 */
	private array $problems = array();

	private ?string $known_checksum = null;
	private int $job_id;
	private int $operation_id;
	private int $pipeline_id;
	private int $flow_id;

	protected function setUp(): void {
		parent::setUp();
		$this->pipeline_id = Fixtures::pipeline( "Fuzz ' %s __dm_jobs_order__" );
		$this->flow_id     = Fixtures::flow( $this->pipeline_id, 'Fuzz flow %d' );
		for ( $i = 0; $i < 12; $i++ ) {
			$status = array( 'completed', 'failed - timeout', 'processing', 'pending', 'failed: http_500', 'completed_no_items' )[ $i % 6 ];
			$id     = Fixtures::job(
				$this->pipeline_id,
				$this->flow_id,
				$status,
				gmdate( 'Y-m-d H:i:s', time() - ( 40 - $i ) * DAY_IN_SECONDS ),
				str_starts_with( $status, 'p' ) ? null : gmdate( 'Y-m-d H:i:s', time() - ( 40 - $i ) * DAY_IN_SECONDS + 30 ),
				array( 'status_reason' => 0 === $i % 4 ? 'reason __dm_jobs_order__ %s' : null )
			);
		}
		$this->job_id = $id;
		dm_jobs_log( $this->job_id, 'error', 'Fuzz line', array( 'job_id' => $this->job_id ) );
		$this->act_as( 'administrator' );
		$operation          = $this->dispatch( 'POST', '/operations', array(), array( 'type' => 'delete_jobs', 'ids' => array( $this->job_id ), 'confirm_count' => 1 ), true );
		$this->operation_id = (int) ( $operation->get_data()['id'] ?? 0 );
		$this->assertGreaterThan( 0, $this->operation_id, (string) wp_json_encode( $operation->get_data() ) );
	}

	public static function tearDownAfterClass(): void {
		parent::tearDownAfterClass();
		$db   = getenv( 'DM_JOBS_TEST_DB' ) ?: 'unknown';
		$dir  = dirname( __DIR__, 3 ) . '/artifacts/fuzz';
		$data = array_merge( array( 'database' => $db ), self::$counts );
		ksort( $data['by_status'] );
		if ( is_dir( $dir ) || mkdir( $dir, 0777, true ) ) {
			file_put_contents( "{$dir}/fuzz-{$db}.json", (string) wp_json_encode( $data, JSON_PRETTY_PRINT ) );
		}
		fwrite( STDERR, "\nFuzz ({$db}): " . wp_json_encode( $data ) . "\n" );
	}

	/**
	 * Every route and method of the namespace (its index route aside).
	 *
	 * @return array<string, array{0: string, 1: string}>
	 */
	public static function endpoints(): array {
		$cases = array();
		foreach ( rest_get_server()->get_routes( self::NAMESPACE ) as $route => $handlers ) {
			if ( '/' . self::NAMESPACE === $route ) {
				continue;
			}
			foreach ( $handlers as $handler ) {
				foreach ( array_keys( (array) $handler['methods'] ) as $method ) {
					if ( 'PUT' === $method || 'PATCH' === $method ) {
						continue; // The same handler as POST (EDITABLE); POST covers it.
					}
					$cases[ "{$method} {$route}" ] = array( $method, $route );
				}
			}
		}
		return $cases;
	}

	/**
	 * Hostile values for any parameter.
	 *
	 * @return array<string, mixed>
	 */
	private static function hostile_values(): array {
		return array(
			'empty string'        => '',
			'word'                => 'abc',
			'negative'            => '-1',
			'zero'                => '0',
			'fraction'            => '1.5',
			'int64 max'           => '9223372036854775807',
			'int64 max + 1'       => '9223372036854775808',
			'int64 min - 1'       => '-9223372036854775809',
			'20 nines'            => '99999999999999999999',
			'1e308'               => '1e308',
			'-1e308'              => '-1e308',
			'1e-308'              => '1e-308',
			'NaN'                 => 'NaN',
			'INF'                 => 'INF',
			'hex'                 => '0x1A',
			'bool true'           => true,
			'list'                => array( 'a', 'b' ),
			'nested'              => array( 'a' => array( 'b' => array( 'c' => 'd' ) ) ),
			'list of huge ints'   => array( '99999999999999999999', '-1' ),
			'invalid utf-8'       => "\xFF\xFE",
			'overlong utf-8'      => "\xC0\xAF",
			'lone surrogate'      => "\xED\xA0\x80",
			'utf-8 in a list'     => array( "ok\xC3\x28" ),
			'sql quote'           => "' OR 1=1 -- ",
			'sql stacked'         => '1; DROP TABLE wp_dm_jobs',
			'format placeholders' => '%s %d %1$s %% %',
			'order marker'        => '__dm_jobs_order__',
			'nul byte'            => "a\0b",
			'html'                => '<script>alert(1)</script>',
			'path traversal'      => '../../../../etc/passwd',
			'bad date'            => '2026-13-45T99:99:99Z',
			'zero date'           => '0000-00-00 00:00:00',
			'comma list'          => 'failed,,,completed,' . str_repeat( 'x,', 50 ),
			'huge string'         => str_repeat( 'a', 100000 ),
			'huge list'           => array_fill( 0, 5000, '1' ),
			'emoji'               => '🙂 Zeitüberschreitung',
		);
	}

	/**
	 * Valid parameters per endpoint, so the hostile value (not a missing required parameter) is what
	 * the route meets. Destructive routes get bodies that stay dry.
	 *
	 * @return array<string, mixed>
	 */
	private function base_params( string $method, string $route ): array {
		return match ( "{$method} {$route}" ) {
			'POST /dm-jobs/v1/jobs'                          => array(
				'pipeline_id' => $this->pipeline_id,
				'flow_id'     => $this->flow_id,
			),
			'POST /dm-jobs/v1/jobs/(?P<id>[\d]+)/status'     => array( 'status' => 'failed' ),
			'POST /dm-jobs/v1/jobs/(?P<id>[\d]+)/logs'       => array(
				'level'   => 'info',
				'message' => 'fuzz',
			),
			'POST /dm-jobs/v1/operations'                    => array(
				'type'     => 'cleanup_jobs',
				'statuses' => array( 'failed' ),
				'dry_run'  => true,
			),
			'POST /dm-jobs/v1/retention/run'                 => array( 'dry_run' => true ),
			'DELETE /dm-jobs/v1/jobs/(?P<id>[\d]+)'          => array( 'dry_run' => true ),
			default                                          => array(),
		};
	}

	public function test_the_checksum_sees_every_kind_of_change(): void {
		global $wpdb;
		$before = $this->checksum();
		$wpdb->update( $wpdb->prefix . 'dm_jobs', array( 'status' => 'failed' ), array( 'job_id' => $this->job_id ) );
		$changed = $this->checksum();
		$this->assertNotSame( $before, $changed, 'a changed row' );
		update_option( 'dm_jobs_fuzz_probe', 'x' );
		$this->assertNotSame( $changed, $this->checksum(), 'a changed option' );
	}

	/**
	 * @dataProvider endpoints
	 */
	public function test_hostile_values_never_break_the_route( string $method, string $route ): void {
		$handler_args = $this->args_of( $method, $route );
		$path_params  = $this->path_params( $route );
		$base         = $this->base_params( $method, $route );
		++self::$counts['routes'];
		$started = microtime( true );

		// The route as the app calls it, then with each parameter hostile, then with unknown ones.
		$this->probe( $method, $route, $path_params, $base, 'base' );
		foreach ( array_keys( $handler_args ) as $param ) {
			if ( isset( $path_params[ $param ] ) ) {
				continue;
			}
			++self::$counts['parameters'];
			foreach ( self::hostile_values() as $label => $value ) {
				$this->probe( $method, $route, $path_params, array_merge( $base, array( $param => $value ) ), "{$param}={$label}" );
			}
		}
		foreach ( array( 'unknown' => 'x', "bad\xFFkey" => '1', '__dm_jobs_order__' => '%s' ) as $param => $value ) {
			$this->probe( $method, $route, $path_params, array_merge( $base, array( $param => $value ) ), 'unknown parameter' );
		}
		// Path parameters: every value the route's pattern lets through.
		foreach ( array_keys( $path_params ) as $param ) {
			foreach ( array( '0', '00000000001', '9223372036854775807', '9223372036854775808', '99999999999999999999', str_repeat( '9', 400 ) ) as $value ) {
				$this->probe( $method, $route, array_merge( $path_params, array( $param => $value ) ), $base, "path {$param}={$value}" );
			}
		}
		// Bodies that are not objects.
		if ( 'GET' !== $method ) {
			foreach ( array( 'null', '[]', '123', '"text"', '{"a":', str_repeat( '[', 600 ) . str_repeat( ']', 600 ), '{"' . str_repeat( 'k', 70000 ) . '":1}' ) as $body ) {
				$this->probe_raw_body( $method, $route, $path_params, $body );
			}
		}

		self::$counts['seconds'][ "{$method} {$route}" ] = round( microtime( true ) - $started, 2 );
		$this->assertSame( array(), $this->problems, implode( "\n", array_slice( $this->problems, 0, 40 ) ) );
	}

	/**
	 * @param array<string, string> $path_params
	 * @param array<string, mixed>  $params
	 */
	private function probe( string $method, string $route, array $path_params, array $params, string $label ): void {
		$path      = $this->fill_path( $route, $path_params );
		$json_safe = false !== json_encode( $params ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode
		$query     = 'GET' === $method || 'DELETE' === $method || ! $json_safe;
		$this->check( "{$method} {$route} {$label}", fn (): WP_REST_Response => $this->dispatch( $method, $path, $query ? $params : array(), $query ? array() : $params, ! $query ) );
	}

	/**
	 * @param array<string, string> $path_params
	 */
	private function probe_raw_body( string $method, string $route, array $path_params, string $body ): void {
		$path = $this->fill_path( $route, $path_params );
		$this->check(
			"{$method} {$route} body " . substr( $body, 0, 20 ),
			function () use ( $method, $path, $body ): WP_REST_Response {
				$request = new WP_REST_Request( $method, '/' . self::NAMESPACE . $path );
				$request->set_header( 'Content-Type', 'application/json' );
				$request->set_body( $body );
				return rest_do_request( $request );
			}
		);
	}

	/**
	 * @param callable(): WP_REST_Response $send
	 */
	private function check( string $what, callable $send ): void {
		global $wpdb;
		// A refused request changed nothing (checked below), so its checksum is the next one's "before".
		$before            = $this->known_checksum ?? $this->checksum();
		$wpdb->last_error  = '';
		$errors            = array();
		$doing_it_wrong    = static function ( $function_name, $message ) use ( &$errors ): void {
			$errors[] = "doing it wrong: {$function_name}: {$message}";
		};
		set_error_handler(
			static function ( int $errno, string $errstr, string $file, int $line ) use ( &$errors ): bool {
				$errors[] = "PHP error {$errno}: {$errstr} at {$file}:{$line}";
				return true;
			}
		);
		add_action( 'doing_it_wrong_run', $doing_it_wrong, 10, 2 );
		try {
			$response = $send();
		} catch ( \Throwable $e ) {
			$response = null;
			$errors[] = 'uncaught ' . get_class( $e ) . ': ' . $e->getMessage() . ' at ' . $e->getFile() . ':' . $e->getLine();
		} finally {
			remove_action( 'doing_it_wrong_run', $doing_it_wrong, 10 );
			restore_error_handler();
		}
		$status = $response instanceof WP_REST_Response ? $response->get_status() : 500;
		++self::$counts['requests'];
		$bucket                              = intdiv( $status, 100 ) . 'xx';
		self::$counts['by_status'][ $bucket ] = ( self::$counts['by_status'][ $bucket ] ?? 0 ) + 1;

		$what = mb_scrub( substr( $what, 0, 160 ), 'UTF-8' );
		if ( $status >= 500 ) {
			$this->problems[] = "{$what}: HTTP {$status} " . mb_scrub( substr( (string) wp_json_encode( $response?->get_data() ), 0, 300 ), 'UTF-8' );
		}
		foreach ( $errors as $error ) {
			$this->problems[] = "{$what}: {$error}";
		}
		if ( '' !== $wpdb->last_error ) {
			$this->problems[] = "{$what}: SQL error: {$wpdb->last_error}";
		}
		$this->known_checksum = null;
		if ( $status >= 400 && $status < 500 ) {
			$after = $this->checksum();
			if ( $before === $after ) {
				++self::$counts['refused_unchanged'];
			} else {
				$this->problems[] = "{$what}: refused with {$status} but data changed";
			}
			$this->known_checksum = $after;
		}
	}

	/**
	 * @param array<string, mixed> $query
	 * @param array<string, mixed> $body
	 */
	private function dispatch( string $method, string $path, array $query, array $body, bool $json = true ): WP_REST_Response {
		$request = new WP_REST_Request( $method, '/' . self::NAMESPACE . $path );
		$request->set_query_params( $query );
		if ( $body ) {
			if ( $json ) {
				$request->set_header( 'Content-Type', 'application/json' );
				$request->set_body( (string) wp_json_encode( $body ) );
			} else {
				$request->set_header( 'Content-Type', 'application/x-www-form-urlencoded' );
				$request->set_body_params( $body );
			}
		}
		return rest_do_request( $request );
	}

	/**
	 * @return array<string, mixed>
	 */
	private function args_of( string $method, string $route ): array {
		foreach ( rest_get_server()->get_routes( self::NAMESPACE )[ $route ] as $handler ) {
			if ( isset( $handler['methods'][ $method ] ) ) {
				return (array) ( $handler['args'] ?? array() );
			}
		}
		return array();
	}

	/**
	 * @return array<string, string> Path parameter => a value that exists.
	 */
	private function path_params( string $route ): array {
		preg_match_all( '/\(\?P<(\w+)>/', $route, $matches );
		$values = array();
		foreach ( $matches[1] as $name ) {
			$values[ $name ] = (string) ( str_starts_with( $route, '/' . self::NAMESPACE . '/operations' ) ? $this->operation_id : $this->job_id );
		}
		return $values;
	}

	/**
	 * @param array<string, string> $values
	 */
	private function fill_path( string $route, array $values ): string {
		$path = substr( $route, strlen( '/' . self::NAMESPACE ) );
		return (string) preg_replace_callback( '/\(\?P<(\w+)>[^)]+\)/', static fn ( array $m ): string => $values[ $m[1] ], $path );
	}

	/**
	 * A checksum of all data DM Jobs and Data Machine keep: every row of their tables and DM Jobs'
	 * options. Read straight through PDO on SQLite and with CHECKSUM TABLE on MariaDB (a request's
	 * worth of the driver's SQL translation per table would dominate the suite's time).
	 */
	private function checksum(): string {
		global $wpdb;
		static $tables = null;
		if ( null === $tables ) {
			$tables = array_values(
				array_filter(
					array_map( 'strval', (array) $wpdb->get_col( 'SHOW TABLES' ) ),
					static fn ( string $table ): bool => (bool) preg_match( '/^' . preg_quote( $wpdb->prefix, '/' ) . '(dm_|datamachine_)/', $table )
				)
			);
		}
		$options = "SELECT option_name, option_value FROM {$wpdb->options} WHERE option_name LIKE 'dm_jobs%' ORDER BY option_name";
		$hash    = hash_init( 'md5' );
		if ( $wpdb instanceof \WP_SQLite_DB ) {
			$pdo = $wpdb->get_driver()->get_connection()->get_pdo();
			foreach ( $tables as $table ) {
				hash_update( $hash, $table . serialize( $pdo->query( "SELECT * FROM \"{$table}\"" )->fetchAll( \PDO::FETCH_NUM ) ) );
			}
			hash_update( $hash, serialize( $pdo->query( $options )->fetchAll( \PDO::FETCH_NUM ) ) );
			return hash_final( $hash );
		}
		$sums = $wpdb->get_results( 'CHECKSUM TABLE ' . implode( ', ', array_map( static fn ( string $t ): string => "`{$t}`", $tables ) ), ARRAY_N ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		hash_update( $hash, serialize( $sums ) );
		hash_update( $hash, serialize( $wpdb->get_results( $options, ARRAY_N ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return hash_final( $hash );
	}
}
