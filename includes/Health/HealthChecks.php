<?php
/**
 * The Site Health tests of DM Jobs: the jobs table's size against what the site can hold, whether
 * WP-Cron runs its background work, whether derived state (count snapshot, rollups) is current, the
 * failure rate of the last 24 hours, and which Data Machine generation DM Jobs reads.
 *
 * Each check returns WordPress's Site Health result array (label, status, badge, description,
 * actions, test). Numbers come from the same services the Jobs screen uses.
 *
 * @package DMJobs
 */

namespace DMJobs\Health;

use DMJobs\Admin\AdminPage;
use DMJobs\DataMachine\Adapters;
use DMJobs\Jobs\CountRefresher;
use DMJobs\Jobs\JobCounts;
use DMJobs\Metrics\MetricsRange;
use DMJobs\Metrics\Reports\CapacityReport;
use DMJobs\Metrics\Reports\OverviewReport;
use DMJobs\Metrics\RollupHooks;
use DMJobs\Metrics\RollupService;
use DMJobs\Metrics\SiteClock;
use DMJobs\Retention\RetentionScheduler;
use DMJobs\Retention\RetentionSettings;

defined( 'ABSPATH' ) || exit;

final class HealthChecks {

	public const GOOD        = 'good';
	public const RECOMMENDED = 'recommended';
	public const CRITICAL    = 'critical';

	/**
	 * Test name => method, in the order Site Health lists them.
	 */
	public const TESTS = array(
		'dm_jobs_table_size'    => 'table_size',
		'dm_jobs_background'    => 'background',
		'dm_jobs_derived_state' => 'derived_state',
		'dm_jobs_failure_rate'  => 'failure_rate',
		'dm_jobs_data_machine'  => 'data_machine',
	);

	public function __construct( private readonly ?int $now = null ) {}

	/**
	 * When the checks start to warn; filterable with `dm_jobs_health_thresholds`.
	 *
	 * @return array{table_size_mb: float, stale_minutes: int, overdue_minutes: int, failure_rate_recommended: float, failure_rate_critical: float, min_finished: int}
	 */
	public static function thresholds(): array {
		$defaults = array(
			'table_size_mb'            => 1024.0,
			'stale_minutes'            => 30,
			'overdue_minutes'          => 15,
			'failure_rate_recommended' => 0.2,
			'failure_rate_critical'    => 0.5,
			'min_finished'             => 20,
		);
		/**
		 * Filters when DM Jobs' Site Health tests warn.
		 *
		 * @param array $thresholds table_size_mb (jobs table), stale_minutes (count snapshot and rollups),
		 *                          overdue_minutes (scheduled work), failure_rate_recommended and
		 *                          failure_rate_critical (0–1, last 24 h), min_finished (jobs needed to judge).
		 */
		$filtered = apply_filters( 'dm_jobs_health_thresholds', $defaults );
		$merged   = array_merge( $defaults, is_array( $filtered ) ? $filtered : array() );
		return array(
			'table_size_mb'            => max( 0.001, (float) $merged['table_size_mb'] ),
			'stale_minutes'            => max( 1, (int) $merged['stale_minutes'] ),
			'overdue_minutes'          => max( 1, (int) $merged['overdue_minutes'] ),
			'failure_rate_recommended' => min( 1.0, max( 0.0, (float) $merged['failure_rate_recommended'] ) ),
			'failure_rate_critical'    => min( 1.0, max( 0.0, (float) $merged['failure_rate_critical'] ) ),
			'min_finished'             => max( 1, (int) $merged['min_finished'] ),
		);
	}

	/**
	 * The jobs table's size (as last measured by the rollups) against the threshold, now and in 90 days.
	 *
	 * @return array<string, mixed>
	 */
	public function table_size(): array {
		( new RollupService() )->catch_up_before_read();
		$capacity  = ( new CapacityReport() )->build( null, SiteClock::site(), $this->now() );
		$limit     = (int) round( self::thresholds()['table_size_mb'] * MB_IN_BYTES );
		$retention = $this->retention_is_set();
		if ( null === $capacity['bytes'] ) {
			return $this->result(
				'dm_jobs_table_size',
				self::RECOMMENDED,
				__( 'DM Jobs has not measured the jobs table yet', 'dm-jobs' ),
				__( 'The size is measured by a WP-Cron task every hour. If this stays, check that WP-Cron runs (see the background tasks test).', 'dm-jobs' )
			);
		}
		$bytes     = (int) $capacity['bytes'];
		$in_90     = null;
		foreach ( (array) $capacity['projections'] as $projection ) {
			if ( 90 === (int) $projection['days'] && null !== $projection['bytes'] ) {
				$in_90 = (int) $projection['bytes'];
			}
		}
		$facts = sprintf(
			/* translators: 1: table size, 2: number of rows, 3: rows added per day, 4: size limit. */
			__( 'The jobs table holds %2$s rows in %1$s and grows by about %3$s rows a day; the warning threshold is %4$s.', 'dm-jobs' ),
			size_format( $bytes, 1 ),
			number_format_i18n( (int) $capacity['rows'] ),
			number_format_i18n( (float) ( $capacity['growth']['rows_per_day'] ?? 0 ), 1 ),
			size_format( $limit )
		);
		$advice = $retention
			? __( 'A retention policy is set: shorten it, or clean up old jobs in the Admin tools of the Jobs screen.', 'dm-jobs' )
			: __( 'No retention policy is set, so jobs are kept forever: set one in the Admin tools of the Jobs screen.', 'dm-jobs' );

		if ( $bytes >= $limit ) {
			return $this->result( 'dm_jobs_table_size', $retention ? self::RECOMMENDED : self::CRITICAL, __( 'The DM Jobs table is larger than it should be', 'dm-jobs' ), $facts . ' ' . $advice, true );
		}
		if ( null !== $in_90 && $in_90 >= $limit ) {
			return $this->result(
				'dm_jobs_table_size',
				self::RECOMMENDED,
				__( 'The DM Jobs table will outgrow its threshold within 90 days', 'dm-jobs' ),
				/* translators: %s: projected size. */
				$facts . ' ' . sprintf( __( 'In 90 days it will be about %s.', 'dm-jobs' ), size_format( $in_90, 1 ) ) . ' ' . $advice,
				true
			);
		}
		return $this->result( 'dm_jobs_table_size', self::GOOD, __( 'The DM Jobs table has room to grow', 'dm-jobs' ), $facts );
	}

	/**
	 * Whether WP-Cron (or Action Scheduler) runs the scheduled work: the count refresh, the rollups
	 * and the daily retention run are scheduled and none is overdue.
	 *
	 * @return array<string, mixed>
	 */
	public function background(): array {
		$overdue_after = self::thresholds()['overdue_minutes'] * MINUTE_IN_SECONDS;
		$missing       = array();
		$overdue       = array();
		foreach ( $this->scheduled_tasks() as $task ) {
			[ 'label' => $label, 'next' => $next ] = $task;
			if ( null === $next ) {
				$missing[] = $label;
			} elseif ( $next < $this->now() - $overdue_after ) {
				/* translators: 1: task, 2: how long ago it was due, e.g. "2 hours". */
				$overdue[] = sprintf( __( '%1$s (due %2$s ago)', 'dm-jobs' ), $label, human_time_diff( $next, $this->now() ) );
			}
		}
		if ( $overdue ) {
			$hint = defined( 'DISABLE_WP_CRON' ) && DISABLE_WP_CRON
				? __( 'DISABLE_WP_CRON is set on this site, so page views never start WP-Cron: a system cron job must request wp-cron.php every few minutes.', 'dm-jobs' )
				: __( 'WP-Cron runs when the site gets visits; on a quiet site, or when loopback requests fail, set up a system cron job that requests wp-cron.php every few minutes.', 'dm-jobs' );
			return $this->result(
				'dm_jobs_background',
				self::CRITICAL,
				__( 'DM Jobs background tasks are not running', 'dm-jobs' ),
				/* translators: %s: list of overdue tasks. */
				sprintf( __( 'Overdue: %s.', 'dm-jobs' ), implode( ', ', $overdue ) ) . ' ' . $hint . ' ' . __( 'Until they run, job counts may be estimates, insights lag behind and retention removes nothing.', 'dm-jobs' )
			);
		}
		if ( $missing ) {
			return $this->result(
				'dm_jobs_background',
				self::RECOMMENDED,
				__( 'Some DM Jobs background tasks are not scheduled', 'dm-jobs' ),
				/* translators: %s: list of tasks. */
				sprintf( __( 'Not scheduled: %s. They are scheduled again on the next visit to wp-admin; if this stays, deactivate and activate DM Jobs.', 'dm-jobs' ), implode( ', ', $missing ) )
			);
		}
		return $this->result( 'dm_jobs_background', self::GOOD, __( 'DM Jobs background tasks run on time', 'dm-jobs' ), __( 'The count refresh, the metrics rollups and the daily retention run are scheduled, and none is overdue.', 'dm-jobs' ) );
	}

	/**
	 * Whether the count snapshot and the metrics rollups are current.
	 *
	 * @return array<string, mixed>
	 */
	public function derived_state(): array {
		$stale_after = self::thresholds()['stale_minutes'] * MINUTE_IN_SECONDS;
		$problems    = array();
		$counts      = ( new JobCounts() )->current();
		$age         = $this->now() - (int) $counts['as_of'];
		if ( empty( $counts['exact'] ) ) {
			$problems[] = __( 'The job counts are estimates until the next count refresh.', 'dm-jobs' );
		} elseif ( $age > $stale_after ) {
			/* translators: %s: how long ago, e.g. "3 hours". */
			$problems[] = sprintf( __( 'The count snapshot was taken %s ago.', 'dm-jobs' ), human_time_diff( (int) $counts['as_of'], $this->now() ) );
		}
		$rollup = ( new RollupService() )->progress();
		if ( 'ready' !== $rollup['state'] ) {
			/* translators: 1: state, e.g. "backfilling", 2: percent done. */
			$problems[] = sprintf( __( 'The metrics rollups are %1$s (%2$s%% done): insights are incomplete until they finish.', 'dm-jobs' ), $rollup['state'], number_format_i18n( (float) $rollup['percent'], 1 ) );
		} elseif ( null !== $rollup['last_run_at'] && (int) strtotime( (string) $rollup['last_run_at'] ) < $this->now() - 2 * $stale_after ) {
			/* translators: %s: how long ago. */
			$problems[] = sprintf( __( 'The metrics rollups last caught up %s ago.', 'dm-jobs' ), human_time_diff( (int) strtotime( (string) $rollup['last_run_at'] ), $this->now() ) );
		}
		if ( $problems ) {
			return $this->result( 'dm_jobs_derived_state', self::RECOMMENDED, __( 'DM Jobs counts or insights are behind', 'dm-jobs' ), implode( ' ', $problems ) . ' ' . __( 'Both are refreshed by WP-Cron; `wp dm-jobs refresh` refreshes them now.', 'dm-jobs' ) );
		}
		return $this->result( 'dm_jobs_derived_state', self::GOOD, __( 'DM Jobs counts and insights are current', 'dm-jobs' ), __( 'The count snapshot and the metrics rollups are up to date.', 'dm-jobs' ) );
	}

	/**
	 * The share of jobs that failed among those that finished in the last 24 hours.
	 *
	 * @return array<string, mixed>
	 */
	public function failure_rate(): array {
		$limits   = self::thresholds();
		$clock    = SiteClock::site();
		( new RollupService() )->catch_up_before_read();
		$range    = MetricsRange::resolve( '24h', null, null, $clock, $this->now(), SiteClock::start_of_week() );
		$totals   = ( new OverviewReport() )->build( $range, $clock, array() )['totals'];
		$finished = (int) $totals['jobs'];
		$failed   = (int) $totals['failed'];
		$facts    = sprintf(
			/* translators: 1: failed jobs, 2: finished jobs. */
			__( '%1$s of %2$s jobs that finished in the last 24 hours failed.', 'dm-jobs' ),
			number_format_i18n( $failed ),
			number_format_i18n( $finished )
		);
		if ( $finished < $limits['min_finished'] ) {
			/* translators: %s: the minimum number of jobs. */
			return $this->result( 'dm_jobs_failure_rate', self::GOOD, __( 'Too few DM Jobs finished to judge the failure rate', 'dm-jobs' ), $facts . ' ' . sprintf( __( 'The rate is judged from %s finished jobs on.', 'dm-jobs' ), number_format_i18n( $limits['min_finished'] ) ) );
		}
		$rate = $failed / $finished;
		if ( $rate >= $limits['failure_rate_recommended'] ) {
			return $this->result(
				'dm_jobs_failure_rate',
				$rate >= $limits['failure_rate_critical'] ? self::CRITICAL : self::RECOMMENDED,
				/* translators: %s: percentage. */
				sprintf( __( '%s of recent DM Jobs failed', 'dm-jobs' ), number_format_i18n( 100 * $rate, 0 ) . '%' ),
				$facts . ' ' . __( 'Open the failed jobs to see why: each shows its error, failed step and suggested fixes.', 'dm-jobs' ),
				true,
				'failed'
			);
		}
		return $this->result( 'dm_jobs_failure_rate', self::GOOD, __( 'Recent DM Jobs mostly succeed', 'dm-jobs' ), $facts );
	}

	/**
	 * Whether Data Machine is active and which of its table generations DM Jobs reads.
	 *
	 * @return array<string, mixed>
	 */
	public function data_machine(): array {
		$primary   = Adapters::primary();
		$secondary = Adapters::secondary();
		$active    = array_filter( Adapters::available(), static fn ( $generation ): bool => $generation->plugin_active() );
		$parts     = array();
		if ( 'standalone' === $primary->key() ) {
			/* translators: %s: table name. */
			$parts[] = sprintf( __( 'No Data Machine tables were found: DM Jobs works on its own table %s.', 'dm-jobs' ), '<code>' . esc_html( $primary->tables()->jobs ) . '</code>' );
		} else {
			/* translators: 1: generation, e.g. "Data Machine", 2: table name. */
			$parts[] = sprintf( __( 'DM Jobs reads the jobs of %1$s from %2$s.', 'dm-jobs' ), esc_html( $primary->label() ), '<code>' . esc_html( $primary->tables()->jobs ) . '</code>' );
		}
		if ( null !== $secondary ) {
			/* translators: 1: generation, 2: table name. */
			$parts[] = sprintf( __( 'Older jobs of %1$s in %2$s are offered as a second source.', 'dm-jobs' ), esc_html( $secondary->label() ), '<code>' . esc_html( $secondary->tables()->jobs ) . '</code>' );
		}
		$parts[] = $active
			? __( 'The Data Machine plugin is active.', 'dm-jobs' )
			: __( 'The Data Machine plugin is not active, so no new jobs are created by it.', 'dm-jobs' );
		$label = $active
			/* translators: %s: generation label. */
			? sprintf( __( 'DM Jobs works with %s', 'dm-jobs' ), $primary->label() )
			: __( 'Data Machine is not active', 'dm-jobs' );
		return $this->result( 'dm_jobs_data_machine', self::GOOD, $label, implode( ' ', $parts ), false, null, false );
	}

	/**
	 * The scheduled tasks and when each runs next (null: not scheduled).
	 *
	 * @return array<string, array{label: string, next: int|null}> By key: count_refresh, rollups, retention.
	 */
	public function scheduled_tasks(): array {
		$retention = RetentionScheduler::schedule()['next_run'];
		return array(
			'count_refresh' => array(
				'label' => __( 'count refresh', 'dm-jobs' ),
				'next'  => self::next( CountRefresher::HOOK ),
			),
			'rollups'       => array(
				'label' => __( 'metrics rollups', 'dm-jobs' ),
				'next'  => self::next( RollupHooks::CRON_HOOK ),
			),
			'retention'     => array(
				'label' => __( 'retention run', 'dm-jobs' ),
				'next'  => null === $retention ? null : (int) strtotime( $retention ),
			),
		);
	}

	private static function next( string $hook ): ?int {
		$next = wp_next_scheduled( $hook );
		return false === $next ? null : (int) $next;
	}

	private function retention_is_set(): bool {
		$settings = ( new RetentionSettings() )->effective();
		return $settings['completed_days'] > 0 || ( $settings['failed_days'] > 0 && ! $settings['keep_failed'] );
	}

	private function now(): int {
		return $this->now ?? time();
	}

	/**
	 * A Site Health result.
	 *
	 * @param string      $test        Test name.
	 * @param string      $status      good, recommended or critical.
	 * @param string      $label       Headline.
	 * @param string      $description Explanation (HTML allowed: already escaped).
	 * @param bool        $link_admin  Add a link to the Admin tools (retention and cleanup).
	 * @param string|null $status_link A job status to link the Jobs screen filtered by.
	 * @param bool        $escape      Escape the description (false when it holds markup built here).
	 * @return array<string, mixed>
	 */
	private function result( string $test, string $status, string $label, string $description, bool $link_admin = false, ?string $status_link = null, bool $escape = true ): array {
		$jobs    = admin_url( 'admin.php?page=' . AdminPage::SLUG );
		$actions = '';
		if ( null !== $status_link ) {
			$actions .= sprintf( '<a href="%s">%s</a> ', esc_url( add_query_arg( 'status', $status_link, $jobs ) ), esc_html__( 'Show the failed jobs', 'dm-jobs' ) );
		}
		if ( $link_admin ) {
			$actions .= sprintf( '<a href="%s">%s</a>', esc_url( $jobs ), esc_html__( 'Open the Jobs screen', 'dm-jobs' ) );
		}
		return array(
			'label'       => $label,
			'status'      => $status,
			'badge'       => array(
				'label' => __( 'DM Jobs', 'dm-jobs' ),
				'color' => self::GOOD === $status ? 'blue' : ( self::CRITICAL === $status ? 'red' : 'orange' ),
			),
			'description' => '<p>' . ( $escape ? esc_html( $description ) : $description ) . '</p>',
			'actions'     => '' === $actions ? '' : '<p>' . trim( $actions ) . '</p>',
			'test'        => $test,
		);
	}
}
