<?php
/**
 * Upper bounds shared by the route schemas, so that every number a client sends stays far from
 * PHP's integer limits in any arithmetic done with it (offsets, cursors, sums).
 *
 * @package DMJobs
 */

namespace DMJobs\Shared\Rest;

defined( 'ABSPATH' ) || exit;

final class ParamLimits {

	/**
	 * The largest row ID accepted (2^53 - 1: also the largest integer a browser represents exactly).
	 */
	public const MAX_ID = 9007199254740991;

	/**
	 * The largest page number: page × per_page stays below 2^34 for every page size.
	 */
	public const MAX_PAGE = 100000000;

	/**
	 * The largest row count a client may confirm or refer to.
	 */
	public const MAX_COUNT = 9007199254740991;
}
