<?php
/**
 * The Jobs screen's first paint as HTML: heading (with the slot of its Admin button), tabs, the space the toolbar takes, and the first page
 * as an accessible table with real links (job ID opens the job, headers sort, pagination pages) that
 * work before, or without, any script. The markup and classes are the app's own (JobsTable,
 * JobsPagination, StatusBadge, Timestamp), so when the app renders over it nothing moves.
 *
 * @package DMJobs
 */

namespace DMJobs\Admin;

use DMJobs\Status\BaseStatus;

defined( 'ABSPATH' ) || exit;

final class FirstRowsMarkup {

	/**
	 * @param FirstPaint                              $first_paint The view and its preloaded answers.
	 * @param array{name: string, offsetMinutes: int} $timezone    The site's time zone (as in the app's config).
	 * @param DateLocale                              $date_locale The date-fns locale the app writes dates with.
	 */
	public function __construct(
		private readonly FirstPaint $first_paint,
		private readonly array $timezone,
		private readonly DateLocale $date_locale,
	) {
	}

	public function render(): string {
		$tabs = sprintf(
			'<div class="dm-jobs-view-tabs" role="tablist" aria-label="%1$s"><button type="button" role="tab" id="dm-jobs-tab-list" class="dm-jobs-view-tabs__tab" aria-selected="true" aria-controls="dm-jobs-panel-list" tabindex="0">%2$s</button><button type="button" role="tab" id="dm-jobs-tab-insights" class="dm-jobs-view-tabs__tab" aria-selected="false" aria-controls="dm-jobs-panel-insights" tabindex="-1">%3$s</button></div>',
			esc_attr__( 'Jobs views', 'dm-jobs' ),
			esc_html__( 'Jobs list', 'dm-jobs' ),
			esc_html__( 'Insights', 'dm-jobs' )
		);
		$page = $this->first_paint->first_page();
		$rows = null !== $page && $page['items'] ? $this->table( $page ) : '';
		return '<div class="dm-jobs-app"><div class="dm-jobs-header"><h1>' . esc_html__( 'Jobs', 'dm-jobs' ) . '</h1><div class="dm-jobs-page-actions"></div></div>' . $tabs
			. '<div role="tabpanel" id="dm-jobs-panel-list" aria-labelledby="dm-jobs-tab-list" class="dm-jobs-view-panel">'
			. '<div class="dm-jobs-screen" tabindex="-1"><div class="dm-jobs-toolbar"></div>'
			. $rows . '</div></div></div>';
	}

	/**
	 * @param array{items: array<int, array<string, mixed>>, total: int, total_pages: int, exact: bool} $page
	 */
	private function table( array $page ): string {
		// is-printed: shown once the pagination after the table is parsed (src/app/style.scss).
		$html  = '<div class="dm-jobs-table-wrapper is-printed"><div class="dm-jobs-table-scroll"><table class="widefat striped dm-jobs-table" aria-busy="false">';
		$html .= '<caption class="screen-reader-text">' . esc_html__( 'Jobs', 'dm-jobs' ) . '</caption><thead><tr>';
		$html .= '<th scope="col" class="dm-jobs-column-select"><input type="checkbox" class="dm-jobs-select-page" aria-label="' . esc_attr__( 'Select all jobs on this page', 'dm-jobs' ) . '"></th>';
		$html .= $this->header( 'id', array( 'job_id' => __( 'Job ID', 'dm-jobs' ) ), false );
		$html .= $this->header(
			'pipeline-flow',
			array(
				'pipeline' => __( 'Pipeline', 'dm-jobs' ),
				'flow'     => __( 'Flow', 'dm-jobs' ),
			),
			true
		);
		$html .= $this->header( 'status', array( 'status' => __( 'Status', 'dm-jobs' ) ), false );
		$html .= $this->header( 'created', array( 'created_at' => __( 'Created', 'dm-jobs' ) ), false );
		$html .= $this->header( 'completed', array( 'completed_at' => __( 'Completed', 'dm-jobs' ) ), false );
		$html .= $this->header( 'duration', array( 'duration' => __( 'Duration', 'dm-jobs' ) ), false );
		$html .= '</tr></thead><tbody>';
		foreach ( $page['items'] as $job ) {
			$html .= $this->row( $job );
		}
		return $html . '</tbody></table></div>' . $this->pagination( $page ) . '</div>';
	}

	/**
	 * @param string                $column Column ID.
	 * @param array<string, string> $keys   orderby => label.
	 * @param bool                  $group  Whether each key is its own part ("Pipeline → Flow").
	 */
	private function header( string $column, array $keys, bool $group ): string {
		$view      = $this->first_paint->view;
		$aria_sort = isset( $keys[ $view->orderby ] ) ? ( 'asc' === $view->order ? 'ascending' : 'descending' ) : 'none';
		$links     = array();
		foreach ( $keys as $orderby => $label ) {
			$active = $view->orderby === $orderby;
			$order  = $active ? ( 'asc' === $view->order ? 'desc' : 'asc' ) : ( in_array( $orderby, array( 'status', 'pipeline', 'flow' ), true ) ? 'asc' : 'desc' );
			$arrow  = $active ? ( 'asc' === $view->order ? '↑' : '↓' ) : '↕';
			$links[] = sprintf(
				'<a class="dm-jobs-sort-button%1$s" href="%2$s" title="%3$s">%4$s<span class="dm-jobs-sort-arrow%1$s" aria-hidden="true">%5$s</span></a>',
				$active ? ' is-active' : '',
				esc_url(
					$view->admin_url(
						array(
							'orderby' => $orderby,
							'order'   => $order,
							'page'    => 1,
						)
					)
				),
				/* translators: %s: column name, e.g. Created. */
				esc_attr( sprintf( __( 'Sort by %s', 'dm-jobs' ), $label ) ),
				esc_html( $label ),
				$arrow
			);
		}
		$inner = $links[0];
		if ( $group ) {
			$inner = '<span class="dm-jobs-sort-group">';
			foreach ( $links as $index => $link ) {
				$inner .= '<span>' . ( $index > 0 ? '<span class="dm-jobs-sort-separator"> → </span>' : '' ) . $link . '</span>';
			}
			$inner .= '</span>';
		}
		return sprintf( '<th scope="col" class="dm-jobs-column-%1$s" aria-sort="%2$s">%3$s</th>', esc_attr( $column ), $aria_sort, $inner );
	}

	/**
	 * @param array<string, mixed> $job A job as GET /jobs returns it.
	 */
	private function row( array $job ): string {
		$id         = (int) $job['id'];
		$link       = add_query_arg( 'job', $id, $this->first_paint->view->admin_url() );
		$impossible = self::completed_before_created( $job['created_at'] ?? null, $job['completed_at'] ?? null );
		return sprintf(
			'<tr data-job-id="%1$d"><td class="dm-jobs-column-select" data-label=""><input type="checkbox" class="dm-jobs-select-row" aria-label="%3$s"></td>'
			. '<td class="dm-jobs-column-id" data-label="%4$s"><a class="dm-jobs-job-link dm-jobs-open-job" data-job-link="%1$d" href="%5$s" aria-label="%2$s">%1$d</a></td>'
			. '<td class="dm-jobs-column-pipeline-flow" data-label="%6$s">%7$s</td>'
			. '<td class="dm-jobs-column-status" data-label="%8$s">%9$s</td>'
			. '<td class="dm-jobs-column-created" data-label="%10$s">%11$s</td>'
			. '<td class="dm-jobs-column-completed" data-label="%12$s">%13$s</td>'
			. '<td class="dm-jobs-column-duration" data-label="%14$s">%15$s</td></tr>',
			$id,
			/* translators: %d: job ID. */
			esc_attr( sprintf( __( 'Job %d: open details', 'dm-jobs' ), $id ) ),
			/* translators: %d: job ID. */
			esc_attr( sprintf( __( 'Select job %d', 'dm-jobs' ), $id ) ),
			esc_attr__( 'Job ID', 'dm-jobs' ),
			esc_url( $link ),
			esc_attr__( 'Pipeline → Flow', 'dm-jobs' ),
			esc_html( $this->pipeline_flow( $job ) ),
			esc_attr__( 'Status', 'dm-jobs' ),
			$this->status_badge( $job ),
			esc_attr__( 'Created', 'dm-jobs' ),
			$this->timestamp( $job['created_at'] ?? null ),
			esc_attr__( 'Completed', 'dm-jobs' ),
			$this->timestamp( $job['completed_at'] ?? null ) . ( $impossible ? '<span class="dm-jobs-time-warning">' . esc_html__( 'Impossible: before it was created', 'dm-jobs' ) . '</span>' : '' ),
			esc_attr__( 'Duration', 'dm-jobs' ),
			esc_html( $impossible ? __( 'Invalid', 'dm-jobs' ) : self::duration( isset( $job['duration'] ) ? (int) $job['duration'] : null ) )
		);
	}

	/**
	 * "Pipeline → Flow" as the app writes it: formatPipelineFlow, or, when Data Machine is active (its
	 * pages linked), DataMachineLink's texts ("deleted pipeline #3" for a pipeline that is gone).
	 *
	 * @param array<string, mixed> $job
	 */
	private function pipeline_flow( array $job ): string {
		$pipeline_id = isset( $job['pipeline_id'] ) ? (int) $job['pipeline_id'] : null;
		$flow_id     = isset( $job['flow_id'] ) ? (int) $job['flow_id'] : null;
		$pipeline    = self::name( $job['pipeline_name'] ?? null );
		$flow        = self::name( $job['flow_name'] ?? null );
		if ( null !== ( \DMJobs\Runs\ScreenIntegration::config()['links'] ?? null ) ) {
			/* translators: %d: pipeline ID */
			$pipeline_text = self::linked_name( $pipeline, $pipeline_id ?? 0, __( 'deleted pipeline #%d', 'dm-jobs' ) );
			/* translators: %d: flow ID */
			$flow_text = self::linked_name( $flow, $flow_id ?? 0, __( 'deleted flow #%d', 'dm-jobs' ) );
			return $pipeline_text . ' → ' . $flow_text;
		}
		/* translators: %d: pipeline ID. */
		$pipeline = $pipeline ?? ( null === $pipeline_id ? '—' : sprintf( __( 'Pipeline #%d', 'dm-jobs' ), $pipeline_id ) );
		/* translators: %d: flow ID. */
		$flow = $flow ?? ( null === $flow_id ? '—' : sprintf( __( 'Flow #%d', 'dm-jobs' ), $flow_id ) );
		/* translators: 1: pipeline name, 2: flow name. */
		return sprintf( __( '%1$s → %2$s', 'dm-jobs' ), $pipeline, $flow );
	}

	private static function name( mixed $name ): ?string {
		$trimmed = trim( (string) $name );
		return '' === $trimmed ? null : $trimmed;
	}

	private static function linked_name( ?string $name, int $id, string $deleted ): string {
		if ( $id < 1 ) {
			return $name ?? '—';
		}
		return $name ?? sprintf( $deleted, $id );
	}

	/**
	 * @param array<string, mixed> $job
	 */
	private function status_badge( array $job ): string {
		$status = (string) $job['status'];
		$reason = trim( (string) ( $job['status_reason'] ?? '' ) );
		$tone   = match ( $status ) {
			'completed' => 'completed',
			'failed'    => 'failed',
			default     => 'neutral',
		};
		$html = sprintf(
			'<span class="dm-jobs-status"><span class="dm-jobs-status-badge is-%1$s" data-status="%2$s">%3$s</span>',
			$tone,
			esc_attr( $status ),
			esc_html( self::status_label( $status ) )
		);
		if ( '' !== $reason ) {
			$html .= '<span class="dm-jobs-status-reason">' . esc_html( $reason ) . '</span>';
		}
		$html .= '</span>';
		// As the app's status cell: the stuck badge, and a failed row's error summary.
		if ( true === ( $job['is_stuck'] ?? false ) ) {
			$html .= sprintf(
				'<span class="dm-jobs-stuck-badge" title="%1$s">%2$s</span>',
				esc_attr__( 'Pending or processing for longer than the stuck-jobs alert threshold.', 'dm-jobs' ),
				esc_html__( 'Stuck', 'dm-jobs' )
			);
		}
		$summary = $job['error_summary'] ?? null;
		if ( 'failed' === $status && is_string( $summary ) && '' !== $summary ) {
			$html .= sprintf( '<span class="dm-jobs-error-summary" title="%1$s">%2$s</span>', esc_attr( $summary ), esc_html( $summary ) );
		}
		return $html;
	}

	/**
	 * As the app's completedBeforeCreated: both times readable and the completion earlier.
	 */
	private static function completed_before_created( mixed $created_at, mixed $completed_at ): bool {
		$created   = is_string( $created_at ) && '' !== trim( $created_at ) ? strtotime( $created_at ) : false;
		$completed = is_string( $completed_at ) && '' !== trim( $completed_at ) ? strtotime( $completed_at ) : false;
		return false !== $created && false !== $completed && $completed < $created;
	}

	public static function status_label( string $status ): string {
		$base = BaseStatus::tryFrom( $status );
		if ( null !== $base ) {
			return $base->label();
		}
		return '' === $status ? __( 'Unknown', 'dm-jobs' ) : $status;
	}

	private function timestamp( mixed $value ): string {
		if ( ! is_string( $value ) || '' === trim( $value ) ) {
			return '<span class="dm-jobs-time is-empty">—</span>';
		}
		$time = strtotime( $value );
		if ( false === $time ) {
			return '<span class="dm-jobs-time is-invalid">' . esc_html( $value ) . '</span>';
		}
		$zoned    = ( new \DateTimeImmutable( '@' . $time ) )->setTimezone( $this->zone() );
		$now_year = ( new \DateTimeImmutable( '@' . $this->first_paint->now ) )->setTimezone( $this->zone() )->format( 'Y' );
		// The app's patterns (src/shared/format/format-date.ts), translated as the app's are.
		$short = $zoned->format( 'Y' ) === $now_year
			? _x( 'MMM d, HH:mm', 'date-fns format: day and time', 'dm-jobs' )
			: _x( 'MMM d yyyy, HH:mm', 'date-fns format: day, year and time', 'dm-jobs' );
		$exact = sprintf(
			/* translators: 1: date and time, 2: time zone name such as America/New_York or UTC+05:30. */
			__( '%1$s (%2$s)', 'dm-jobs' ),
			DateFnsFormat::format( $zoned, $this->date_locale->exact_pattern(), $this->date_locale ),
			$this->zone_label()
		);
		return sprintf(
			'<time class="dm-jobs-time" datetime="%1$s" title="%2$s"><span class="dm-jobs-time-absolute">%3$s</span> <span class="dm-jobs-time-relative">%4$s</span></time>',
			esc_attr( $value ),
			esc_attr( $exact ),
			esc_html( DateFnsFormat::format( $zoned, $short, $this->date_locale ) ),
			esc_html( RelativeTime::format( $time, $this->first_paint->now, $this->date_locale ) )
		);
	}

	private function zone(): \DateTimeZone {
		if ( '' !== $this->timezone['name'] ) {
			try {
				return new \DateTimeZone( $this->timezone['name'] );
			} catch ( \Exception $e ) {
				unset( $e );
			}
		}
		return new \DateTimeZone( self::offset( $this->timezone['offsetMinutes'] ) );
	}

	private function zone_label(): string {
		if ( '' !== $this->timezone['name'] ) {
			return $this->timezone['name'];
		}
		if ( 0 === $this->timezone['offsetMinutes'] ) {
			return __( 'UTC', 'dm-jobs' );
		}
		/* translators: %s: offset from UTC, e.g. +05:30. */
		return sprintf( __( 'UTC%s', 'dm-jobs' ), self::offset( $this->timezone['offsetMinutes'] ) );
	}

	private static function offset( int $minutes ): string {
		$absolute = abs( $minutes );
		return sprintf( '%s%02d:%02d', $minutes < 0 ? '-' : '+', intdiv( $absolute, 60 ), $absolute % 60 );
	}

	/**
	 * @param array{items: array<int, array<string, mixed>>, total: int, total_pages: int, exact: bool} $page
	 */
	private function pagination( array $page ): string {
		$view    = $this->first_paint->view;
		$pages   = max( 1, $page['total_pages'] );
		$current = $view->page;
		if ( $page['exact'] ) {
			/* translators: %s: number of jobs, e.g. 3,000. */
			$total = sprintf( _n( '%s job', '%s jobs', $page['total'], 'dm-jobs' ), number_format_i18n( $page['total'] ) );
			/* translators: 1: current page number, 2: number of pages. */
			$where = sprintf( __( 'Page %1$s of %2$s', 'dm-jobs' ), number_format_i18n( $current ), number_format_i18n( $pages ) );
		} else {
			/* translators: %s: estimated number of jobs, e.g. 1.2M. */
			$total = sprintf( _n( 'about %s job', 'about %s jobs', $page['total'], 'dm-jobs' ), self::approximate( $page['total'] ) );
			/* translators: 1: current page number, 2: estimated number of pages. */
			$where = sprintf( __( 'Page %1$s of about %2$s', 'dm-jobs' ), number_format_i18n( $current ), number_format_i18n( $pages ) );
		}
		return sprintf(
			'<nav class="dm-jobs-pagination" aria-label="%1$s"><span class="dm-jobs-total">%2$s</span><div class="dm-jobs-pagination__controls">%3$s<span class="dm-jobs-pagination__current" aria-live="polite">%4$s</span>%5$s</div></nav>',
			esc_attr__( 'Jobs pagination', 'dm-jobs' ),
			esc_html( $total ),
			$this->page_link( __( 'Previous page', 'dm-jobs' ), $current > 1 ? $current - 1 : null ),
			esc_html( $where ),
			$this->page_link( __( 'Next page', 'dm-jobs' ), self::has_next_page( $page, $current, $view->per_page ) ? $current + 1 : null )
		);
	}

	/**
	 * An estimated total may be too low or too high: then a full page means there may be more.
	 *
	 * @param array{items: array<int, array<string, mixed>>, total: int, total_pages: int, exact: bool} $page
	 */
	public static function has_next_page( array $page, int $current, int $per_page ): bool {
		return $page['exact'] ? $current < max( 1, $page['total_pages'] ) : count( $page['items'] ) >= $per_page;
	}

	private function page_link( string $label, ?int $page ): string {
		if ( null === $page ) {
			return '<a class="button disabled" role="link" aria-disabled="true">' . esc_html( $label ) . '</a>';
		}
		return sprintf( '<a class="button" href="%1$s">%2$s</a>', esc_url( $this->first_paint->view->admin_url( array( 'page' => $page ) ) ), esc_html( $label ) );
	}

	/**
	 * Like the app's compact numbers ("1.2M") for estimates.
	 */
	private static function approximate( int $value ): string {
		if ( $value < 10000 ) {
			return number_format_i18n( $value );
		}
		foreach ( array( 1e12 => 'T', 1e9 => 'B', 1e6 => 'M', 1e3 => 'K' ) as $unit => $suffix ) {
			if ( $value >= $unit ) {
				$scaled = $value / $unit;
				return ( $scaled >= 100 ? number_format_i18n( round( $scaled ) ) : rtrim( rtrim( number_format_i18n( round( $scaled, 1 ), 1 ), '0' ), '.' ) ) . $suffix;
			}
		}
		return number_format_i18n( $value );
	}

	/**
	 * A run time as the app writes it: "45 s", "1 min 6 s", "2 h 5 min", "3 d 4 h"; "—" when unknown.
	 */
	public static function duration( ?int $seconds ): string {
		if ( null === $seconds || $seconds < 0 ) {
			return '—';
		}
		$days    = intdiv( $seconds, 86400 );
		$hours   = intdiv( $seconds % 86400, 3600 );
		$minutes = intdiv( $seconds % 3600, 60 );
		$secs    = $seconds % 60;
		if ( $days > 0 ) {
			/* translators: 1: days, 2: hours. */
			return $hours > 0 ? sprintf( __( '%1$d d %2$d h', 'dm-jobs' ), $days, $hours ) : sprintf( __( '%d d', 'dm-jobs' ), $days ); // phpcs:ignore WordPress.WP.I18n.MissingTranslatorsComment
		}
		if ( $hours > 0 ) {
			/* translators: 1: hours, 2: minutes. */
			return $minutes > 0 ? sprintf( __( '%1$d h %2$d min', 'dm-jobs' ), $hours, $minutes ) : sprintf( __( '%d h', 'dm-jobs' ), $hours ); // phpcs:ignore WordPress.WP.I18n.MissingTranslatorsComment
		}
		if ( $minutes > 0 ) {
			/* translators: 1: minutes, 2: seconds. */
			return $secs > 0 ? sprintf( __( '%1$d min %2$d s', 'dm-jobs' ), $minutes, $secs ) : sprintf( __( '%d min', 'dm-jobs' ), $minutes ); // phpcs:ignore WordPress.WP.I18n.MissingTranslatorsComment
		}
		/* translators: %d: seconds. */
		return sprintf( __( '%d s', 'dm-jobs' ), $secs );
	}
}
