<?php
/**
 * @package DMJobs
 */

namespace DMJobs\Tests\Status;

use DMJobs\Status\BaseStatus;
use DMJobs\Status\StatusParser;
use PHPUnit\Framework\TestCase;

PHP_SAPI === 'cli' || exit;

final class StatusParserTest extends TestCase {

	/**
	 * @return array<string, array{0: string, 1: string, 2: string|null, 3: bool}>
	 */
	public static function stored_values(): array {
		return array(
			'plain completed'        => array( 'completed', 'completed', null, true ),
			'no items'               => array( 'completed_no_items', 'completed_no_items', null, true ),
			'agent skipped'          => array( 'agent_skipped', 'agent_skipped', null, true ),
			'pending'                => array( 'pending', 'pending', null, false ),
			'processing'             => array( 'processing', 'processing', null, false ),
			'dash compound'          => array( 'failed - step_execution_failure', 'failed', 'step_execution_failure', true ),
			'colon compound'         => array( 'failed: timeout', 'failed', 'timeout', true ),
			'colon without space'    => array( 'failed:http_500', 'failed', 'http_500', true ),
			'earliest separator'     => array( 'failed: a - b', 'failed', 'a - b', true ),
			'legacy running'         => array( 'running', 'processing', null, false ),
			'legacy complete'        => array( 'complete', 'completed', null, true ),
			'with errors'            => array( 'completed_with_errors', 'completed', 'completed with errors', true ),
			'with errors, truncated' => array( 'completed_with_error', 'completed', 'completed with errors', true ),
			'upper case'             => array( 'FAILED - x', 'failed', 'x', true ),
			'unknown'                => array( 'exploded', 'exploded', null, false ),
		);
	}

	/**
	 * @dataProvider stored_values
	 */
	public function test_parse( string $raw, string $base, ?string $reason, bool $is_final ): void {
		$parsed = StatusParser::parse( $raw );
		$this->assertSame( $base, $parsed->base_value() );
		$this->assertSame( $reason, $parsed->reason );
		$this->assertSame( $is_final, $parsed->is_final() );
		$this->assertSame( $raw, $parsed->raw );
	}

	public function test_stored_forms_cover_legacy_and_compound_values(): void {
		$forms = StatusParser::stored_forms( BaseStatus::Completed );
		$this->assertEqualsCanonicalizing( array( 'completed', 'complete', 'completed_with_errors', 'completed_with_error' ), $forms['exact'] );
		$this->assertContains( 'completed - ', $forms['prefixes'] );
		$this->assertContains( 'completed:', $forms['prefixes'] );
		$this->assertNotContains( 'completed_no_items', $forms['exact'] );

		$processing = StatusParser::stored_forms( BaseStatus::Processing );
		$this->assertContains( 'running', $processing['exact'] );
	}
}
