<?php
/**
 * The demo site's pipelines and flows: which Data Machine handlers each step uses, how long a run
 * usually takes, and which flow is misconfigured (so its failures and its configuration checks agree).
 *
 * @package DMJobs
 */

namespace DMJobs\Demo;

defined( 'ABSPATH' ) || exit;

final class DemoCatalog {

	/**
	 * Pipeline name => fetch handler, typical run in seconds (median), and flow name => publish handler.
	 *
	 * @var array<string, array{fetch: string, median: int, flows: array<string, string>}>
	 */
	public const PIPELINES = array(
		'RSS to Blog'           => array(
			'fetch'  => 'rss',
			'median' => 45,
			'flows'  => array(
				'Tech headlines'    => 'wordpress_publish',
				'Local news digest' => 'wordpress_publish',
				'Science roundup'   => 'wordpress_publish',
			),
		),
		'Reddit Digest'         => array(
			'fetch'  => 'reddit',
			'median' => 80,
			'flows'  => array(
				'r/WordPress weekly'  => 'wordpress_publish',
				'r/webdev highlights' => 'wordpress_publish',
			),
		),
		'Product Feed Sync'     => array(
			'fetch'  => 'googlesheets_fetch',
			'median' => 240,
			'flows'  => array(
				'Shop catalogue (hourly)' => 'wordpress_publish',
				'Price updates'           => 'wordpress_publish',
			),
		),
		'Newsletter Builder'    => array(
			'fetch'  => 'wordpress_posts',
			'median' => 150,
			'flows'  => array( 'Friday newsletter' => 'googlesheets_output' ),
		),
		'Social Publisher'      => array(
			'fetch'  => 'wordpress_posts',
			'median' => 20,
			'flows'  => array(
				'Bluesky posts' => 'bluesky',
				'X posts'       => 'twitter',
				'Threads posts' => 'threads',
			),
		),
		'AI Content Enrichment' => array(
			'fetch'  => 'wordpress_posts',
			'median' => 110,
			'flows'  => array(
				'Summarise drafts' => 'wordpress_publish',
				'Tag old posts'    => 'wordpress_publish',
			),
		),
	);

	/**
	 * The pipeline whose runs get slower over the 90 days (its median grows to 2.5×), so the
	 * duration trend has something to show.
	 */
	public const SLOWING_PIPELINE = 'AI Content Enrichment';

	/**
	 * The flow whose publish handler was removed UNCONFIGURED_SINCE_DAYS ago: its stored flow_config
	 * has no publish handler and every run since fails with no_config.
	 */
	public const UNCONFIGURED_FLOW = 'Threads posts';

	public const UNCONFIGURED_SINCE_DAYS = 2;

	/**
	 * Handler slug => the remote endpoint it calls (handlers that stay inside WordPress have none).
	 */
	public const ENDPOINTS = array(
		'rss'                 => 'https://example.com/feed.xml',
		'reddit'              => 'https://www.reddit.com/r/WordPress/top.json',
		'googlesheets_fetch'  => 'https://sheets.googleapis.com/v4/spreadsheets/demo/values/A1:Z500',
		'googlesheets_output' => 'https://sheets.googleapis.com/v4/spreadsheets/demo/values/A1:append',
		'bluesky'             => 'https://bsky.social/xrpc/com.atproto.repo.createRecord',
		'twitter'             => 'https://api.twitter.com/2/tweets',
		'threads'             => 'https://graph.threads.net/v1.0/me/threads_publish',
	);

	public static function endpoint( string $handler ): ?string {
		return self::ENDPOINTS[ $handler ] ?? null;
	}

	/**
	 * Data Machine's flow_config for a flow: one entry per pipeline step, keyed by flow step ID
	 * ({pipeline_step_id}_{flow_id}), with the handler each step uses.
	 *
	 * @param array<string, string> $step_ids Step type (fetch, ai, publish) => pipeline step ID.
	 * @return array<string, array<string, mixed>>
	 */
	public static function flow_config( int $flow_id, array $step_ids, string $fetch_handler, string $publish_handler ): array {
		$config = array();
		foreach ( $step_ids as $type => $pipeline_step_id ) {
			$flow_step_id = $pipeline_step_id . '_' . $flow_id;
			$entry        = array(
				'flow_step_id'     => $flow_step_id,
				'pipeline_step_id' => $pipeline_step_id,
				'step_type'        => $type,
				'flow_id'          => $flow_id,
			);
			if ( 'fetch' === $type || 'publish' === $type ) {
				$entry['handler_slug']   = 'fetch' === $type ? $fetch_handler : $publish_handler;
				$entry['handler_config'] = array();
			}
			$config[ $flow_step_id ] = $entry;
		}
		return $config;
	}
}
