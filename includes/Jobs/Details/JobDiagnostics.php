<?php
/**
 * The fields GET /dm-jobs/v1/jobs/{id} adds for the detail view: progress, failure context and
 * suggested resolution, configuration checks, API responses, log counts and start time.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs\Details;

use DMJobs\Jobs\Repository\JobConfigRepository;
use DMJobs\Logs\LogLevel;
use DMJobs\Logs\LogQuery;
use DMJobs\Logs\LogService;
use DMJobs\Logs\Repository\LogRepository;

defined( 'ABSPATH' ) || exit;

final class JobDiagnostics {

	private const ERROR_LEVELS = array( 'error', 'critical' );

	private const STARTED_KEYS = array( 'started_at', 'start_time', 'started' );

	public function __construct(
		private readonly LogRepository $logs = new LogRepository(),
		private readonly JobConfigRepository $config = new JobConfigRepository(),
		private readonly ErrorResolutions $resolutions = new ErrorResolutions(),
		private readonly ConfigValidator $validator = new ConfigValidator(),
	) {
	}

	/**
	 * Adds the diagnostic fields to a job in the detail shape (existing fields are kept as they are).
	 *
	 * @param array<string, mixed> $job
	 * @return array<string, mixed>
	 */
	public function extend( array $job ): array {
		if ( ! isset( $job['id'] ) || ! array_key_exists( 'pipeline_id', $job ) || ! array_key_exists( 'flow_id', $job ) ) {
			return $job;
		}
		$job_id = (int) $job['id'];
		// Jobs without a saved pipeline/flow (today's direct, chat and system jobs) have null IDs.
		$pipeline = null === $job['pipeline_id'] ? null : $this->config->find_pipeline( (int) $job['pipeline_id'] );
		$flow     = null === $job['flow_id'] ? null : $this->config->find_flow( (int) $job['flow_id'] );

		$stats      = ( new LogStats( $this->logs ) )->for_job( $job_id );
		$by_level   = $stats['by_level'];
		$error_line = array_intersect_key( $by_level, array_flip( self::ERROR_LEVELS ) )
			? $this->logs->find_edge( $job_id, true, self::ERROR_LEVELS )
			: null;
		$first_line = $by_level ? $this->logs->find_edge( $job_id, false ) : null;

		$steps   = $this->steps( $job, $pipeline, $flow );
		$logged  = null !== $error_line && $this->failure_incomplete( $job ) ? $this->logged_failure( $job_id ) : null;
		if ( null !== $logged ) {
			$job['failure'] = $this->complete_failure( $job, $logged );
		}

		$job['started_at']      = $this->started_at( $job, $first_line );
		$job['steps']           = ( new StepProgress() )->derive(
			$job,
			$steps,
			$stats['steps'],
			null === $error_line ? null : $error_line['step']
		);
		$job['failure_context'] = $this->failure_context( $job, $error_line );
		$job['resolution']      = $this->resolution( $job, $error_line, $logged['specific_reason'] ?? null );
		$job['config_checks']   = $this->validator->check( $job, $pipeline, $flow );
		$job['api_responses']   = ( new ApiResponses() )->collect(
			is_array( $job['engine_data'] ?? null ) ? $job['engine_data'] : null,
			$by_level ? $this->logs->find_with_http_status( $job_id, ApiResponses::MAX_ENTRIES ) : array()
		);
		$job['log_counts']      = $this->log_counts( $by_level );
		return $job;
	}

	/**
	 * The pipeline's steps; else the flow's; else the step names engine_data lists.
	 *
	 * @param array<string, mixed>      $job
	 * @param array<string, mixed>|null $pipeline
	 * @param array<string, mixed>|null $flow
	 * @return array<int, array{id: string, type: string|null, label: string}>
	 */
	private function steps( array $job, ?array $pipeline, ?array $flow ): array {
		if ( null !== $pipeline ) {
			$steps = PipelineSteps::from_config( StoredConfig::parse( $pipeline['pipeline_config'] ?? null )->value );
			if ( $steps ) {
				return $steps;
			}
		}
		if ( null !== $flow ) {
			$steps = PipelineSteps::from_config( StoredConfig::parse( $flow['flow_config'] ?? null )->value );
			if ( $steps ) {
				return $steps;
			}
		}
		$listed = $job['engine_data']['steps'] ?? null;
		return is_array( $listed ) && array_is_list( $listed ) ? PipelineSteps::from_config( array( 'steps' => $listed ) ) : array();
	}

	/**
	 * @param array<string, mixed>              $job
	 * @param array<string, string|null>|null   $first_line
	 */
	private function started_at( array $job, ?array $first_line ): ?string {
		$engine = is_array( $job['engine_data'] ?? null ) ? $job['engine_data'] : array();
		foreach ( self::STARTED_KEYS as $key ) {
			$value = $engine[ $key ] ?? null;
			if ( is_numeric( $value ) && (int) $value > 0 ) {
				return gmdate( 'Y-m-d\TH:i:s\Z', (int) $value );
			}
			if ( is_string( $value ) && '' !== $value ) {
				$timestamp = strtotime( $value . ( preg_match( '/(Z|[+-]\d{2}:?\d{2}|UTC)$/i', $value ) ? '' : ' UTC' ) );
				if ( false !== $timestamp ) {
					return gmdate( 'Y-m-d\TH:i:s\Z', $timestamp );
				}
			}
		}
		return null === $first_line ? null : LogService::format( $first_line )['created_at'];
	}

	/**
	 * The failed step's context: what engine_data recorded about the error and the last error log line.
	 *
	 * @param array<string, mixed>            $job
	 * @param array<string, string|null>|null $error_line
	 * @return array{step: array<string, mixed>|null, details: mixed, log_line: array<string, mixed>|null}|null
	 */
	private function failure_context( array $job, ?array $error_line ): ?array {
		if ( null === $job['failure'] && null === $error_line ) {
			return null;
		}
		$engine  = is_array( $job['engine_data'] ?? null ) ? $job['engine_data'] : array();
		$details = $engine['error_context'] ?? $engine['error_details'] ?? $engine['error_data'] ?? null;
		$failed  = null;
		foreach ( $job['steps'] ?? array() as $step ) {
			if ( 'failed' === $step['state'] ) {
				$failed = $step;
				break;
			}
		}
		return array(
			'step'     => $failed,
			'details'  => $details,
			'log_line' => null === $error_line ? null : LogService::format( $error_line ),
		);
	}

	/**
	 * @param array<string, mixed> $job
	 */
	private function failure_incomplete( array $job ): bool {
		$failure = is_array( $job['failure'] ?? null ) ? $job['failure'] : null;
		if ( null === $failure ) {
			return 'failed' === ( $job['status'] ?? null );
		}
		return in_array( null, array( $failure['message'] ?? null, $failure['step_id'] ?? null, $failure['trace'] ?? null, $failure['reason'] ?? null ), true );
	}

	/**
	 * What the job's error lines say about its failure, for a failed job whose row leaves something out.
	 *
	 * @param int $job_id The job.
	 * @return array{reason: string|null, specific_reason: string|null, message: string|null, step_id: string|null, trace: string|null}|null
	 */
	private function logged_failure( int $job_id ): ?array {
		$newest = new LogQuery( $job_id, array( LogLevel::Error, LogLevel::Critical ), tail: true, per_page: LoggedFailure::LINES );
		return LoggedFailure::from_lines( array_reverse( array_map( array( LogService::class, 'format' ), $this->logs->find_page( $newest ) ) ) );
	}

	/**
	 * The failure details of the row (engine_data, status), completed from the log where they are missing.
	 *
	 * @param array<string, mixed>                                                                                            $job
	 * @param array{reason: string|null, specific_reason: string|null, message: string|null, step_id: string|null, trace: string|null} $logged
	 * @return array{message: string|null, step_id: string|null, trace: string|null, reason: string|null}|null
	 */
	private function complete_failure( array $job, array $logged ): ?array {
		$failure = is_array( $job['failure'] ?? null ) ? $job['failure'] : null;
		if ( null === $failure && 'failed' !== ( $job['status'] ?? null ) ) {
			return null;
		}
		$failure ??= array(
			'message' => null,
			'step_id' => null,
			'trace'   => null,
			'reason'  => null,
		);
		foreach ( array( 'message', 'step_id', 'trace', 'reason' ) as $key ) {
			$failure[ $key ] ??= $logged[ $key ];
		}
		return $failure;
	}

	/**
	 * @param array<string, mixed>            $job
	 * @param array<string, string|null>|null $error_line
	 * @param string|null                     $specific_reason The caller's own reason logged with a failure (context_data.reason).
	 * @return array<string, mixed>|null
	 */
	private function resolution( array $job, ?array $error_line, ?string $specific_reason = null ): ?array {
		$failure = is_array( $job['failure'] ?? null ) ? $job['failure'] : null;
		if ( null === $failure && 'failed' !== ( $job['status'] ?? null ) ) {
			return null;
		}
		$engine = is_array( $job['engine_data'] ?? null ) ? $job['engine_data'] : array();
		return $this->resolutions->resolve(
			array( $specific_reason, $failure['reason'] ?? null, $engine['error_code'] ?? null, $engine['error_reason'] ?? null, $engine['job_status_reason'] ?? null, $job['status_reason'] ?? null ),
			array( $failure['message'] ?? null, null === $error_line ? null : $error_line['message'] )
		);
	}

	/**
	 * @param array<string, int> $by_level
	 * @return array{total: int, by_level: array<string, int>}
	 */
	private function log_counts( array $by_level ): array {
		$counts = array();
		foreach ( LogLevel::values() as $level ) {
			$counts[ $level ] = $by_level[ $level ] ?? 0;
		}
		return array(
			'total'    => array_sum( $by_level ),
			'by_level' => $counts,
		);
	}
}
