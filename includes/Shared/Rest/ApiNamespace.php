<?php
/**
 * The REST namespace every DM Jobs route lives in.
 *
 * @package DMJobs
 */

namespace DMJobs\Shared\Rest;

defined( 'ABSPATH' ) || exit;

final class ApiNamespace {

	public const NAME = 'dm-jobs/v1';
}
