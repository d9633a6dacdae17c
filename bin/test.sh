#!/usr/bin/env bash
# npm test: every check, in order, each one run even when an earlier one failed:
#   typecheck, lint, unit (vitest), build, zip (dm-jobs.zip), PHP (PHPUnit on WordPress 7.1 with SQLite
#   and MariaDB, 6.8 with SQLite), e2e (Chromium; installs the zip on a fresh site), e2e-today (the
#   adapter-facing e2e files again, over today's Data Machine tables: DM_JOBS_TABLES=datamachine).
# Prints a summary with each step's status and wall time; exits non-zero if any step failed.
set -euo pipefail

source "$(dirname "$0")/lib/common.sh"
source "$DM_LIB/deps.sh"
source "$DM_LIB/wordpress.sh"

cd "$DM_ROOT"
total_started=$(now_ms)

section() { printf '\n\033[1;34m━━━ %s ━━━\033[0m\n' "$*"; }

section "Dependencies"
ensure_system_packages php sqlite mariadb phpunit composer unzip chromium || die "missing system packages (see above)"
ensure_node_modules
ensure_wp_core
info "PHP $(php -r 'echo PHP_VERSION;'), node $(node --version), WordPress $(wp_core_version "$DM_WP_CORE")"

STEPS=(typecheck lint unit build zip php e2e e2e-today)
# The e2e files that read jobs through the Data Machine adapters, run again over today's datamachine_* tables.
E2E_TODAY="tests/e2e/jobs-screen.test.mjs tests/e2e/job-details.test.mjs tests/e2e/jobs-filters.test.mjs"
declare -A COMMAND=(
	[typecheck]="npm run --silent typecheck"
	[lint]="npm run --silent lint"
	[unit]="npm run --silent test:unit"
	[build]="npm run --silent build"
	[zip]="npm run --silent plugin-zip"
	[php]="bash bin/test-php.sh"
	[e2e]="bash bin/test-e2e.sh"
	[e2e-today]="env DM_JOBS_TABLES=datamachine bash bin/test-e2e.sh $E2E_TODAY"
)
declare -A STATUS TOOK

for step in "${STEPS[@]}"; do
	section "$step: ${COMMAND[$step]}"
	started=$(now_ms)
	if ${COMMAND[$step]}; then
		STATUS[$step]=PASS
	else
		STATUS[$step]=FAIL
	fi
	TOOK[$step]=$(($(now_ms) - started))
done

section "Summary"
passed=0
failed=0
for step in "${STEPS[@]}"; do
	if [ "${STATUS[$step]}" = PASS ]; then
		passed=$((passed + 1))
		color='32'
	else
		failed=$((failed + 1))
		color='31'
	fi
	printf '  \033[%sm%s\033[0m  %-10s %8s   %s\n' "$color" "${STATUS[$step]}" "$step" "$(fmt_ms "${TOOK[$step]}")" "${COMMAND[$step]}"
done
echo
echo "$passed passed, $failed failed (steps) in $(fmt_ms $(($(now_ms) - total_started)))"
[ "$failed" -eq 0 ]
