<?php
/**
 * The two public functions of Action Scheduler 3.x that DM Jobs calls to cancel a deleted job's pending
 * actions, answering from the tables of ActionSchedulerTables with the statements its database store
 * runs (ActionScheduler_DBStore::get_query_actions_sql(), fetch_action(), cancel_action()). Only the
 * query keys DM Jobs uses are supported; any other is refused, so a test cannot pass on behaviour this
 * file does not have. Loaded only by the tests that need it, and only where Action Scheduler is absent (the
 * functions are declared when this file is compiled, so the caller checks).
 *
 * @package DMJobs
 */

// phpcs:disable WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- placeholders are built from fixed strings.

use DMJobs\Tests\DataMachine\ActionSchedulerTables;

PHP_SAPI === 'cli' || exit;

/**
 * What fetch_action() returns for a stored action: its hook, decoded arguments and group.
 */
final class DM_Jobs_Test_Stored_Action {

	/**
	 * @param array<mixed> $args
	 */
	public function __construct( private readonly string $hook, private readonly array $args, private readonly string $group ) {
	}

	public function get_hook(): string {
		return $this->hook;
	}

	/**
	 * @return array<mixed>
	 */
	public function get_args(): array {
		return $this->args;
	}

	public function get_group(): string {
		return $this->group;
	}
}

/**
 * ActionScheduler_DBStore::query_actions(): action IDs matching hook, exact args, group and status.
 *
 * @param array<string, mixed> $query
 * @return string[]
 */
function dm_jobs_test_query_actions( array $query ): array {
	global $wpdb;
	$unsupported = array_diff( array_keys( $query ), array( 'hook', 'args', 'group', 'status', 'per_page', 'orderby', 'order' ) );
	if ( $unsupported ) {
		throw new \InvalidArgumentException( 'Not part of the minimal Action Scheduler data model: ' . implode( ', ', $unsupported ) );
	}
	$query  = wp_parse_args(
		$query,
		array(
			'hook'     => '',
			'args'     => null,
			'group'    => '',
			'status'   => '',
			'per_page' => 5,
			'orderby'  => 'date',
			'order'    => 'ASC',
		)
	);
	$sql    = "SELECT a.action_id FROM {$wpdb->actionscheduler_actions} a";
	$params = array();
	if ( ! empty( $query['group'] ) ) {
		$sql .= " LEFT JOIN {$wpdb->actionscheduler_groups} g ON g.group_id=a.group_id";
	}
	$sql .= ' WHERE 1=1';
	if ( ! empty( $query['group'] ) ) {
		$sql     .= ' AND g.slug=%s';
		$params[] = $query['group'];
	}
	if ( ! empty( $query['hook'] ) ) {
		$sql     .= ' AND a.hook=%s';
		$params[] = $query['hook'];
	}
	if ( null !== $query['args'] ) {
		$json     = (string) wp_json_encode( $query['args'] );
		$sql     .= ' AND a.args=%s';
		$params[] = strlen( $json ) <= ActionSchedulerTables::MAX_ARGS_LENGTH ? $json : md5( $json );
	}
	if ( $query['status'] ) {
		$statuses = array_values( (array) $query['status'] );
		$sql     .= ' AND a.status IN (' . implode( ', ', array_fill( 0, count( $statuses ), '%s' ) ) . ')';
		$params   = array_merge( $params, $statuses );
	}
	if ( 'date' !== $query['orderby'] ) {
		throw new \InvalidArgumentException( 'Only orderby=date is part of the minimal Action Scheduler data model.' );
	}
	$sql .= ' ORDER BY a.scheduled_date_gmt ' . ( 'ASC' === strtoupper( (string) $query['order'] ) ? 'ASC' : 'DESC' );
	if ( (int) $query['per_page'] > 0 ) {
		$sql     .= ' LIMIT %d, %d';
		$params[] = 0;
		$params[] = (int) $query['per_page'];
	}
	return $wpdb->get_col( $params ? $wpdb->prepare( $sql, $params ) : $sql );
}

/**
 * ActionScheduler_DBStore::fetch_action(): the arguments from extended_args when they were too long.
 */
function dm_jobs_test_fetch_action( int $action_id ): ?DM_Jobs_Test_Stored_Action {
	global $wpdb;
	$row = $wpdb->get_row( $wpdb->prepare( "SELECT a.*, g.slug AS `group` FROM {$wpdb->actionscheduler_actions} a LEFT JOIN {$wpdb->actionscheduler_groups} g ON a.group_id=g.group_id WHERE a.action_id=%d", $action_id ) );
	if ( ! $row ) {
		return null;
	}
	$args = json_decode( (string) ( empty( $row->extended_args ) ? $row->args : $row->extended_args ), true );
	return new DM_Jobs_Test_Stored_Action( (string) $row->hook, is_array( $args ) ? $args : array(), (string) $row->group );
}

/**
 * as_get_scheduled_actions( $args, $return_format ): IDs ('ids'), or ID => action (OBJECT).
 *
 * @param array<string, mixed> $args
 * @return array<int|string, mixed>
 */
function as_get_scheduled_actions( $args = array(), $return_format = OBJECT ) {
	if ( ! ActionSchedulerTables::ready() ) {
		return array();
	}
	$ids = dm_jobs_test_query_actions( (array) $args );
	if ( 'ids' === $return_format || 'int' === $return_format ) {
		return $ids;
	}
	if ( OBJECT !== $return_format ) {
		throw new \InvalidArgumentException( 'Only ids and OBJECT are part of the minimal Action Scheduler data model.' );
	}
	$actions = array();
	foreach ( $ids as $action_id ) {
		$actions[ $action_id ] = dm_jobs_test_fetch_action( (int) $action_id );
	}
	return $actions;
}

/**
 * as_unschedule_action( $hook, $args, $group ): cancels the next pending action with exactly these
 * arguments (ActionScheduler_DBStore::cancel_action(): status "canceled", then the
 * action_scheduler_canceled_action hook); its ID, or null when there is none.
 *
 * @param string       $hook
 * @param array<mixed> $args
 * @param string       $group
 * @return string|null
 */
function as_unschedule_action( $hook, $args = array(), $group = '' ) {
	global $wpdb;
	if ( ! ActionSchedulerTables::ready() ) {
		return 0;
	}
	$query = array(
		'hook'     => $hook,
		'status'   => 'pending',
		'orderby'  => 'date',
		'order'    => 'ASC',
		'group'    => $group,
		'per_page' => 1,
	);
	if ( is_array( $args ) ) {
		$query['args'] = $args;
	}
	$action_id = dm_jobs_test_query_actions( $query )[0] ?? null;
	if ( null !== $action_id ) {
		$wpdb->update( $wpdb->actionscheduler_actions, array( 'status' => 'canceled' ), array( 'action_id' => (int) $action_id ), array( '%s' ), array( '%d' ) );
		do_action( 'action_scheduler_canceled_action', (int) $action_id );
	}
	return $action_id;
}
