#!/usr/bin/env bash
# npm run test:php: PHPUnit against real WordPress 6.8, once on SQLite and once on MariaDB.
#
# For each database a fresh site .cache/sites/test-<db> is created (plugin symlinked, not
# activated: the PHPUnit bootstrap does that), then, from the repository root:
#   DM_JOBS_WP_DIR=<site>/wordpress DM_JOBS_TEST_DB=<db> phpunit -c phpunit.xml.dist
# Extra arguments go to phpunit (e.g. bin/test-php.sh --filter StatusParser).
# DM_JOBS_TEST_DBS="sqlite" limits the databases.
set -euo pipefail

source "$(dirname "$0")/lib/common.sh"
source "$DM_LIB/deps.sh"
source "$DM_LIB/wordpress.sh"
source "$DM_LIB/mariadb.sh"
source "$DM_LIB/site.sh"

cd "$DM_ROOT"
if [ ! -f phpunit.xml.dist ]; then
	warn "phpunit.xml.dist does not exist yet: skipping the PHP tests"
	exit 0
fi

acquire_lock test-php
read -r -a DBS <<<"${DM_JOBS_TEST_DBS:-sqlite mariadb}"
needs=(php unzip phpunit)
for db in "${DBS[@]}"; do needs+=("$db"); done
ensure_system_packages "${needs[@]}" || die "missing system packages (see above)"
ensure_node_modules # the SQLite drop-in comes from @wp-playground/cli
ensure_wp_core

PHPUNIT=phpunit
[ -x vendor/bin/phpunit ] && PHPUNIT=vendor/bin/phpunit

declare -A RESULT TIME
for db in "${DBS[@]}"; do
	log "PHPUnit on $db"
	started=$(now_ms)
	site_create "test-$db" "$db" "http://localhost"
	info "site: $DM_SITE_WP ($(fmt_ms $(($(now_ms) - started))))"
	if DM_JOBS_WP_DIR="$DM_SITE_WP" DM_JOBS_TEST_DB="$db" "$PHPUNIT" -c phpunit.xml.dist "$@"; then
		RESULT[$db]=passed
	else
		RESULT[$db]=FAILED
		[ -s "$DM_SITE_DIR/debug.log" ] && info "PHP debug log: $DM_SITE_DIR/debug.log"
	fi
	TIME[$db]=$(fmt_ms $(($(now_ms) - started)))
	if [ "$db" = mariadb ]; then
		mariadb_stop "$DM_SITE_DIR/mariadb"
	fi
done

echo
status=0
for db in "${DBS[@]}"; do
	printf 'PHPUnit on %-8s %s (%s)\n' "$db:" "${RESULT[$db]}" "${TIME[$db]}"
	[ "${RESULT[$db]}" = passed ] || status=1
done
exit "$status"
