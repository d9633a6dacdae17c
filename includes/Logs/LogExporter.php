<?php
/**
 * Writes a job's whole log as text or JSON, a page at a time, so memory stays flat for any size.
 *
 * @package DMJobs
 */

namespace DMJobs\Logs;

use DMJobs\Logs\Repository\LogRepository;

defined( 'ABSPATH' ) || exit;

final class LogExporter {

	public const FORMATS = array( 'text', 'json' );

	private const PAGE_SIZE = 1000;

	public function __construct( private readonly LogRepository $logs = new LogRepository() ) {
	}

	public static function content_type( string $format ): string {
		return 'json' === $format ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
	}

	public static function filename( int $job_id, string $format ): string {
		return sprintf( 'dm-job-%d-log.%s', $job_id, 'json' === $format ? 'json' : 'txt' );
	}

	/**
	 * Streams the lines matching a query (its cursor and per_page are ignored) to $write.
	 *
	 * @param LogQuery                $query  Job and filters.
	 * @param string                  $format "text" or "json".
	 * @param callable(string): void  $write  Receives the output piece by piece.
	 * @param array<string, mixed>    $job    The job (summary shape), for the header.
	 * @return int Lines written.
	 */
	public function export( LogQuery $query, string $format, callable $write, array $job ): int {
		$page  = new LogQuery( $query->job_id, $query->levels, $query->search, 0, null, false, self::PAGE_SIZE );
		$count = 0;

		if ( 'json' === $format ) {
			$write(
				'{"job":' . $this->json( $job )
				. ',"exported_at":' . $this->json( gmdate( 'Y-m-d\TH:i:s\Z' ) )
				. ',"filters":' . $this->json(
					array(
						'level'  => array_map( static fn ( LogLevel $level ): string => $level->value, $query->levels ),
						'search' => $query->search,
					)
				)
				. ',"lines":['
			);
		} else {
			$write(
				sprintf(
					"# DM Jobs log of job %d (%s → %s), status %s, exported %s\n",
					$query->job_id,
					$this->one_line( (string) ( $job['pipeline_name'] ?? '#' . ( $job['pipeline_id'] ?? '?' ) ) ),
					$this->one_line( (string) ( $job['flow_name'] ?? '#' . ( $job['flow_id'] ?? '?' ) ) ),
					(string) ( $job['status'] ?? '' ),
					gmdate( 'Y-m-d\TH:i:s\Z' )
				)
			);
		}

		do {
			$rows   = $this->logs->find_page( $page );
			$buffer = '';
			foreach ( $rows as $row ) {
				$line    = LogService::format( $row );
				$buffer .= 'json' === $format
					? ( $count > 0 ? ',' : '' ) . "\n" . $this->json( $line )
					: $this->text_line( $line );
				++$count;
			}
			if ( '' !== $buffer ) {
				$write( $buffer );
			}
			if ( count( $rows ) < self::PAGE_SIZE ) {
				break;
			}
			$page = $page->with_after( (int) end( $rows )['log_id'] );
		} while ( true );

		if ( 'json' === $format ) {
			$write( "\n]}\n" );
		} else {
			$write( sprintf( "# %d lines\n", $count ) );
		}
		return $count;
	}

	/**
	 * "2026-01-02T03:04:05Z ERROR    [step] message {context}", continuation lines indented.
	 *
	 * @param array<string, mixed> $line
	 */
	private function text_line( array $line ): string {
		$text = sprintf( '%s %-8s ', (string) $line['created_at'], strtoupper( (string) $line['level'] ) );
		if ( null !== $line['step'] ) {
			$text .= '[' . $this->one_line( (string) $line['step'] ) . '] ';
		}
		$text .= str_replace( array( "\r\n", "\r", "\n" ), "\n    ", (string) $line['message'] );
		if ( null !== $line['context'] ) {
			$text .= ' ' . $this->json( $line['context'] );
		}
		if ( $line['truncated'] ) {
			$text .= ' (truncated)';
		}
		return $text . "\n";
	}

	private function one_line( string $value ): string {
		return str_replace( array( "\r", "\n" ), ' ', $value );
	}

	private function json( mixed $value ): string {
		return (string) wp_json_encode( $value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE );
	}
}
