#!/usr/bin/env bash
# npm run bench [-- --tables=dm|datamachine --rows=N --reps=R --payload-bytes=B --loads=L --stale-rows=S --cleanup-rows=C --only=PARTS --fresh --seed-only --list-only --no-browser --action-scheduler=DIR]
# Seeds N jobs (default 1,000,000) into a private MariaDB site, serves it with PHP's built-in
# server, and measures the Jobs API as a logged-in admin: median and p95 per variant, and the
# ratio to the floor (the dm-jobs/v1 namespace index: bootstrap + auth, no query).
# Prints a table and writes artifacts/bench/bench-<N>.json. Then, in headless Chromium, the time until
# the first table rows are visible on the Jobs screen vs core's Posts screen (L interleaved loads,
# medians; artifacts/bench/browser-<N>.json; with a bare list screen as the floor of any wp-admin screen,
# bin/bench/floor-screen.php, installed in the benchmark site only), and a "stale" phase: S jobs inserted straight into the
# table (no DM Jobs code, no WP-Cron refresh) and the API measured again (bench-<N>-stale.json); the
# inserted jobs are removed afterwards. The site is kept between runs
# (seeding is incremental); --fresh recreates it. Last, the cleanup (C old jobs added beside the N and
# removed by the real batched cleanup while a writer inserts: rows/s and the writer's worst insert),
# metrics and alerts benchmarks. --only=PARTS runs only some parts (comma list of list, browser,
# stale, cleanup, metrics, alerts), e.g. --only=cleanup.
# --action-scheduler=DIR installs Action Scheduler in the benchmark site only (DIR: a checkout of
# woocommerce/action-scheduler, or its git directory), fills it with N actions and adds its screen to the
# browser comparison. Its code is never copied into this repository.
set -euo pipefail

source "$(dirname "$0")/lib/common.sh"
source "$DM_LIB/deps.sh"
source "$DM_LIB/wordpress.sh"
source "$DM_LIB/mariadb.sh"
source "$DM_LIB/site.sh"

ROWS=1000000
REPS=30
PAYLOAD=1000
FRESH=0
TABLES=dm # --tables=datamachine measures today's Data Machine tables (datamachine_*)
SEED_ONLY=0
LIST_ONLY=0
LOADS=7
STALE_ROWS=100000
BROWSER=1
CLEANUP_ROWS=${DM_JOBS_BENCH_CLEANUP_ROWS:-1000000}
ONLY=list,browser,stale,cleanup,metrics,alerts
ACTION_SCHEDULER=''
for arg in "$@"; do
	case $arg in
	--rows=*) ROWS=${arg#*=} ;;
	--reps=*) REPS=${arg#*=} ;;
	--payload-bytes=*) PAYLOAD=${arg#*=} ;;
	--fresh) FRESH=1 ;;
	--tables=*) TABLES=${arg#*=} ;;
	--seed-only) SEED_ONLY=1 ;;
	--list-only) LIST_ONLY=1 ;;
	--loads=*) LOADS=${arg#*=} ;;
	--stale-rows=*) STALE_ROWS=${arg#*=} ;;
	--no-browser) BROWSER=0 ;;
	--cleanup-rows=*) CLEANUP_ROWS=${arg#*=} ;;
	--only=*) ONLY=${arg#*=} ;;
	--action-scheduler=*) ACTION_SCHEDULER=${arg#*=} ;;
	*) die "unknown option $arg (use --tables=dm|datamachine --rows=N --reps=R --payload-bytes=B --loads=L --stale-rows=S --cleanup-rows=C --only=PARTS --fresh --seed-only --list-only --no-browser --action-scheduler=DIR)" ;;
	esac
done
[[ $ROWS =~ ^[0-9]+$ ]] && [ "$ROWS" -gt 0 ] || die "--rows must be a positive whole number"
[[ $CLEANUP_ROWS =~ ^[0-9]+$ ]] && [ "$CLEANUP_ROWS" -gt 0 ] || die "--cleanup-rows must be a positive whole number"
for part in ${ONLY//,/ }; do
	case $part in list | browser | stale | cleanup | metrics | alerts) ;; *) die "--only takes a comma list of list, browser, stale, cleanup, metrics, alerts (not '$part')" ;; esac
done
# part <name>: is this part of the benchmark to run?
part() { [[ ",$ONLY," == *",$1,"* ]]; }
[ "$LIST_ONLY" = 1 ] && ONLY=list,browser,stale
[ "$BROWSER" = 0 ] && ONLY=${ONLY//browser/}
case $TABLES in dm | datamachine) ;; *) die "--tables must be dm or datamachine" ;; esac

PORT=${DM_JOBS_BENCH_PORT:-8897}
URL="http://127.0.0.1:$PORT"
export DM_JOBS_INNODB_BUFFER_POOL=${DM_JOBS_INNODB_BUFFER_POOL:-4G}

cd "$DM_ROOT"
ensure_system_packages php mariadb || die "missing system packages (see above)"
ensure_node_modules
ensure_wp_core

# One site per size, so a 10M run does not grow the 1M table.
NAME=bench-mariadb
[ "$ROWS" -gt 1000000 ] && NAME="bench-mariadb-$ROWS"
SUFFIX=""
[ "$TABLES" = datamachine ] && NAME="$NAME-datamachine" && SUFFIX="-datamachine"
if [ "$FRESH" = 0 ] && site_can_reuse "$NAME" mariadb; then
	log "Reusing the benchmark site"
	site_reopen "$NAME" "$URL"
else
	log "Creating the benchmark site (MariaDB)"
	site_create "$NAME" mariadb "$URL"
	site_mark_installed
fi
site_activate_plugin

if [ -n "$ACTION_SCHEDULER" ]; then
	as_dir="$DM_SITE_WP/wp-content/plugins/action-scheduler"
	if [ ! -f "$as_dir/action-scheduler.php" ]; then
		log "Installing Action Scheduler from $ACTION_SCHEDULER (this benchmark site only)"
		mkdir -p "$as_dir"
		if [ -f "$ACTION_SCHEDULER/action-scheduler.php" ]; then
			cp -R "$ACTION_SCHEDULER/." "$as_dir/"
		else
			git --git-dir="$ACTION_SCHEDULER" archive HEAD | tar -x -C "$as_dir"
		fi
	fi
	php "$DM_LIB/php/activate.php" "$DM_SITE_WP" action-scheduler/action-scheduler.php >&2 || die "activating Action Scheduler failed"
	log "Seeding up to $(printf "%'d" "$ROWS") Action Scheduler actions"
	php bin/bench/seed-actions.php --path="$DM_SITE_WP" --rows="$ROWS"
fi

log "Seeding up to $(printf "%'d" "$ROWS") jobs (payload ≈ $PAYLOAD bytes)"
started=$(now_ms)
php bin/bench/seed.php --path="$DM_SITE_WP" --rows="$ROWS" --payload-bytes="$PAYLOAD" --tables="$TABLES"
info "seeding: $(fmt_ms $(($(now_ms) - started)))"
JOBS_TABLE=wp_dm_jobs
[ "$TABLES" = datamachine ] && JOBS_TABLE=wp_datamachine_jobs
mariadb --no-defaults --socket="$DM_MARIADB_SOCKET" -uroot wordpress -e "ANALYZE TABLE $JOBS_TABLE" >/dev/null

if [ "$SEED_ONLY" = 1 ]; then
	log "Seeded; not measuring (--seed-only)"
	exit 0
fi

if part list || part browser || part stale; then
	log "Refreshing the count snapshot and page anchors (what WP-Cron does every five minutes)"
	started=$(now_ms)
	php -r 'require $argv[1] . "/wp-load.php"; ( new \DMJobs\Jobs\JobCounts() )->refresh(); echo ( new \DMJobs\Jobs\PageAnchors() )->refresh( 900.0 ), " page anchors, ", ( new \DMJobs\Jobs\CreatedAtZones() )->refresh( 900.0 ), " date zones\n"; if ( class_exists( "\DMJobs\Jobs\LabelDictionary" ) && \DMJobs\Jobs\LabelDictionary::usable() ) { echo "job labels recorded up to job ", ( new \DMJobs\Jobs\LabelDictionary() )->refresh( 900.0 ), "\n"; }' "$DM_SITE_WP"
	info "refresh: $(fmt_ms $(($(now_ms) - started)))"
fi

if part list || part browser || part stale || part metrics || part alerts; then
	log "Serving $URL"
	site_serve "$PORT"
fi

EXTRA=()
[ -f bin/bench/extra-variants.json ] && EXTRA=(--extra="$(cat bin/bench/extra-variants.json)")
mkdir -p artifacts/bench
if part list; then
	node bin/bench/measure.mjs --url="$URL" --reps="$REPS" --out="artifacts/bench/bench-$ROWS$SUFFIX.json" "${EXTRA[@]}"
fi

if part browser; then
	ensure_js_build
	# A full first page of posts for core's Posts screen.
	# The floor: a bare list screen under the admin chrome, in this site only (never part of the plugin).
	cp bin/bench/floor-screen.php "$DM_SITE_WP/wp-content/mu-plugins/dm-jobs-bench-floor.php"
	php -r 'require $argv[1] . "/wp-load.php"; $have = (int) wp_count_posts()->publish; for ( $i = $have; $i < 25; $i++ ) { wp_insert_post( array( "post_title" => "Benchmark post " . ( $i + 1 ), "post_content" => "A post for the Posts screen.", "post_status" => "publish" ) ); }' "$DM_SITE_WP"
	log "First rows in headless Chromium ($LOADS interleaved loads per screen)"
	node bin/bench/browser.mjs --url="$URL" --loads="$LOADS" --jobs="$ROWS" --out="artifacts/bench/browser-$ROWS.json"
fi

if part stale && [ "$STALE_ROWS" -gt 0 ]; then
	log "Stale phase: $(printf "%'d" "$STALE_ROWS") jobs inserted straight into the table, no refresh"
	before=$(php bin/bench/stale.php --path="$DM_SITE_WP" --add="$STALE_ROWS")
	node bin/bench/measure.mjs --url="$URL" --reps="$REPS" --title="stale: $(printf "%'d" "$STALE_ROWS") jobs inserted directly, no refresh" --out="artifacts/bench/bench-$ROWS-stale.json" "${EXTRA[@]}" || warn "stale measurement failed"
	php bin/bench/stale.php --path="$DM_SITE_WP" --undo="$before"
fi

if part cleanup; then
	log "Cleanup: $(printf "%'d" "$CLEANUP_ROWS") old jobs added beside the $(printf "%'d" "$ROWS") and removed while a writer inserts (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
	out="artifacts/bench/cleanup-$CLEANUP_ROWS$SUFFIX.json"
	if php bin/bench/cleanup.php --path="$DM_SITE_WP" --rows="$CLEANUP_ROWS" >"$out"; then
		cat "$out"
		php -r '$r = json_decode( file_get_contents( $argv[1] ), true ); printf( "    cleanup: %s rows in %.1f s = %s rows/s; concurrent writer: %d inserts, worst %.1f ms, p99 %.1f ms, %d rows lost; CPU per row: %s µs PHP, %s µs database (+%s µs purge after) (load average after: %s)\n", number_format( $r["rows_deleted"] ), $r["seconds"], number_format( $r["rows_per_second"] ), $r["writer"]["inserts"], $r["writer"]["worst_ms"], $r["writer"]["p99_ms"], $r["writer"]["rows_lost"], $r["cpu_us_per_row"]["cleanup_php"] ?? "?", $r["cpu_us_per_row"]["server_all_threads"] ?? "?", $r["cpu_us_per_row"]["server_purge_after"] ?? "?", $r["load_average"] );' "$out" >&2
	else
		warn "bin/bench/cleanup.php failed"
	fi
fi

for name in metrics alerts; do
	if part "$name" && [ -f "bin/bench/$name.php" ]; then
		log "php bin/bench/$name.php"
		php "bin/bench/$name.php" --path="$DM_SITE_WP" --url="$URL" || warn "bin/bench/$name.php failed"
	fi
done
