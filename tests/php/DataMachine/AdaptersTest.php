<?php
/**
 * Which Data Machine generation DM Jobs reads: detected from the tables present, forced by a filter.
 *
 * @package DMJobs
 */

namespace DMJobs\Tests\DataMachine;

use DMJobs\DataMachine\Adapters;
use DMJobs\DataMachine\CurrentGeneration;
use DMJobs\DataMachine\Detector;
use DMJobs\DataMachine\LegacyGeneration;
use DMJobs\DataMachine\StandaloneGeneration;
use DMJobs\Schema\Repository\TableNames;
use DMJobs\Tests\TestCase;

PHP_SAPI === 'cli' || exit;

final class AdaptersTest extends TestCase {

	protected function tearDown(): void {
		remove_all_filters( 'dm_jobs_data_machine_generation' );
		Adapters::forget();
		parent::tearDown();
	}

	public function test_the_generation_in_use_names_every_data_machine_table(): void {
		$generation = Adapters::current();
		$this->assertSame( $generation->tables()->jobs, TableNames::jobs() );
		$this->assertSame( $generation->tables()->pipelines, TableNames::pipelines() );
		$this->assertSame( $generation->tables()->flows, TableNames::flows() );
		$this->assertSame( $generation->tables()->processed_items, TableNames::processed_items() );
		$this->assertContains( $generation->key(), array( CurrentGeneration::KEY, LegacyGeneration::KEY, StandaloneGeneration::KEY ) );
	}

	public function test_the_detector_finds_the_generation_whose_jobs_table_exists(): void {
		global $wpdb;
		$keys    = ( new Detector() )->detect();
		$today   = $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $wpdb->prefix . 'datamachine_jobs' ) ) );
		$primary = null === $today ? array( StandaloneGeneration::KEY, LegacyGeneration::KEY ) : array( CurrentGeneration::KEY );
		$this->assertContains( $keys[0], $primary );
	}

	public function test_a_filter_forces_a_generation(): void {
		add_filter( 'dm_jobs_data_machine_generation', static fn (): string => CurrentGeneration::KEY );
		Adapters::forget();
		$this->assertSame( CurrentGeneration::KEY, Adapters::current()->key() );
		$this->assertStringEndsWith( 'datamachine_jobs', TableNames::jobs() );
		$this->assertStringEndsWith( 'datamachine_logs', (string) TableNames::data_machine_logs() );

		add_filter( 'dm_jobs_data_machine_generation', static fn (): string => LegacyGeneration::KEY, 11 );
		Adapters::forget();
		$this->assertSame( LegacyGeneration::KEY, Adapters::current()->key() );
		$this->assertStringEndsWith( 'dm_jobs', TableNames::jobs() );
		$this->assertNull( TableNames::data_machine_logs() );
	}

	public function test_using_a_generation_the_site_lacks_is_refused(): void {
		add_filter( 'dm_jobs_data_machine_generation', static fn (): string => LegacyGeneration::KEY );
		Adapters::forget();
		$this->expectException( \InvalidArgumentException::class );
		Adapters::use( CurrentGeneration::KEY );
	}

	public function test_each_generation_knows_its_shapes(): void {
		$today = new CurrentGeneration();
		$this->assertTrue( $today->ids_are_text() );
		$this->assertContains( 'waiting', $today->statuses() );
		$this->assertSame( 'job_status_reason', $today->status_reason_key() );
		$this->assertSame( 'datamachine-jobs', $today->menu()->jobs );
		$this->assertSame( 'data_machine', $today->logs_source() );
		$this->assertSame( 'Direct', $today->fallback_names( array( 'pipeline_id' => 'direct', 'flow_id' => 'direct' ) )['pipeline'] );
		$this->assertSame( 'Item title', $today->fallback_names( array( 'pipeline_id' => null, 'flow_id' => null, 'source' => 'chat', 'label' => 'Item title' ) )['flow'] );

		$old = new LegacyGeneration();
		$this->assertFalse( $old->ids_are_text() );
		$this->assertNotContains( 'waiting', $old->statuses() );
		$this->assertSame( 'dm-jobs', $old->menu()->jobs );
		$this->assertSame( 'own', $old->logs_source() );
		$this->assertSame( array( 'dm_clear_jobs_cache' ), $old->caches()['clear_actions'] );
	}
}
