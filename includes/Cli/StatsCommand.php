<?php
/**
 * `wp dm-jobs stats`: counts per status (exact or estimated) and the success rate over a range.
 *
 * @package DMJobs
 */

namespace DMJobs\Cli;

use WP_CLI;
use WP_CLI\Utils;

defined( 'ABSPATH' ) || exit;

final class StatsCommand {

	private RestBridge $rest;

	public function __construct() {
		$this->rest = new RestBridge();
	}

	/**
	 * Counts per status (exact or estimated) and the success rate over a range.
	 *
	 * ## OPTIONS
	 *
	 * [--range=<range>]
	 * : Range of the success rate: 24h, 7d (default), 30d or 90d.
	 * ---
	 * default: 7d
	 * ---
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - yaml
	 * ---
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function __invoke( array $args, array $assoc_args ): void {
		$this->rest->act_as_capable_user();
		$counts  = (array) $this->rest->data( 'GET', '/jobs/counts' );
		$metrics = (array) $this->rest->data( 'GET', '/metrics', array( 'range' => (string) $assoc_args['range'] ) );
		$format  = (string) ( $assoc_args['format'] ?? 'table' );
		$totals  = (array) ( $metrics['totals'] ?? array() );
		if ( 'json' === $format || 'yaml' === $format ) {
			$summary = array(
				'total'     => (int) ( $counts['total'] ?? 0 ),
				'exact'     => (bool) ( $counts['exact'] ?? true ),
				'by_status' => (array) ( $counts['by_status'] ?? array() ),
				'range'     => (string) $assoc_args['range'],
				'finished'  => $totals,
			);
			WP_CLI::line( 'json' === $format ? (string) wp_json_encode( $summary, JSON_PRETTY_PRINT ) : \Spyc::YAMLDump( $summary, 2, 0 ) );
			return;
		}
		$rows = array();
		foreach ( (array) ( $counts['by_status'] ?? array() ) as $status => $count ) {
			$rows[] = array(
				'status' => $status,
				'count'  => (int) $count,
			);
		}
		Utils\format_items( $format, $rows, array( 'status', 'count' ) );
		if ( 'table' === $format ) {
			WP_CLI::log( sprintf( 'Total: %s%s jobs.', empty( $counts['exact'] ) ? 'about ' : '', number_format_i18n( (int) ( $counts['total'] ?? 0 ) ) ) );
			$rate = $totals['success_rate'] ?? null;
			WP_CLI::log(
				sprintf(
					'Last %s: %s finished, %s succeeded, %s failed; success rate %s.',
					(string) $assoc_args['range'],
					number_format_i18n( (int) ( $totals['jobs'] ?? 0 ) ),
					number_format_i18n( (int) ( $totals['succeeded'] ?? 0 ) ),
					number_format_i18n( (int) ( $totals['failed'] ?? 0 ) ),
					null === $rate ? 'n/a' : round( 100 * (float) $rate, 1 ) . '%'
				)
			);
		}
	}
}
