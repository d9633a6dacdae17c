<?php
/**
 * Keeps the table of distinct job labels (LabelDictionaryRepository) in step with today's jobs table,
 * which Data Machine writes straight into: the labels of all jobs up to a job ID ("through") are in it.
 * Jobs above that ID are searched directly (a short primary-key range), so an answer is never wrong
 * while the table catches up; each search first folds a bounded slice of them in (FOLD_BUDGET), and
 * WP-Cron folds the rest and prunes labels whose jobs were deleted. Never a full rebuild in a request.
 *
 * The labels containing a term are read through the labels' trigrams (LabelGrams) where the label
 * column's collation allows it and the term has one; WP-Cron builds the trigrams of new labels, and
 * labels recorded since are matched directly (a label_id range).
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
	 * array{table: string, through: int, prune_after: string, sweep_after: string, grams_through: int,
	 * gram_collation: string}: the jobs table, the highest job ID whose label is recorded, where the
	 * last pruning and sweeping passes stopped (label order), the highest label ID whose trigrams are
	 * recorded, and the collation the trigrams are cut in ('' when the labels' collation has no weights
	 * to cut: every search reads all labels).
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

	/**
	 * Trigrams of a term counted to find its rarest (each counted up to GRAM_COUNT_CAP labels), and how
	 * many of the rarest a candidate must have.
	 */
	public const GRAMS_COUNTED  = 12;
	public const GRAM_COUNT_CAP = 1000;
	public const GRAMS_REQUIRED = 3;

	public const GRAM_SLICE  = 2000;
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
		$applied = array_map( 'intval', (array) get_option( SchemaRepository::APPLIED_OPTION, array() ) );
		return ! JobColumns::uses_sqlite()
			&& in_array( 'label', Adapters::current()->extra_job_columns(), true )
			&& in_array( 9, $applied, true ) && in_array( 11, $applied, true );
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
		$labels  = $this->labels_like( $term );
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
	 * The labels containing the term, at most MAX_LABELS + 1: through the trigrams of its weights where
	 * it has any, else by reading every label.
	 *
	 * @return string[]
	 */
	private function labels_like( string $term ): array {
		$state   = $this->state();
		$weights = '' === $state['gram_collation'] ? null : $this->labels->weights( $term, $state['gram_collation'] );
		$grams   = null === $weights ? array() : LabelGrams::of( $weights );
		if ( ! $grams ) {
			return $this->labels->labels_like( $term, self::MAX_LABELS );
		}
		$counted = $this->labels->gram_frequencies( array_slice( $grams, 0, self::GRAMS_COUNTED ), self::GRAM_COUNT_CAP );
		asort( $counted );
		$rarest = array_slice( array_keys( $counted ), 0, self::GRAMS_REQUIRED );
		return $this->labels->labels_like_by_grams( $rarest, $state['grams_through'], $term, self::MAX_LABELS );
	}

	/**
	 * WP-Cron: record the labels of every job added since and the trigrams of new labels; then walk the label index (distinct labels
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
		$this->build_grams( $budget - ( microtime( true ) - $started ) );
		$state   = $this->state();
		$after   = $state['sweep_after'];
		do {
			$found = $this->labels->labels_of_jobs_after( $after, self::SWEEP_SLICE );
			$this->labels->add( $found );
			$after = count( $found ) < self::SWEEP_SLICE ? '' : (string) end( $found );
		} while ( '' !== $after && microtime( true ) - $started < $budget );
		// The labels the walk added, if any.
		$this->build_grams( $budget - ( microtime( true ) - $started ) );
		$pruned = $this->labels->prune( $state['prune_after'], self::PRUNE_SLICE );
		$this->save( array( 'prune_after' => $pruned ?? '', 'sweep_after' => $after ) );
		return $through;
	}

	/**
	 * Records the trigrams of labels recorded since, in slices, until none are left or the budget is
	 * spent (at least one slice); first learns (again) whether the labels' collation can be cut.
	 */
	private function build_grams( float $budget ): void {
		$started   = microtime( true );
		$collation = $this->labels->gram_collation() ?? '';
		$state     = $this->state();
		if ( $collation !== $state['gram_collation'] ) {
			if ( '' !== $state['gram_collation'] ) {
				// Trigrams cut in another collation are not a term's: start again.
				$this->labels->remove_all_grams();
			}
			$state = $this->save(
				array(
					'gram_collation' => $collation,
					'grams_through'  => 0,
				)
			);
		}
		if ( '' === $collation ) {
			return;
		}
		$through = $state['grams_through'];
		do {
			$weights = $this->labels->weights_of_labels_after( $through, self::GRAM_SLICE );
			if ( ! $weights ) {
				break;
			}
			$this->labels->add_grams( array_map( array( LabelGrams::class, 'of' ), $weights ) );
			$through = (int) array_key_last( $weights );
			$this->save( array( 'grams_through' => $through ) );
		} while ( microtime( true ) - $started < $budget );
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
			$this->save( array( 'through' => $through ) );
		}
		$started = microtime( true );
		while ( $through < $target ) {
			$up_to = min( $target, $this->list->id_after( $through, $this->fold_slice ) ?? $target );
			$this->labels->add_labels_of_jobs( $through, $up_to );
			$through = $up_to;
			$this->save( array( 'through' => $through ) );
			if ( microtime( true ) - $started >= $budget ) {
				break;
			}
		}
		return $through;
	}

	/**
	 * @return array{through: int, prune_after: string, sweep_after: string, grams_through: int, gram_collation: string}
	 */
	private function state(): array {
		$state = get_option( self::OPTION );
		if ( ! is_array( $state ) ) {
			$state = array();
		}
		$same_jobs = ( $state['table'] ?? null ) === TableNames::jobs();
		return array(
			'through'        => $same_jobs ? max( 0, (int) ( $state['through'] ?? 0 ) ) : 0,
			'prune_after'    => $same_jobs ? (string) ( $state['prune_after'] ?? '' ) : '',
			'sweep_after'    => $same_jobs ? (string) ( $state['sweep_after'] ?? '' ) : '',
			// The trigrams belong to the labels table, whatever jobs table fills it.
			'grams_through'  => max( 0, (int) ( $state['grams_through'] ?? 0 ) ),
			'gram_collation' => (string) ( $state['gram_collation'] ?? '' ),
		);
	}

	/**
	 * Saves these parts of the state (the others are kept).
	 *
	 * @param array<string, int|string> $changes
	 * @return array{through: int, prune_after: string, sweep_after: string, grams_through: int, gram_collation: string}
	 */
	private function save( array $changes ): array {
		$state = array_merge( $this->state(), $changes );
		update_option( self::OPTION, array( 'table' => TableNames::jobs() ) + $state, false );
		return $state;
	}
}
