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
#   DM_JOBS_TEST_TABLES="dm"    only these Data Machine table generations (default "dm datamachine"):
#     "dm" runs the whole suite over the dm_* tables; "datamachine" runs the adapter-facing testsuite
#     ("generations" in phpunit.xml.dist: listing, filters, counts, search, details, logs, change feed,
#     bulk and cleanup) over today's datamachine_* tables, created by Data Machine's own statements,
#     on WordPress 7.0+ only (today's Data Machine requires it).
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
read -r -a TABLE_SETS <<<"${DM_JOBS_TEST_TABLES:-dm datamachine}"
RUNS=()
add_runs() { # add_runs <wp> <db>: one run per table generation (today's tables need WordPress 7.0+)
	local tables
	for tables in "${TABLE_SETS[@]}"; do
		if [ "$tables" = datamachine ] && [ "${1%%.*}" -lt 7 ]; then continue; fi
		RUNS+=("$1/$2/$tables")
	done
}
if [ -n "${DM_JOBS_TEST_WP:-}" ]; then
	for wp in $DM_JOBS_TEST_WP; do
		for db in "${DBS[@]}"; do add_runs "$wp" "$db"; done
	done
else
	for db in "${DBS[@]}"; do add_runs "$DM_WP_DEFAULT" "$db"; done
	# The oldest supported WordPress on SQLite only: the database layer is the same code on both.
	for db in "${DBS[@]}"; do [ "$db" = sqlite ] && add_runs "$DM_WP_OLDEST" "$db"; done
fi
needs=(php unzip phpunit composer)
for db in "${DBS[@]}"; do needs+=("$db"); done
ensure_system_packages "${needs[@]}" || die "missing system packages (see above)"
ensure_node_modules # the SQLite drop-in comes from @wp-playground/cli
ensure_js_build # the first-paint printer reads the build's date-fns locales (build/date-locales/*.json)
ensure_composer_deps || true # vendor/bin/wp for the WP-CLI tests (they fail, saying why, without it)

PHPUNIT=phpunit
[ -x vendor/bin/phpunit ] && PHPUNIT=vendor/bin/phpunit

declare -A RESULT TIME
for run in "${RUNS[@]}"; do
	IFS=/ read -r wp db tables <<<"$run"
	suite=()
	[ "$tables" = datamachine ] && suite=(--testsuite generations)
	wp_select "$wp"
	ensure_wp_core
	log "PHPUnit on WordPress $wp, $db, Data Machine tables: $tables"
	started=$(now_ms)
	site_create "test-$wp-$db-$tables" "$db" "http://localhost"
	info "site: $DM_SITE_WP ($(fmt_ms $(($(now_ms) - started))))"
	if DM_JOBS_WP_DIR="$DM_SITE_WP" DM_JOBS_TEST_DB="$db" DM_JOBS_TEST_TABLES="$tables" "$PHPUNIT" -c phpunit.xml.dist "${suite[@]}" "$@"; then
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
	IFS=/ read -r wp db tables <<<"$run"
	printf 'PHPUnit on WordPress %-4s %-8s %-12s %s (%s)\n' "$wp" "$db" "$tables:" "${RESULT[$run]}" "${TIME[$run]}"
	[ "${RESULT[$run]}" = passed ] || status=1
done
exit "$status"
