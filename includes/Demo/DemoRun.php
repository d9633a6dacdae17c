<?php
/**
 * One coherent demo run: its timing, engine_data and log lines all tell the same story. Completed is
 * never before created, log lines fall inside the run, and a failure's reason, message, failed step
 * and handler match (an HTTP 500 only from a handler that calls a remote endpoint, "not configured"
 * only on the flow whose publish step has no handler).
 *
 * @package DMJobs
 */

namespace DMJobs\Demo;

defined( 'ABSPATH' ) || exit;

final class DemoRun {

	/**
	 * Failure reason => the step it happens in.
	 */
	private const FAILURE_STEPS = array(
		'http_500'      => 'remote',
		'timeout'       => 'remote',
		'rate_limited'  => 'ai',
		'empty_content' => 'publish',
		'no_config'     => 'publish',
	);

	/**
	 * How far through a full run each step ends (fraction of the run's duration).
	 */
	private const STEP_END = array(
		'fetch'   => 0.15,
		'ai'      => 0.8,
		'publish' => 1.0,
	);

	/**
	 * @param array{pipeline_id: int, flow_id: int, fetch: string, publish: string, median: int, slowing: bool, steps: array<string, string>} $flow
	 *        steps: step type => flow step ID.
	 * @param string $status       Stored status.
	 * @param int    $created_at   Unix time.
	 * @param int    $now          Unix time.
	 * @param float  $age_fraction 0 for the oldest job, towards 1 for the newest.
	 */
	public function __construct(
		public readonly array $flow,
		public readonly string $status,
		public readonly int $created_at,
		private readonly int $now,
		private readonly float $age_fraction,
	) {
	}

	/**
	 * The failure reason a failed status stands for on this flow, or null when the job did not fail.
	 * A compound status names its reason; one this flow cannot produce becomes a reason it can.
	 */
	public function failure_reason(): ?string {
		if ( ! str_starts_with( $this->status, 'failed' ) ) {
			return null;
		}
		$named = trim( (string) preg_replace( '/^failed\s*(-|:)\s*/', '', $this->status ) );
		if ( '' !== $named && 'failed' !== $named && in_array( $named, $this->possible_failures(), true ) ) {
			return $named;
		}
		$possible = array_values( array_diff( $this->possible_failures(), array( 'no_config' ) ) );
		return $possible[ mt_rand( 0, count( $possible ) - 1 ) ];
	}

	/**
	 * Reasons a run of this flow can fail with.
	 *
	 * @return string[]
	 */
	public function possible_failures(): array {
		if ( '' === $this->flow['publish'] ) {
			return array( 'no_config' );
		}
		$reasons = array( 'rate_limited' );
		if ( null !== $this->remote_handler() ) {
			$reasons[] = 'http_500';
			$reasons[] = 'timeout';
		}
		if ( 'wordpress_publish' === $this->flow['publish'] ) {
			$reasons[] = 'empty_content';
		}
		return $reasons;
	}

	/**
	 * The stored status with its reason made consistent with the flow (a compound reason the flow
	 * cannot produce is dropped, and the reason goes into engine_data instead).
	 */
	public function stored_status( ?string $reason ): string {
		if ( null === $reason || 'failed' === $this->status ) {
			return $this->status;
		}
		return str_contains( $this->status, $reason ) ? $this->status : 'failed';
	}

	/**
	 * @return array{status: string, engine_data: array<string, mixed>, completed_at: int|null, lines: array<int, array{0: int, 1: string, 2: string, 3: string, 4: array<string, mixed>}>}
	 *         lines: [unix time, level, step, message, context].
	 */
	public function build(): array {
		$is_open  = in_array( $this->status, array( 'pending', 'processing', 'running' ), true );
		$reason   = $this->failure_reason();
		$status   = $this->stored_status( $reason );
		$duration = $this->full_duration();
		$items    = mt_rand( 1, 12 );

		$failed_step = null === $reason ? null : $this->failed_step( $reason );
		$ends_after  = match ( true ) {
			null !== $failed_step                             => $failed_step,
			'completed_no_items' === $status                  => 'fetch',
			'agent_skipped' === $status                       => 'ai',
			'cancelled' === $status                           => array( 'fetch', 'ai' )[ mt_rand( 0, 1 ) ],
			default                                           => 'publish',
		};
		$run_seconds = max( 1, (int) round( $duration * self::STEP_END[ $ends_after ] ) );
		if ( 'timeout' === $reason ) {
			$run_seconds += 30;
		}
		$completed_at = $is_open ? null : min( $this->now, $this->created_at + $run_seconds );

		$engine_data = array(
			'flow_step_id' => $this->flow['steps']['fetch'],
			'source_url'   => 'https://example.com/items/' . mt_rand( 1000, 999999 ),
			'item_count'   => 'completed_no_items' === $status ? 0 : $items,
			'steps'        => array( 'fetch', 'ai', 'publish' ),
		);
		if ( null !== $reason && null !== $failed_step ) {
			$engine_data += array(
				'error_message' => $this->failure_message( $reason ),
				'error_step_id' => $this->flow['steps'][ $failed_step ],
				'error_reason'  => $reason,
				'error_trace'   => "#0 /wp-content/plugins/data-machine/inc/Core/Steps/{$failed_step}.php(88): DataMachine\\Core\\Steps\\Step->execute()\n#1 /wp-content/plugins/data-machine/inc/Engine/Actions/Engine.php(41): DataMachine\\Engine\\Actions\\Engine->run_step()\n#2 {main}",
			);
		}

		$end = $completed_at ?? $this->now;
		return array(
			'status'       => $status,
			'engine_data'  => $engine_data,
			'completed_at' => $completed_at,
			'lines'        => $this->lines( $status, $reason, $failed_step, $items, $this->created_at, max( $this->created_at, $end ) ),
		);
	}

	/**
	 * The remote endpoint a failing HTTP call would hit: the fetch handler's, else the publish handler's.
	 */
	private function remote_handler(): ?string {
		foreach ( array( $this->flow['fetch'], $this->flow['publish'] ) as $handler ) {
			if ( null !== DemoCatalog::endpoint( $handler ) ) {
				return $handler;
			}
		}
		return null;
	}

	private function failed_step( string $reason ): string {
		$step = self::FAILURE_STEPS[ $reason ];
		if ( 'remote' !== $step ) {
			return $step;
		}
		return $this->remote_handler() === $this->flow['fetch'] ? 'fetch' : 'publish';
	}

	private function failure_message( string $reason ): string {
		$handler  = (string) $this->remote_handler();
		$endpoint = (string) DemoCatalog::endpoint( $handler );
		return match ( $reason ) {
			'http_500'      => sprintf( 'The %s handler got HTTP 500 Internal Server Error from %s', $handler, $endpoint ),
			'timeout'       => sprintf( 'The %s handler timed out: cURL error 28: Operation timed out after 30001 milliseconds (%s)', $handler, $endpoint ),
			'rate_limited'  => 'AI provider returned 429 Too Many Requests (rate limit)',
			'empty_content' => 'wp_insert_post failed: Content, title, and excerpt are empty.',
			default         => 'The publish step has no handler configured: choose one in the flow settings.',
		};
	}

	/**
	 * How long a complete run of this flow takes now: log-normal around the pipeline's median, the
	 * slowing pipeline growing to 2.5× over the period.
	 */
	private function full_duration(): float {
		$median = $this->flow['median'] * ( $this->flow['slowing'] ? 1 + 1.5 * $this->age_fraction ** 2 : 1 );
		$u1     = max( 1e-9, mt_rand() / mt_getrandmax() );
		$u2     = mt_rand() / mt_getrandmax();
		$normal = sqrt( -2 * log( $u1 ) ) * cos( 2 * M_PI * $u2 );
		return max( 2.0, $median * exp( 0.45 * $normal ) );
	}

	/**
	 * Log lines spread over [start, end], the last one at the end.
	 *
	 * @return array<int, array{0: int, 1: string, 2: string, 3: string, 4: array<string, mixed>}>
	 */
	private function lines( string $status, ?string $reason, ?string $failed_step, int $items, int $start, int $end ): array {
		$fetch    = $this->flow['fetch'];
		$publish  = $this->flow['publish'];
		$endpoint = DemoCatalog::endpoint( $fetch );
		$planned  = array();
		if ( 'pending' === $status ) {
			return array( array( $start, 'info', 'fetch', 'Job queued; waiting for the scheduler to start it', array() ) );
		}
		$planned[] = array( 'info', 'fetch', sprintf( 'Fetching with the %s handler', $fetch ), null === $endpoint ? array() : array( 'source_url' => $endpoint ) );
		if ( 'fetch' === $failed_step ) {
			$planned[] = array( 'warning', 'fetch', 'Slow response; retrying (attempt 2 of 3)', array() );
			$planned[] = $this->error_line( 'fetch', (string) $reason );
			return $this->spread( $planned, $start, $end );
		}
		if ( null !== $endpoint ) {
			$planned[] = array( 'debug', 'fetch', sprintf( 'HTTP 200 in %d ms', mt_rand( 120, 900 ) ), array( 'http_status' => 200 ) );
		}
		if ( 'completed_no_items' === $status ) {
			$planned[] = array( 'info', 'fetch', 'No new items since the last run', array( 'item_count' => 0 ) );
			return $this->spread( $planned, $start, $end );
		}
		$planned[] = array( 'info', 'fetch', sprintf( 'Fetched %d new items', $items ), array( 'item_count' => $items ) );
		if ( 'cancelled' === $status ) {
			$planned[] = array( 'notice', 'ai', 'Job cancelled by an administrator', array() );
			return $this->spread( $planned, $start, $end );
		}
		if ( 'ai' === $failed_step ) {
			$planned[] = $this->error_line( 'ai', (string) $reason );
			return $this->spread( $planned, $start, $end );
		}
		if ( in_array( $status, array( 'processing', 'running' ), true ) ) {
			$planned[] = array( 'info', 'ai', 'Waiting for the AI provider', array() );
			return $this->spread( $planned, $start, $end );
		}
		if ( 'agent_skipped' === $status ) {
			$planned[] = array( 'info', 'ai', 'The agent skipped these items: nothing relevant to publish', array( 'item_count' => $items ) );
			return $this->spread( $planned, $start, $end );
		}
		$planned[] = array( 'info', 'ai', sprintf( 'Processed %d items', $items ), array( 'tokens' => 400 * $items + mt_rand( 0, 399 ) ) );
		if ( 'publish' === $failed_step ) {
			$planned[] = $this->error_line( 'publish', (string) $reason );
			return $this->spread( $planned, $start, $end );
		}
		$planned[] = array( 'info', 'publish', sprintf( 'Published %d items with the %s handler', $items, $publish ), array( 'item_count' => $items ) );
		return $this->spread( $planned, $start, $end );
	}

	/**
	 * @return array{0: string, 1: string, 2: string, 3: array<string, mixed>}
	 */
	private function error_line( string $step, string $reason ): array {
		$context = array(
			'failure_reason' => $reason,
			'flow_step_id'   => $this->flow['steps'][ $step ],
		);
		if ( 'http_500' === $reason ) {
			$context['http_status'] = 500;
		} elseif ( 'rate_limited' === $reason ) {
			$context['http_status'] = 429;
		}
		return array( 'error', $step, $this->failure_message( $reason ), $context );
	}

	/**
	 * @param array<int, array{0: string, 1: string, 2: string, 3: array<string, mixed>}> $planned
	 * @return array<int, array{0: int, 1: string, 2: string, 3: string, 4: array<string, mixed>}>
	 */
	private function spread( array $planned, int $start, int $end ): array {
		$count = count( $planned );
		$lines = array();
		foreach ( $planned as $index => [ $level, $step, $message, $context ] ) {
			$at      = $count > 1 ? $start + (int) round( ( $end - $start ) * $index / ( $count - 1 ) ) : $start;
			$lines[] = array( $at, $level, $step, $message, $context );
		}
		return $lines;
	}
}
