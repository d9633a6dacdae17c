<?php
/**
 * Keeps the table of distinct job labels (LabelDictionaryRepository) in step with today's jobs table,
 * which Data Machine writes straight into: the labels of all jobs up to a job ID ("through") are in it.
 * Jobs above that ID are searched directly (a short primary-key range), so an answer is never wrong
 * while the table catches up; each search first folds a bounded slice of them in (FOLD_BUDGET), and
 * WP-Cron folds the rest and prunes labels whose jobs were deleted. Never a full rebuild in a request.
 *
 * @package DMJobs
 */

namespace DMJobs\Jobs;

use DMJobs\DataMachine\Adapters;
use DMJobs\Jobs\Repository\JobColumns;
use DMJobs\Jobs\Repository\JobListRepository;
use DMJobs\Jobs\Repository\LabelDictionaryRepository;
use DMJobs\Schema\Repository\SchemaRepository;
use DMJobs\Schema\Repository\TableNames;

defined( 'ABSPATH' ) || exit;

final class LabelDictionary {

	/**
	 * array{table: string, through: int, prune_after: string, sweep_after: string}: the jobs table, the
	 * highest job ID whose label is recorded, and where the last pruning and sweeping passes stopped
	 * (label order).
	 */
	public const OPTION = 'dm_jobs_label_dictionary';

	/**
	 * More labels than this contain a term: the term is common, its jobs are found by LIKE on the jobs
	 * table read in job-ID order (dense matches: a page is found after few rows).
	 */
	public const MAX_LABELS = 500;

	/**
	 * At most this many jobs above the recorded ID whose label contains a term are listed by ID (see
	 * labels_containing()); more are matched by a range and LIKE.
	 */
	public const MAX_UNCOVERED_MATCHES = 500;

	public const FOLD_SLICE  = 5000;
	public const FOLD_BUDGET = 0.012;
	public const PRUNE_SLICE = 1000;
	public const SWEEP_SLICE = 1000;

	/**
	 * The newest jobs are always matched directly, never recorded (see catch_up()).
	 */
	public const FRESH_MARGIN = 100;

	public function __construct(
		private readonly LabelDictionaryRepository $labels = new LabelDictionaryRepository(),
		private readonly JobListRepository $list = new JobListRepository(),
		private readonly int $fold_slice = self::FOLD_SLICE,
		private readonly float $fold_budget = self::FOLD_BUDGET,
	) {
	}

	/**
	 * Whether the jobs of the generation in use are searched through the table: today's generation
	 * (jobs have labels) on MySQL/MariaDB, once the migration created it and the label index.
	 */
	public static function usable(): bool {
		return ! JobColumns::uses_sqlite()
			&& in_array( 'label', Adapters::current()->extra_job_columns(), true )
			&& in_array( 9, array_map( 'intval', (array) get_option( SchemaRepository::APPLIED_OPTION, array() ) ), true );
	}

	/**
	 * The labels containing the term (null: more than MAX_LABELS), and the jobs the table does not cover
	 * yet: those above "through" must be matched directly. Up to the newest job when asked, the jobs
	 * whose label contains the term are listed ("job_ids", at most MAX_UNCOVERED_MATCHES) and "through"
	 * is that job: the uncovered range is read once here, and the search's own statements (page, total)
	 * and the optimizer's estimate of its matches see exact IDs instead of a long range. Where more
	 * uncovered jobs match, "job_ids" is empty and "through" the recorded ID.
	 *
	 * @return array{labels: string[]|null, through: int, job_ids: int[]}
	 */
	public function labels_containing( string $term ): array {
		$through = $this->catch_up( $this->fold_budget );
		$labels  = $this->labels->labels_like( $term, self::MAX_LABELS );
		$newest  = $this->list->max_id();
		$job_ids = array();
		if ( $newest > $through ) {
			$found = $this->labels->job_ids_with_label_like( $through, $newest, $term, self::MAX_UNCOVERED_MATCHES );
			if ( count( $found ) <= self::MAX_UNCOVERED_MATCHES ) {
				$job_ids = $found;
				$through = $newest;
			}
		}
		return array(
			'labels'  => count( $labels ) > self::MAX_LABELS ? null : $labels,
			'through' => $through,
			'job_ids' => $job_ids,
		);
	}

	/**
	 * WP-Cron: record the labels of every job added since; then walk the label index (distinct labels
	 * only, in slices, resuming where the last run stopped) for labels the table lacks — a label changed
	 * straight in the table after its job finished, which Data Machine itself never does — and prune a
	 * slice of labels no job carries any more.
	 *
	 * @param float $budget Seconds to spend at most (at least one slice of each step).
	 * @return int The job ID the table covers now.
	 */
	public function refresh( float $budget = 20.0 ): int {
		$started = microtime( true );
		$through = $this->catch_up( $budget );
		$state   = $this->state();
		$after   = $state['sweep_after'];
		do {
			$found = $this->labels->labels_of_jobs_after( $after, self::SWEEP_SLICE );
			$this->labels->add( $found );
			$after = count( $found ) < self::SWEEP_SLICE ? '' : (string) end( $found );
		} while ( '' !== $after && microtime( true ) - $started < $budget );
		$pruned = $this->labels->prune( $state['prune_after'], self::PRUNE_SLICE );
		$this->save( $through, $pruned ?? '', $after );
		return $through;
	}

	/**
	 * Folds slices of jobs above the recorded ID into the table until none are left or the budget is
	 * spent (at least one slice). The newest FRESH_MARGIN jobs are left out: a job whose insert commits
	 * after a higher ID's (a longer transaction) is then still searched directly when it appears.
	 */
	private function catch_up( float $budget ): int {
		$state   = $this->state();
		$through = $state['through'];
		$target  = $this->list->max_id() - self::FRESH_MARGIN;
		if ( $through > max( 0, $target ) ) {
			// The newest jobs were deleted, or the table was emptied or replaced: the IDs of jobs to come
			// may be lower than the recorded one. Labels of deleted jobs staying behind match nothing.
			$through = max( 0, $target );
			$this->save( $through, $state['prune_after'], $state['sweep_after'] );
		}
		$started = microtime( true );
		while ( $through < $target ) {
			$up_to = min( $target, $this->list->id_after( $through, $this->fold_slice ) ?? $target );
			$this->labels->add_labels_of_jobs( $through, $up_to );
			$through = $up_to;
			$this->save( $through, $state['prune_after'], $state['sweep_after'] );
			if ( microtime( true ) - $started >= $budget ) {
				break;
			}
		}
		return $through;
	}

	/**
	 * @return array{through: int, prune_after: string, sweep_after: string}
	 */
	private function state(): array {
		$state = get_option( self::OPTION );
		if ( ! is_array( $state ) || ( $state['table'] ?? null ) !== TableNames::jobs() ) {
			return array(
				'through'     => 0,
				'prune_after' => '',
				'sweep_after' => '',
			);
		}
		return array(
			'through'     => max( 0, (int) ( $state['through'] ?? 0 ) ),
			'prune_after' => (string) ( $state['prune_after'] ?? '' ),
			'sweep_after' => (string) ( $state['sweep_after'] ?? '' ),
		);
	}

	private function save( int $through, string $prune_after, string $sweep_after ): void {
		update_option(
			self::OPTION,
			array(
				'table'       => TableNames::jobs(),
				'through'     => $through,
				'prune_after' => $prune_after,
				'sweep_after' => $sweep_after,
			),
			false
		);
	}
}
