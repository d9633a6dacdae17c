#!/usr/bin/env bash
# npm run test:php: PHPUnit against real WordPress 6.8, once on SQLite and once on MariaDB.
#
# For each database a fresh site .cache/sites/test-<db> is created (plugin symlinked, not
# activated: the PHPUnit bootstrap does that), then, from the repository root:
#   DM_JOBS_WP_DIR=<site>/wordpress DM_JOBS_TEST_DB=<db> phpunit -c phpunit.xml.dist
# Extra arguments go to phpunit (e.g. bin/test-php.sh --filter StatusParser).
# DM_JOBS_TEST_DBS="sqlite" limits the databases.
# DM_JOBS_TEST_TABLES="dm datamachine" (default both): the Data Machine table generation of the site.
# "dm" runs the whole suite over the dm_* tables; "datamachine" runs the adapter-facing testsuite
# ("generations" in phpunit.xml.dist: listing, filters, counts, search, details, logs, change feed,
# bulk and cleanup) over today's datamachine_* tables, created by Data Machine's own statements.
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
needs=(php unzip phpunit)
for db in "${DBS[@]}"; do needs+=("$db"); done
ensure_system_packages "${needs[@]}" || die "missing system packages (see above)"
ensure_node_modules # the SQLite drop-in comes from @wp-playground/cli
ensure_wp_core

PHPUNIT=phpunit
[ -x vendor/bin/phpunit ] && PHPUNIT=vendor/bin/phpunit

declare -A RESULT TIME
RUNS=()
for db in "${DBS[@]}"; do
	for tables in "${TABLE_SETS[@]}"; do
		run="$db/$tables"
		RUNS+=("$run")
		suite=()
		[ "$tables" = datamachine ] && suite=(--testsuite generations)
		log "PHPUnit on $db, Data Machine tables: $tables"
		started=$(now_ms)
		site_create "test-$db-$tables" "$db" "http://localhost"
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
done

echo
status=0
for run in "${RUNS[@]}"; do
	printf 'PHPUnit on %-22s %s (%s)\n' "$run:" "${RESULT[$run]}" "${TIME[$run]}"
	[ "${RESULT[$run]}" = passed ] || status=1
done
exit "$status"
