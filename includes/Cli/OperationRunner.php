<?php
/**
 * Destructive work from the command line the way the Admin modal does it: a dry run that counts,
 * a confirmation with that exact count (or --yes), then the resumable operation advanced batch by
 * batch with a progress bar.
 *
 * @package DMJobs
 */

namespace DMJobs\Cli;

use WP_CLI;

defined( 'ABSPATH' ) || exit;

final class OperationRunner {

	public function __construct( private RestBridge $rest ) {}

	/**
	 * Runs (or, with $dry_run, only previews) an operation of POST /operations.
	 *
	 * @param array<string, mixed> $params  type and filters, as POST /operations takes them.
	 * @param bool                 $dry_run Only count and show a sample.
	 * @param bool                 $yes     Do not ask for confirmation.
	 * @param string               $what    What is touched, for messages ("jobs", "log lines"…).
	 * @return array<string, mixed>|null The finished operation; null for a dry run or nothing to do.
	 */
	public function run( array $params, bool $dry_run, bool $yes, string $what ): ?array {
		$preview = (array) $this->rest->data( 'POST', '/operations', $params + array( 'dry_run' => true ) );
		$count   = (int) ( $preview['count'] ?? 0 );
		$this->print_sample( $preview );
		if ( $dry_run ) {
			WP_CLI::success( sprintf( 'Dry run: %s %s would be affected. Nothing was changed.', number_format_i18n( $count ), $what ) );
			return null;
		}
		$needs_count = 'optimize_tables' !== ( $params['type'] ?? '' ); // The only type started without a confirmed count.
		if ( $needs_count && 0 === $count ) {
			WP_CLI::success( sprintf( 'No %s match: nothing to do.', $what ) );
			return null;
		}
		if ( ! $yes ) {
			WP_CLI::confirm( $needs_count ? sprintf( 'Affect exactly %s %s?', number_format_i18n( $count ), $what ) : 'Run it?' );
		}

		$start = array( 'dry_run' => false ) + $params;
		if ( $needs_count ) {
			$start['confirm_count'] = $count;
		}
		foreach ( array( 'max_id', 'as_of' ) as $snapshot ) {
			if ( isset( $preview[ $snapshot ] ) ) {
				$start[ $snapshot ] = $preview[ $snapshot ];
			}
		}
		$operation = (array) $this->rest->data( 'POST', '/operations', $start );
		$operation = $this->advance( $operation, $what );

		$state = (string) ( $operation['state'] ?? '' );
		if ( 'completed' !== $state ) {
			WP_CLI::error( sprintf( 'Operation %d ended as "%s": %s', (int) $operation['id'], $state, (string) ( $operation['message'] ?? 'no detail' ) ) );
		}
		WP_CLI::success( sprintf( 'Operation %d completed: %s %s affected.', (int) $operation['id'], number_format_i18n( (int) $operation['affected'] ), $what ) );
		return $operation;
	}

	/**
	 * Calls POST /operations/{id}/run until the operation is no longer running, with a progress bar.
	 *
	 * @param array<string, mixed> $operation The started operation.
	 * @param string               $what      What is touched.
	 * @return array<string, mixed> The operation when it stopped running.
	 */
	private function advance( array $operation, string $what ): array {
		$total    = max( 1, (int) ( $operation['total'] ?? 0 ) );
		$progress = WP_CLI\Utils\make_progress_bar( sprintf( 'Operation %d (%s)', (int) $operation['id'], $what ), $total );
		$shown    = 0;
		while ( 'running' === ( $operation['state'] ?? '' ) ) {
			$operation = (array) $this->rest->data( 'POST', '/operations/' . (int) $operation['id'] . '/run', array( 'budget' => 3 ) );
			$done      = min( $total, (int) ( $operation['processed'] ?? 0 ) );
			if ( $done > $shown ) {
				$progress->tick( $done - $shown );
				$shown = $done;
			}
		}
		$progress->finish();
		return $operation;
	}

	/**
	 * Shows what the dry run found: its count per status and a few of the rows.
	 *
	 * @param array<string, mixed> $preview The dry run's answer.
	 */
	private function print_sample( array $preview ): void {
		$by_status = (array) ( $preview['details']['by_status'] ?? array() );
		if ( $by_status ) {
			$parts = array();
			foreach ( $by_status as $status => $count ) {
				$parts[] = sprintf( '%s %s', $status, number_format_i18n( (int) $count ) );
			}
			WP_CLI::log( 'By status: ' . implode( ', ', $parts ) );
		}
		$sample = array_slice( (array) ( $preview['sample'] ?? array() ), 0, 5 );
		if ( $sample && is_array( $sample[0] ) && isset( $sample[0]['id'], $sample[0]['status'] ) ) {
			WP_CLI::log( 'Sample:' );
			WP_CLI\Utils\format_items( 'table', $sample, array( 'id', 'pipeline_name', 'flow_name', 'status', 'created_at' ) );
		}
	}
}
