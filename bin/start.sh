#!/usr/bin/env bash
# npm start: a local WordPress (7.1; DM_JOBS_WP=6.8 for the oldest we support) with DM Jobs active and
# demo data, in the foreground.
#
#   DM_JOBS_WP=7.1           WordPress version: 7.1 (default) or 6.8
#   DM_JOBS_PORT=8890        port (http://localhost:PORT)
#   DM_JOBS_DB=sqlite        sqlite (default) or mariadb (private server under the site dir)
#   DM_JOBS_DEMO_JOBS=3000   jobs to seed (0 = none)
#   DM_JOBS_TABLES=dm        Data Machine table generation to seed: dm (v0.1's wp_dm_jobs, default) or
#                            datamachine (today's wp_datamachine_* tables, made by Data Machine's own statements)
#   DM_JOBS_KEEP=1           keep the site and its data between runs (default: recreate)
#   DM_JOBS_RUNTIME=php      php (default when PHP is available) or playground (WordPress Playground, no PHP needed)
#   DM_JOBS_CRON_INTERVAL=60 seconds between two runs of WP-Cron (0 = never)
#
# The site sets DISABLE_WP_CRON (no cron spawned by page views), so, as a production site with a system
# cron should, this script requests wp-cron.php every DM_JOBS_CRON_INTERVAL seconds while it serves.
#
# Ctrl-C (or SIGTERM) stops everything this script started.
set -euo pipefail

source "$(dirname "$0")/lib/common.sh"
source "$DM_LIB/deps.sh"
source "$DM_LIB/wordpress.sh"
source "$DM_LIB/mariadb.sh"
source "$DM_LIB/site.sh"

PORT=${DM_JOBS_PORT:-8890}
DB=${DM_JOBS_DB:-sqlite}
JOBS=${DM_JOBS_DEMO_JOBS:-3000}
CRON_INTERVAL=${DM_JOBS_CRON_INTERVAL:-60}
URL="http://localhost:$PORT"
TABLES=${DM_JOBS_TABLES:-dm}
case $TABLES in dm | datamachine) ;; *) die "DM_JOBS_TABLES must be dm or datamachine" ;; esac
SITE=dev
[ "$TABLES" = datamachine ] && SITE=dev-datamachine

case $DB in sqlite | mariadb) ;; *) die "DM_JOBS_DB must be sqlite or mariadb (got '$DB')" ;; esac
[[ $CRON_INTERVAL =~ ^[0-9]+$ ]] || die "DM_JOBS_CRON_INTERVAL must be a whole number of seconds (got '$CRON_INTERVAL')"

# print_ready <headline> <site files> <logs> <cron>
print_ready() {
	cat >&2 <<MSG

  $1 $URL
  Jobs screen:      $URL/wp-admin/admin.php?page=dm-jobs
  Log in with:      admin / password
  Site files:       $2
  Logs:             $3
  WP-Cron:          $4

  Press Ctrl-C to stop.
MSG
}

seed_demo_data() {
	if [ "$JOBS" = 0 ]; then
		info "DM_JOBS_DEMO_JOBS=0: no demo data"
	elif [ ! -f "$DM_ROOT/bin/seed.php" ]; then
		warn "bin/seed.php does not exist yet: no demo data"
	else
		log "Seeding $JOBS demo jobs"
		php "$DM_ROOT/bin/seed.php" --path="$DM_SITE_WP" --jobs="$JOBS" --tables="$TABLES" || die "seeding failed"
	fi
}

# One WP-Cron run the way a system cron job does it (a plain GET of wp-cron.php), logged with its
# HTTP status and duration.
run_cron_once() {
	local log=$1 started code
	started=$(now_ms)
	if have curl; then
		code=$(curl -s -o /dev/null -m 600 -w '%{http_code}' "$URL/wp-cron.php") || true
	else
		code=$(http_status "$URL/wp-cron.php") || true
	fi
	printf '%s wp-cron.php %s %s\n' "$(date -u +%FT%TZ)" "${code:-000}" "$(fmt_ms $(($(now_ms) - started)))" >>"$log"
}

start_with_php() {
	local started cron_pid='' next_cron=0 now cron_note
	started=$(now_ms)
	port_in_use "$PORT" && die "port $PORT is already in use (choose another one, e.g. DM_JOBS_PORT=8899 npm start)"
	acquire_lock start-dev fail
	if [ "${DM_JOBS_KEEP:-0}" = 1 ] && site_can_reuse "$SITE" "$DB"; then
		log "Reusing the kept '$SITE' site ($DB, DM_JOBS_KEEP=1)"
		site_reopen "$SITE" "$URL"
	else
		log "Creating a fresh '$SITE' site ($DB)"
		site_create "$SITE" "$DB" "$URL"
		site_activate_plugin
		seed_demo_data
		site_mark_installed
	fi
	site_serve "$PORT"
	info "ready in $(fmt_ms $(($(now_ms) - started)))"
	if [ "$CRON_INTERVAL" = 0 ]; then
		cron_note="off (DM_JOBS_CRON_INTERVAL=0)"
	else
		cron_note="every ${CRON_INTERVAL} s, log $DM_SITE_DIR/cron.log"
	fi
	print_ready "DM Jobs is ready:" "$DM_SITE_WP ($(site_db_kind))" "$DM_SITE_DIR/debug.log, $DM_SITE_DIR/server.log" "$cron_note"
	# Foreground until Ctrl-C / SIGTERM (the traps stop the server, the cron run and the database),
	# until the server dies, or until our parent goes away (`npm start` sends SIGTERM only to its `sh -c`).
	# A background job of a script ignores SIGINT, so Ctrl-C alone would leave a cron request running.
	on_exit '[ -n "$cron_pid" ] && { pkill -TERM -P "$cron_pid"; kill "$cron_pid"; } 2>/dev/null'
	while pid_matches "$DM_SERVER_PGID" "$DM_SITE_WP"; do
		if ! parent_alive; then
			info "parent process exited: stopping"
			exit 143
		fi
		now=$(date +%s)
		# A run that is still busy is never doubled; the next one starts when it has finished.
		if [ "$CRON_INTERVAL" != 0 ] && [ "$now" -ge "$next_cron" ] && ! { [ -n "$cron_pid" ] && kill -0 "$cron_pid" 2>/dev/null; }; then
			run_cron_once "$DM_SITE_DIR/cron.log" &
			cron_pid=$!
			next_cron=$((now + CRON_INTERVAL))
		fi
		sleep 1 &
		wait $! || true
	done
	die "the PHP server stopped unexpectedly (see $DM_SITE_DIR/server.log)"
}

# WordPress Playground (PHP compiled to WebAssembly, runs in Node): slower, but needs no PHP.
start_with_playground() {
	local site wp blueprint
	[ "$DB" = sqlite ] || warn "WordPress Playground always uses SQLite (DM_JOBS_DB=$DB ignored)"
	ensure_wp_core
	site=$(site_dir "playground-$DM_WP_VERSION")
	wp="$site/wordpress"
	if [ "${DM_JOBS_KEEP:-0}" != 1 ] || [ ! -f "$wp/wp-config.php" ]; then
		rm -rf "$site"
		mkdir -p "$site"
		cp -a "$DM_WP_CORE" "$wp"
	fi
	mkdir -p "$wp/wp-content/mu-plugins"
	cp "$DM_LIB/php/dev-env-mu-plugin.php" "$wp/wp-content/mu-plugins/dm-jobs-dev-env.php"
	blueprint="$site/blueprint.json"
	if [ -f "$DM_ROOT/plugin.php" ]; then
		printf '{"steps":[{"step":"activatePlugin","pluginPath":"dm-jobs/plugin.php"}]}\n' >"$blueprint"
	else
		printf '{"steps":[]}\n' >"$blueprint"
	fi
	warn "demo data is not seeded under Playground (bin/seed.php needs PHP)"
	log "Starting WordPress Playground on $URL (20-30 s to boot)"
	print_ready "DM Jobs (Playground) will be at" "$wp (Playground, SQLite)" "this terminal" "on page views (Playground's own WP-Cron)"
	info "wait for Playground's \"Ready!\" line below before opening it"
	# exec: Playground is then the foreground process and Ctrl-C stops it directly.
	cd "$DM_ROOT"
	exec npx --no-install wp-playground-cli server --port="$PORT" --site-url="$URL" --php=8.2 \
		--wordpress-install-mode=install-from-existing-files-if-needed \
		--mount-before-install="$wp:/wordpress" \
		--mount="$DM_ROOT:/wordpress/wp-content/plugins/dm-jobs" \
		--blueprint="$blueprint" --login
}

ensure_node_modules
ensure_js_build

runtime=${DM_JOBS_RUNTIME:-php}
if [ "$runtime" = php ]; then
	needs=(php sqlite unzip)
	[ "$DB" = mariadb ] && needs+=(mariadb)
	if ! ensure_system_packages "${needs[@]}"; then
		have php || {
			warn "PHP is not available: falling back to WordPress Playground"
			runtime=playground
		}
		[ "$runtime" = php ] && die "missing system packages (see above)"
	fi
fi

case $runtime in
php) start_with_php ;;
playground) start_with_playground ;;
*) die "DM_JOBS_RUNTIME must be php or playground (got '$runtime')" ;;
esac
