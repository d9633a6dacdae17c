<?php
/**
 * Action Scheduler's data model, for tests on a site without Action Scheduler (no registry DM Jobs'
 * tests can install from carries it): its tables, created by its own CREATE TABLE statements
 * (ActionScheduler_StoreSchema, schema version 7, through dbDelta as its schema class runs them), and
 * rows written the way its database store writes them (ActionScheduler_DBStore::save_action_to_db():
 * status "pending", GMT and local dates, the serialized ActionScheduler_SimpleSchedule, the group's ID
 * from actionscheduler_groups (created on first use), priority 10, the JSON arguments in `args`, or
 * their MD5 in `args` and the JSON in `extended_args` when longer than 191 characters).
 *
 * With ready() the two public functions DM Jobs calls (action-scheduler-functions.php) answer from
 * these tables; before it, and after drop(), they answer as Action Scheduler does before it is
 * initialised (nothing found, nothing cancelled). This is not Action Scheduler: its queue runner,
 * claims, caches, logger and other stores (wpPostStore, HybridStore) are not here.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\DataMachine;

PHP_SAPI === 'cli' || exit;

final class ActionSchedulerTables {

	/**
	 * The longest `args` value stored as is (ActionScheduler_DBStore::$max_index_length).
	 */
	public const MAX_ARGS_LENGTH = 191;

	private static bool $ready = false;

	public static function ready(): bool {
		return self::$ready;
	}

	/**
	 * Creates the tables (dbDelta, as ActionScheduler_Abstract_Schema::update_table() does) and names them
	 * on $wpdb (as register_tables() does).
	 */
	public static function create(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		self::register();
		$collate      = $wpdb->get_charset_collate();
		$default_date = '0000-00-00 00:00:00';
		$max          = self::MAX_ARGS_LENGTH;
		$hook_max     = $max - 20 - 8;
		dbDelta(
			"CREATE TABLE {$wpdb->actionscheduler_actions} (
				        action_id bigint(20) unsigned NOT NULL auto_increment,
				        hook varchar(191) NOT NULL,
				        status varchar(20) NOT NULL,
				        scheduled_date_gmt datetime NULL default '{$default_date}',
				        scheduled_date_local datetime NULL default '{$default_date}',
				        priority tinyint unsigned NOT NULL default '10',
				        args varchar($max),
				        schedule longtext,
				        group_id bigint(20) unsigned NOT NULL default '0',
				        attempts int(11) NOT NULL default '0',
				        last_attempt_gmt datetime NULL default '{$default_date}',
				        last_attempt_local datetime NULL default '{$default_date}',
				        claim_id bigint(20) unsigned NOT NULL default '0',
				        extended_args varchar(8000) DEFAULT NULL,
				        PRIMARY KEY  (action_id),
				        KEY hook_status_scheduled_date_gmt (hook($hook_max), status, scheduled_date_gmt),
				        KEY status_scheduled_date_gmt (status, scheduled_date_gmt),
				        KEY scheduled_date_gmt (scheduled_date_gmt),
				        KEY args (args($max)),
				        KEY group_id (group_id),
				        KEY last_attempt_gmt (last_attempt_gmt),
				        KEY `claim_id_status_scheduled_date_gmt` (`claim_id`, `status`, `scheduled_date_gmt`)
				        ) $collate"
		);
		dbDelta(
			"CREATE TABLE {$wpdb->actionscheduler_claims} (
				        claim_id bigint(20) unsigned NOT NULL auto_increment,
				        date_created_gmt datetime NULL default '{$default_date}',
				        PRIMARY KEY  (claim_id),
				        KEY date_created_gmt (date_created_gmt)
				        ) $collate"
		);
		dbDelta(
			"CREATE TABLE {$wpdb->actionscheduler_groups} (
				        group_id bigint(20) unsigned NOT NULL auto_increment,
				        slug varchar(255) NOT NULL,
				        PRIMARY KEY  (group_id),
				        KEY slug (slug($max))
				        ) $collate"
		);
		self::$ready = true;
	}

	public static function drop(): void {
		global $wpdb;
		self::$ready = false;
		foreach ( array( 'actionscheduler_actions', 'actionscheduler_claims', 'actionscheduler_groups' ) as $table ) {
			$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}{$table}" );
		}
	}

	private static function register(): void {
		global $wpdb;
		foreach ( array( 'actionscheduler_actions', 'actionscheduler_claims', 'actionscheduler_groups' ) as $table ) {
			$wpdb->tables[] = $table;
			$wpdb->$table   = $wpdb->prefix . $table;
		}
	}

	/**
	 * as_schedule_single_action( $timestamp, $hook, $args, $group ): the row its store writes.
	 *
	 * @param array<string, mixed> $args
	 * @return int The action ID.
	 */
	public static function schedule_single( int $timestamp, string $hook, array $args, string $group ): int {
		global $wpdb;
		$json = (string) wp_json_encode( $args );
		$row  = array(
			'hook'                 => $hook,
			'status'               => 'pending',
			'scheduled_date_gmt'   => gmdate( 'Y-m-d H:i:s', $timestamp ),
			'scheduled_date_local' => get_date_from_gmt( gmdate( 'Y-m-d H:i:s', $timestamp ) ),
			'schedule'             => self::simple_schedule( $timestamp ),
			'group_id'             => self::group_id( $group ),
			'priority'             => 10,
		);
		if ( strlen( $json ) <= self::MAX_ARGS_LENGTH ) {
			$row['args'] = $json;
		} else {
			$row['args']          = md5( $json );
			$row['extended_args'] = $json;
		}
		$wpdb->insert( $wpdb->actionscheduler_actions, $row );
		return (int) $wpdb->insert_id;
	}

	/**
	 * An action the queue runner has claimed and started ("in-progress"), or that has run ("complete").
	 */
	public static function set_status( int $action_id, string $status ): void {
		global $wpdb;
		$wpdb->update( $wpdb->actionscheduler_actions, array( 'status' => $status ), array( 'action_id' => $action_id ) );
	}

	public static function status( int $action_id ): ?string {
		global $wpdb;
		$status = $wpdb->get_var( $wpdb->prepare( "SELECT status FROM {$wpdb->actionscheduler_actions} WHERE action_id = %d", $action_id ) );
		return null === $status ? null : (string) $status;
	}

	/**
	 * ActionScheduler_SimpleSchedule as serialize() writes it: its __sleep() keeps scheduled_timestamp
	 * (protected) and, for Action Scheduler before 3.0, timestamp (private).
	 */
	private static function simple_schedule( int $timestamp ): string {
		$class = 'ActionScheduler_SimpleSchedule';
		return sprintf( 'O:%d:"%s":2:{s:22:"%s";i:%d;s:%d:"%s";i:%d;}', strlen( $class ), $class, "\0*\0scheduled_timestamp", $timestamp, strlen( "\0{$class}\0timestamp" ), "\0{$class}\0timestamp", $timestamp );
	}

	/**
	 * ActionScheduler_DBStore::get_group_ids( $slug ): the group's ID, the group created when missing.
	 */
	private static function group_id( string $slug ): int {
		global $wpdb;
		$group_id = (int) $wpdb->get_var( $wpdb->prepare( "SELECT group_id FROM {$wpdb->actionscheduler_groups} WHERE slug=%s", $slug ) );
		if ( $group_id ) {
			return $group_id;
		}
		$wpdb->insert( $wpdb->actionscheduler_groups, array( 'slug' => $slug ) );
		return (int) $wpdb->insert_id;
	}
}
