<?php
/**
 * Who did something: a user (ID plus a snapshot of the login, which survives the user's deletion)
 * or the system (WP-Cron, Action Scheduler, other plugins' code without a logged-in user).
 *
 * @package DMJobs
 */

namespace DMJobs\Audit;

defined( 'ABSPATH' ) || exit;

final class Actor {

	public const USER   = 'user';
	public const SYSTEM = 'system';

	private function __construct(
		public readonly string $type,
		public readonly int $user_id,
		public readonly ?string $login,
	) {
	}

	public static function system(): self {
		return new self( self::SYSTEM, 0, null );
	}

	public static function user( int $user_id ): self {
		$user = get_userdata( $user_id );
		return new self( self::USER, $user_id, $user ? (string) $user->user_login : null );
	}

	/**
	 * The logged-in user, or the system when nobody is logged in.
	 */
	public static function current(): self {
		$user_id = get_current_user_id();
		return $user_id > 0 ? self::user( $user_id ) : self::system();
	}

	/**
	 * Rebuilds an actor from stored columns.
	 */
	public static function from_row( string $type, int $user_id, ?string $login ): self {
		return self::USER === $type ? new self( self::USER, $user_id, $login ) : self::system();
	}

	/**
	 * @return array{type: string, user_id: int|null, login: string|null}
	 */
	public function to_array(): array {
		return array(
			'type'    => $this->type,
			'user_id' => self::USER === $this->type ? $this->user_id : null,
			'login'   => $this->login,
		);
	}
}
