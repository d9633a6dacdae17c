<?php
/**
 * Thrown inside a batch when the run no longer holds the operation's lease, so the batch is undone.
 *
 * @package DMJobs
 */

namespace DMJobs\Operations;

defined( 'ABSPATH' ) || exit;

final class LeaseLost extends \RuntimeException {
}
