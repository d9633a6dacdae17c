<?php
/**
 * @package DMJobs
 */

namespace DMJobs\Tests\Jobs;

use DMJobs\Jobs\EngineDataDecoder;
use PHPUnit\Framework\TestCase;

/**
 * A class whose instantiation would be visible: unserializing it must never run its code.
 */
PHP_SAPI === 'cli' || exit;

final class DmJobsTripwire {
	public static int $woken = 0;
	public string $path      = '/tmp/x';
	private string $secret   = 'hidden';

	public function __wakeup(): void {
		++self::$woken;
	}

	public function __destruct() {
		++self::$woken;
	}
}

final class EngineDataDecoderTest extends TestCase {

	public function test_json(): void {
		$this->assertSame( array( 'a' => 1, 'b' => array( 'c' => 'd' ) ), EngineDataDecoder::decode( '{"a":1,"b":{"c":"d"}}' ) );
	}

	public function test_serialized_array(): void {
		$stored = serialize( array( 'error_message' => 'boom', 'list' => array( 1, 2 ) ) );
		$this->assertSame( array( 'error_message' => 'boom', 'list' => array( 1, 2 ) ), EngineDataDecoder::decode( $stored ) );
	}

	public function test_serialized_object_is_never_instantiated(): void {
		DmJobsTripwire::$woken = 0;
		$stored                = serialize( array( 'payload' => new DmJobsTripwire() ) );
		DmJobsTripwire::$woken = 0;

		$decoded = EngineDataDecoder::decode( $stored );

		$this->assertSame( 0, DmJobsTripwire::$woken, 'the serialized object was instantiated' );
		$this->assertSame( DmJobsTripwire::class, $decoded['payload'][ EngineDataDecoder::CLASS_KEY ] );
		$this->assertSame( '/tmp/x', $decoded['payload']['path'] );
		$this->assertSame( 'hidden', $decoded['payload']['secret'] );
		$this->assertIsArray( $decoded['payload'] );
	}

	public function test_empty_and_garbage(): void {
		$this->assertNull( EngineDataDecoder::decode( null ) );
		$this->assertNull( EngineDataDecoder::decode( '' ) );
		$this->assertNull( EngineDataDecoder::decode( 'a:2:{broken' ) );
		$this->assertSame( array( 'value' => 'text' ), EngineDataDecoder::decode( '"text"' ) );
	}
}
