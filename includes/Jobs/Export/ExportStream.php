<?php
/**
 * An export of every job matching a selection, written to a stream in primary-key chunks
 * (keyset: job_id above the last one written), so memory stays flat at any size. engine_data is
 * only read when asked for, in small chunks. The rows are those that existed when it started.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Export;

use DMJobs\Jobs\EngineDataDecoder;
use DMJobs\Jobs\JobFormatter;
use DMJobs\Operations\JobSelection;
use DMJobs\Operations\Repository\JobBulkRepository;

defined( 'ABSPATH' ) || exit;

final class ExportStream {

	public const CSV_COLUMNS = array( 'id', 'pipeline_id', 'pipeline_name', 'flow_id', 'flow_name', 'status', 'status_reason', 'raw_status', 'created_at', 'completed_at', 'duration' );

	private int $written = 0;

	/**
	 * @param JobSelection $selection         Which jobs (pending/processing included: an export changes nothing).
	 * @param string       $format            "csv" or "json".
	 * @param bool         $with_engine_data  Include decoded engine_data (JSON) / its JSON text (CSV).
	 */
	public function __construct(
		public readonly JobSelection $selection,
		public readonly string $format,
		public readonly bool $with_engine_data = false,
		private readonly JobBulkRepository $jobs = new JobBulkRepository(),
	) {
		if ( ! in_array( $format, array( 'csv', 'json' ), true ) ) {
			throw new \InvalidArgumentException( 'format must be csv or json.' );
		}
	}

	public function content_type(): string {
		return 'csv' === $this->format ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
	}

	public function filename(): string {
		return 'dm-jobs-' . gmdate( 'Y-m-d-His' ) . '.' . $this->format;
	}

	public function rows_written(): int {
		return $this->written;
	}

	/**
	 * Writes the whole export.
	 *
	 * @param resource      $out   Where to write.
	 * @param callable|null $flush Called after every chunk (e.g. flush()).
	 * @return int Jobs written.
	 */
	public function write_to( $out, ?callable $flush = null ): int {
		$max_id = $this->jobs->max_id();
		$chunk  = $this->with_engine_data ? 50 : 1000;
		$cursor = 0;
		$first  = true;
		if ( 'csv' === $this->format ) {
			fwrite( $out, "\xEF\xBB\xBF" ); // UTF-8 BOM so spreadsheet apps read names correctly.
			fputcsv( $out, $this->with_engine_data ? array_merge( self::CSV_COLUMNS, array( 'engine_data' ) ) : self::CSV_COLUMNS, ',', '"', '' );
		} else {
			fwrite( $out, '[' );
		}
		do {
			$rows = $this->jobs->rows_after( $this->selection, $max_id, $cursor, $chunk, $this->with_engine_data );
			foreach ( $rows as $row ) {
				$job = JobFormatter::summary( $row );
				if ( 'csv' === $this->format ) {
					$line = array();
					foreach ( self::CSV_COLUMNS as $column ) {
						$line[] = self::cell( $job[ $column ] );
					}
					if ( $this->with_engine_data ) {
						$decoded = EngineDataDecoder::decode( $row['engine_data'] ?? null );
						$line[]  = null === $decoded ? '' : self::cell( (string) wp_json_encode( $decoded, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) );
					}
					fputcsv( $out, $line, ',', '"', '' );
				} else {
					if ( $this->with_engine_data ) {
						$job['engine_data'] = EngineDataDecoder::decode( $row['engine_data'] ?? null );
					}
					fwrite( $out, ( $first ? "\n" : ",\n" ) . wp_json_encode( $job, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) );
				}
				$first = false;
				++$this->written;
			}
			$cursor = $rows ? (int) $rows[ count( $rows ) - 1 ]['job_id'] : $cursor;
			if ( null !== $flush ) {
				$flush();
			}
		} while ( count( $rows ) === $chunk );
		if ( 'json' === $this->format ) {
			fwrite( $out, $first ? ']' : "\n]" );
		}
		return $this->written;
	}

	/**
	 * A CSV cell: text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading
	 * apostrophe; numbers and null stay as they are.
	 */
	public static function cell( mixed $value ): string {
		if ( null === $value ) {
			return '';
		}
		if ( is_bool( $value ) ) {
			return $value ? '1' : '0';
		}
		if ( is_int( $value ) || is_float( $value ) ) {
			return (string) $value;
		}
		$text = (string) $value;
		if ( '' !== $text && in_array( $text[0], array( '=', '+', '-', '@', "\t", "\r" ), true ) ) {
			return "'" . $text;
		}
		return $text;
	}
}
