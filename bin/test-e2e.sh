#!/usr/bin/env bash
# npm run test:e2e: end-to-end tests in headless Chromium (playwright-core + node --test).
#
# Builds the JS if needed, creates a fresh SQLite site "e2e" (WordPress DM_JOBS_WP, default 7.1) with
# DM Jobs active, serves it on DM_JOBS_E2E_PORT (default 8891) and runs tests/e2e/*.test.mjs with
#   DM_JOBS_E2E_URL=http://127.0.0.1:<port>  DM_JOBS_E2E_WP_DIR=<site>/wordpress
# When the zip test runs (all tests, or tests/e2e/plugin-zip.test.mjs), dm-jobs.zip is built if stale
# and a second fresh site without the plugin is served on a free port:
#   DM_JOBS_E2E_ZIP_URL, DM_JOBS_E2E_ZIP_WP_DIR, DM_JOBS_E2E_ZIP (the zip's path)
# Screenshots go to artifacts/screenshots/. Test files given as arguments run instead of all of
# them; other arguments go to `node --test` (e.g. bin/test-e2e.sh tests/e2e/harness.test.mjs
# --test-name-pattern=nonce).
# DM_JOBS_TABLES=datamachine: the tests seed (bin/seed.php --tables=datamachine) today's Data Machine tables
# instead of wp_dm_jobs, e.g. DM_JOBS_TABLES=datamachine bin/test-e2e.sh tests/e2e/jobs-screen.test.mjs
set -euo pipefail

source "$(dirname "$0")/lib/common.sh"
source "$DM_LIB/deps.sh"
source "$DM_LIB/wordpress.sh"
source "$DM_LIB/mariadb.sh"
source "$DM_LIB/site.sh"

PORT=${DM_JOBS_E2E_PORT:-8891}
URL="http://127.0.0.1:$PORT"

cd "$DM_ROOT"
ensure_system_packages php sqlite unzip chromium || die "missing system packages (see above)"
ensure_node_modules
ensure_js_build
[ -d node_modules/playwright-core ] || die "playwright-core is missing from node_modules (npm install)"

acquire_lock test-e2e
started=$(now_ms)
log "Creating a fresh 'e2e' site (sqlite) on $URL"
site_create e2e sqlite "$URL"
site_activate_plugin
site_mark_installed
site_serve "$PORT"
info "site ready in $(fmt_ms $(($(now_ms) - started)))"

mkdir -p artifacts/screenshots
FILES=()
OPTIONS=()
for arg in "$@"; do
	if [ -f "$arg" ]; then FILES+=("$arg"); else OPTIONS+=("$arg"); fi
done
[ "${#FILES[@]}" -gt 0 ] || FILES=(tests/e2e/)

# The zip test installs dm-jobs.zip through wp-admin on a second, fresh site without the plugin.
ZIP_ENV=()
if [ "${FILES[*]}" = tests/e2e/ ] || [[ " ${FILES[*]} " == *plugin-zip* ]]; then
	ensure_plugin_zip
	zip_port=$(free_port)
	zip_url="http://127.0.0.1:$zip_port"
	e2e_site_dir=$DM_SITE_DIR
	e2e_site_wp=$DM_SITE_WP
	log "Creating a fresh 'e2e-zip' site (sqlite, no plugin) on $zip_url"
	site_create e2e-zip sqlite "$zip_url" without-plugin
	site_serve "$zip_port"
	ZIP_ENV=(DM_JOBS_E2E_ZIP_URL="$zip_url" DM_JOBS_E2E_ZIP_WP_DIR="$DM_SITE_WP" DM_JOBS_E2E_ZIP="$DM_ROOT/dm-jobs.zip")
	DM_SITE_DIR=$e2e_site_dir
	DM_SITE_WP=$e2e_site_wp
fi
log "Running ${FILES[*]} on WordPress $(wp_core_version "$DM_SITE_WP")"
status=0
env "${ZIP_ENV[@]}" DM_JOBS_E2E_URL="$URL" DM_JOBS_E2E_WP_DIR="$DM_SITE_WP" \
	node --test --test-concurrency=1 --test-timeout=180000 --test-reporter=spec "${OPTIONS[@]}" "${FILES[@]}" || status=$?

if [ -s "$DM_SITE_DIR/debug.log" ]; then
	warn "PHP wrote to $DM_SITE_DIR/debug.log during the tests:"
	tail -n 30 "$DM_SITE_DIR/debug.log" >&2
fi
info "screenshots: $DM_ROOT/artifacts/screenshots/"
exit "$status"
