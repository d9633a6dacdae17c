<?php
/**
 * The jobs table grew over a size (MB, data + indexes) or a row count, as last measured by the
 * metrics rollups' hourly table snapshot (the same numbers Insights' capacity chart shows).
 * A limit of 0 is off.
 *
 * @package DMJobs
 */

namespace DMJobs\Alerts\Rules;

use DMJobs\Alerts\Alert;
use DMJobs\Alerts\AlertRule;
use DMJobs\Jobs\JobFormatter;
use DMJobs\Metrics\Repository\RollupSnapshotRepository;

defined( 'ABSPATH' ) || exit;

final class TableSizeRule implements AlertRule {

	public function __construct( private readonly RollupSnapshotRepository $snapshots = new RollupSnapshotRepository() ) {
	}

	public function id(): string {
		return 'table_size';
	}

	public function evaluate( array $config, int $now ): array {
		$max_bytes = (int) round( (float) $config['max_mb'] * 1024 * 1024 );
		$max_rows  = (int) $config['max_rows'];
		$snapshot  = $this->snapshots->last_sized_snapshot();
		if ( null === $snapshot || ( $max_bytes < 1 && $max_rows < 1 ) ) {
			return array();
		}
		$rows  = (int) $snapshot['table_rows'];
		$bytes = null === $snapshot['table_bytes'] ? null : (int) $snapshot['table_bytes'];
		$over  = array();
		if ( $max_bytes > 0 && null !== $bytes && $bytes > $max_bytes ) {
			/* translators: 1: table size, 2: limit (both human-readable sizes such as "1.2 GB") */
			$over[] = sprintf( __( '%1$s, over the limit of %2$s', 'dm-jobs' ), size_format( $bytes, 1 ), size_format( $max_bytes, 1 ) );
		}
		if ( $max_rows > 0 && $rows > $max_rows ) {
			/* translators: 1: number of jobs, 2: limit */
			$over[] = sprintf( __( '%1$s jobs, over the limit of %2$s', 'dm-jobs' ), number_format_i18n( $rows ), number_format_i18n( $max_rows ) );
		}
		if ( ! $over ) {
			return array();
		}
		$measured = JobFormatter::iso_utc( $snapshot['taken_at'] );
		return array(
			new Alert(
				$this->id(),
				'jobs_table',
				/* translators: %s: what is over the limit */
				sprintf( __( 'The jobs table is too big: %s', 'dm-jobs' ), implode( '; ', $over ) ),
				sprintf(
					/* translators: %s: date and time of the measurement */
					__( 'Measured at %s (UTC). Retention and cleanup in the Admin tools can reduce it.', 'dm-jobs' ),
					(string) $measured
				),
				array(),
				array(
					'rows'        => $rows,
					'bytes'       => $bytes,
					'max_bytes'   => $max_bytes > 0 ? $max_bytes : null,
					'max_rows'    => $max_rows > 0 ? $max_rows : null,
					'measured_at' => $measured,
					'estimated'   => '1' === (string) $snapshot['bytes_estimated'],
				)
			),
		);
	}
}
