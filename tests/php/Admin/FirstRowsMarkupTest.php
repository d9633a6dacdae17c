<?php
/**
 * The first rows PHP prints: the page the API answers for the URL's view, in that order, written as the app
 * writes each cell (German dates for an admin who reads German, the app's verdict on impossible times, the
 * stored reason of a status), and escaped.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\Admin;

use DMJobs\Admin\DateLocale;
use DMJobs\Admin\FirstPaint;
use DMJobs\Admin\FirstRowsMarkup;
use DMJobs\Tests\Fixtures;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class FirstRowsMarkupTest extends TestCase {

	private const DAY = 86400;

	private int $now;

	/**
	 * @var array<string, int>
	 */
	private array $jobs = array();

	protected function setUp(): void {
		parent::setUp();
		$this->now  = gmmktime( 12, 0, 0, 6, 15, 2025 );
		$pipeline   = Fixtures::pipeline( 'Newsletter <script>alert(1)</script>' );
		$flow       = Fixtures::flow( $pipeline, 'Weekly digest' );
		$at         = fn ( int $ago ): string => gmdate( 'Y-m-d H:i:s', $this->now - $ago );
		$this->jobs = array(
			'failed'     => Fixtures::job( $pipeline, $flow, 'failed', $at( 3 * self::DAY + 7200 ), $at( 3 * self::DAY + 7100 ), array( 'status_reason' => 'step_execution_failure' ) ),
			'impossible' => Fixtures::job( $pipeline, $flow, 'completed', $at( 2 * self::DAY + 7200 ), $at( 2 * self::DAY + 7800 ) ),
			'pending'    => Fixtures::job( $pipeline, $flow, 'pending', $at( 5 * self::DAY + 7200 ) ),
			'completed'  => Fixtures::job( $pipeline, $flow, 'completed', $at( 400 * self::DAY ), $at( 400 * self::DAY - 45 ) ),
		);
		$this->act_as( 'administrator' );
	}

	public function test_prints_the_page_the_api_answers_for_the_view_in_its_order(): void {
		$view     = array(
			'status'  => 'completed,failed',
			'orderby' => 'created_at',
			'order'   => 'asc',
		);
		$expected = $this->ids( $this->request( 'GET', '/jobs', $view + array( 'per_page' => 20 ) ) );
		$this->assertSame( array( $this->jobs['completed'], $this->jobs['failed'], $this->jobs['impossible'] ), $expected );

		$rows = $this->rows( $this->render( $view, 'en_US' ) );
		$this->assertSame( $expected, array_keys( $rows ) );
	}

	public function test_writes_each_cell_as_the_app_does(): void {
		$rows = $this->rows( $this->render( array(), 'en_US' ) );

		$failed = $rows[ $this->jobs['failed'] ];
		$this->assertSame( 'Newsletter <script>alert(1)</script> → Weekly digest', $failed['pipeline-flow'], 'names are text, escaped' );
		$this->assertSame( 'Failed step_execution_failure', $failed['status'] );
		$this->assertSame( 'Jun 12, 10:00 3 days ago', $failed['created'] );

		$impossible = $rows[ $this->jobs['impossible'] ];
		$this->assertStringEndsWith( 'Impossible: before it was created', $impossible['completed'] );
		$this->assertSame( 'Invalid', $impossible['duration'] );

		$this->assertSame( 'Jun 10, 10:00 5 days ago', $rows[ $this->jobs['pending'] ]['created'] );
		$this->assertSame( '—', $rows[ $this->jobs['pending'] ]['completed'] );
		$this->assertSame( 'May 11 2024, 12:00 about 1 year ago', $rows[ $this->jobs['completed'] ]['created'] );
		$this->assertSame( '45 s', $rows[ $this->jobs['completed'] ]['duration'] );
	}

	public function test_writes_dates_in_the_admins_language(): void {
		$rows = $this->rows( $this->render( array(), 'de_DE' ) );
		$this->assertSame( 'Juni 12, 10:00 vor 3 Tagen', $rows[ $this->jobs['failed'] ]['created'] );
		$this->assertSame( 'Mai 11 2024, 12:00 vor etwa 1 Jahr', $rows[ $this->jobs['completed'] ]['created'] );
		$this->assertStringContainsString( 'title="12. Juni 2025 10:00:00 (UTC)"', $this->render( array(), 'de_DE' ) );
	}

	public function test_next_page_link_trusts_a_full_page_over_an_estimated_total(): void {
		$page = fn ( int $rows, int $pages, bool $exact ): array => array(
			'items'       => array_fill( 0, $rows, array() ),
			'total'       => $pages * 20,
			'total_pages' => $pages,
			'exact'       => $exact,
		);
		$this->assertTrue( FirstRowsMarkup::has_next_page( $page( 20, 4, false ), 4, 20 ), 'the estimate may be low: a full last page may have more after it' );
		$this->assertFalse( FirstRowsMarkup::has_next_page( $page( 7, 4, false ), 2, 20 ), 'a short page is the end, whatever the estimate says' );
		$this->assertFalse( FirstRowsMarkup::has_next_page( $page( 20, 4, true ), 4, 20 ) );
		$this->assertTrue( FirstRowsMarkup::has_next_page( $page( 20, 4, true ), 3, 20 ) );
	}

	/**
	 * @param array<string, string> $query The page's query arguments.
	 */
	private function render( array $query, string $locale ): string {
		$locale = DateLocale::for_locale( $locale );
		$this->assertNotNull( $locale, 'the build wrote date-fns locales (npm run build)' );
		$paint = new FirstPaint( array( 'page' => 'dm-jobs' ) + $query, $this->now );
		return ( new FirstRowsMarkup(
			$paint,
			array(
				'name'          => '',
				'offsetMinutes' => 0,
			),
			$locale
		) )->render();
	}

	/**
	 * The printed rows' cells as text, by job ID.
	 *
	 * @return array<int, array<string, string>>
	 */
	private function rows( string $html ): array {
		$document = new \DOMDocument();
		libxml_use_internal_errors( true );
		$document->loadHTML( '<?xml encoding="utf-8"?>' . $html );
		libxml_clear_errors();
		$xpath = new \DOMXPath( $document );
		$rows  = array();
		foreach ( $xpath->query( '//tbody/tr[@data-job-id]' ) as $row ) {
			$cells = array();
			foreach ( $row->getElementsByTagName( 'td' ) as $cell ) {
				$column = substr( (string) $cell->getAttribute( 'class' ), strlen( 'dm-jobs-column-' ) );
				$texts  = array();
				foreach ( $xpath->query( './/text()', $cell ) as $text ) {
					$texts[] = $text->textContent;
				}
				// Parts (badge, reason, times) read apart, as the browser lays them out.
				$cells[ $column ] = trim( (string) preg_replace( '/\s+/u', ' ', implode( ' ', $texts ) ) );
			}
			$rows[ (int) $row->getAttribute( 'data-job-id' ) ] = $cells;
		}
		return $rows;
	}
}
