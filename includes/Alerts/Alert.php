<?php
/**
 * One firing condition found by a rule: which rule, about what (a pipeline, the site), what to say,
 * and which filtered Jobs list shows the jobs behind it.
 *
 * @package DMJobs
 */

namespace DMJobs\Alerts;

use DMJobs\Admin\AdminPage;

defined( 'ABSPATH' ) || exit;

final class Alert {

	/**
	 * @param string                          $rule       Rule ID (AlertSettings::rule_ids()).
	 * @param string                          $subject    What it is about, stable between evaluations: "pipeline:3", "site", "counts".
	 * @param string                          $title      One line, e.g. 'Pipeline "Feeds" failed 12 of 14 jobs (86%)'.
	 * @param string                          $message    Details (plain text).
	 * @param array<string, string|int>       $list_query Jobs screen URL parameters (status, pipeline, after, before).
	 * @param array<string, int|float|string|bool|null|array<mixed>> $details Numbers behind it.
	 */
	public function __construct(
		public readonly string $rule,
		public readonly string $subject,
		public readonly string $title,
		public readonly string $message,
		public readonly array $list_query = array(),
		public readonly array $details = array(),
	) {
	}

	public function key(): string {
		return $this->rule . ':' . $this->subject;
	}

	/**
	 * The Jobs screen, filtered to the jobs behind the alert.
	 */
	public function list_url(): string {
		return add_query_arg( array_map( 'rawurlencode', array_map( 'strval', $this->list_query ) ), admin_url( 'admin.php?page=' . AdminPage::SLUG ) );
	}

	/**
	 * @return array{rule: string, subject: string, key: string, title: string, message: string, url: string, list_query: array<string, string|int>, details: array<string, mixed>}
	 */
	public function to_array(): array {
		return array(
			'rule'       => $this->rule,
			'subject'    => $this->subject,
			'key'        => $this->key(),
			'title'      => $this->title,
			'message'    => $this->message,
			'url'        => $this->list_url(),
			'list_query' => $this->list_query,
			'details'    => $this->details,
		);
	}

	/**
	 * @param array<string, mixed> $data As to_array() returned it (stored state).
	 */
	public static function from_array( array $data ): self {
		return new self(
			(string) ( $data['rule'] ?? '' ),
			(string) ( $data['subject'] ?? '' ),
			(string) ( $data['title'] ?? '' ),
			(string) ( $data['message'] ?? '' ),
			is_array( $data['list_query'] ?? null ) ? $data['list_query'] : array(),
			is_array( $data['details'] ?? null ) ? $data['details'] : array()
		);
	}
}
