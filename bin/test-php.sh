#!/usr/bin/env bash
# npm run test:php: PHPUnit against real WordPress: today's (7.1) on SQLite and on MariaDB, and the
# oldest we support (6.8) on SQLite.
#
# For each run a fresh site test-<wp>-<db> is created (plugin symlinked, not activated: the PHPUnit
# bootstrap does that), then, from the repository root:
#   DM_JOBS_WP_DIR=<site>/wordpress DM_JOBS_TEST_DB=<db> phpunit -c phpunit.xml.dist
# Extra arguments go to phpunit (e.g. bin/test-php.sh --filter StatusParser).
#   DM_JOBS_TEST_DBS="sqlite"   only these databases
#   DM_JOBS_TEST_WP="6.8"       only these WordPress versions (each on every database of DM_JOBS_TEST_DBS)
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
RUNS=()
if [ -n "${DM_JOBS_TEST_WP:-}" ]; then
	for wp in $DM_JOBS_TEST_WP; do
		for db in "${DBS[@]}"; do RUNS+=("$wp/$db"); done
	done
else
	for db in "${DBS[@]}"; do RUNS+=("$DM_WP_DEFAULT/$db"); done
	# The oldest supported WordPress on SQLite only: the database layer is the same code on both.
	for db in "${DBS[@]}"; do [ "$db" = sqlite ] && RUNS+=("$DM_WP_OLDEST/$db"); done
fi
needs=(php unzip phpunit composer)
for db in "${DBS[@]}"; do needs+=("$db"); done
ensure_system_packages "${needs[@]}" || die "missing system packages (see above)"
ensure_node_modules # the SQLite drop-in comes from @wp-playground/cli
ensure_composer_deps || true # vendor/bin/wp for the WP-CLI tests (they fail, saying why, without it)

PHPUNIT=phpunit
[ -x vendor/bin/phpunit ] && PHPUNIT=vendor/bin/phpunit

declare -A RESULT TIME
for run in "${RUNS[@]}"; do
	wp=${run%/*}
	db=${run#*/}
	wp_select "$wp"
	ensure_wp_core
	log "PHPUnit on WordPress $wp, $db"
	started=$(now_ms)
	site_create "test-$wp-$db" "$db" "http://localhost"
	info "site: $DM_SITE_WP ($(fmt_ms $(($(now_ms) - started))))"
	if DM_JOBS_WP_DIR="$DM_SITE_WP" DM_JOBS_TEST_DB="$db" "$PHPUNIT" -c phpunit.xml.dist "$@"; then
		RESULT[$run]=passed
	else
		RESULT[$run]=FAILED
		[ -s "$DM_SITE_DIR/debug.log" ] && info "PHP debug log: $DM_SITE_DIR/debug.log"
	fi
	TIME[$run]=$(fmt_ms $(($(now_ms) - started)))
	if [ "$db" = mariadb ]; then
		mariadb_stop "$DM_SITE_DIR/mariadb"
	fi
done

echo
status=0
for run in "${RUNS[@]}"; do
	printf 'PHPUnit on WordPress %-4s %-8s %s (%s)\n' "${run%/*}" "${run#*/}:" "${RESULT[$run]}" "${TIME[$run]}"
	[ "${RESULT[$run]}" = passed ] || status=1
done
exit "$status"
