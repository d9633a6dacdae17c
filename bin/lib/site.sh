# shellcheck shell=bash
# Local WordPress sites, OUTSIDE the checkout, under $DM_SITES/<name>/:
#   wordpress/   a copy of core; wp-content/plugins/dm-jobs -> the repository (symlink)
#   database/    SQLite file (sqlite sites)     mariadb/  private MariaDB datadir (mariadb sites)
#   debug.log    WP_DEBUG_LOG                   server.log, cron.log  PHP built-in server, WP-Cron loop
#
# $DM_SITES defaults to ${XDG_CACHE_HOME:-~/.cache}/dm-jobs/sites-<hash of the checkout path>
# (DM_JOBS_SITES_DIR overrides it). Only the document root wordpress/ is served, so databases and
# logs are never reachable over HTTP; and since the plugin is the checkout itself, symlinked into
# each site, nothing of a site may live inside the checkout (it would be served through the plugin
# folder, and plugin_basename() of the site's other plugins would come out as "dm-jobs/...").

DM_SITE_DIR=''
DM_SITE_WP=''
DM_SERVER_PGID='' # process group of the running PHP server (set by site_serve)
DM_SITES=${DM_JOBS_SITES_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/dm-jobs/sites-$(printf '%s' "$DM_ROOT" | md5sum | cut -c1-8)}

site_dir() {
	_ensure_sites_root
	printf '%s\n' "$DM_SITES/$1"
}

_ensure_sites_root() {
	[ -d "$DM_SITES" ] && [ -n "${DM_SITES_CHECKED:-}" ] && return 0
	mkdir -p "$DM_SITES"
	case "$(cd "$DM_SITES" && pwd -P)/" in
	"$(cd "$DM_ROOT" && pwd -P)"/*) die "the sites folder $DM_SITES is inside the checkout: set DM_JOBS_SITES_DIR to a folder outside it" ;;
	esac
	# Checkouts of before kept a link .cache/sites to the sites: it made them reachable through the plugin folder.
	[ -L "$DM_CACHE/sites" ] && rm -f "$DM_CACHE/sites"
	DM_SITES_CHECKED=1
}

# site_create <name> <sqlite|mariadb> <url> [without-plugin]: a fresh site, installed, plugin
# present (not active) unless "without-plugin" is given.
# For mariadb sites the private server keeps running until the calling script exits.
site_create() {
	local name=$1 db=$2 url=$3 plugin=${4:-}
	DM_SITE_DIR=$(site_dir "$name")
	DM_SITE_WP="$DM_SITE_DIR/wordpress"
	ensure_wp_core
	[ "$db" = sqlite ] && ensure_sqlite_plugin

	site_stop_leftovers "$DM_SITE_DIR"
	rm -rf "$DM_SITE_DIR"
	mkdir -p "$DM_SITE_DIR"
	cp -a "$DM_WP_CORE" "$DM_SITE_WP"
	[ "$plugin" = without-plugin ] || ln -s "$DM_ROOT" "$DM_SITE_WP/wp-content/plugins/dm-jobs"
	mkdir -p "$DM_SITE_WP/wp-content/mu-plugins"
	cp "$DM_LIB/php/dev-env-mu-plugin.php" "$DM_SITE_WP/wp-content/mu-plugins/dm-jobs-dev-env.php"
	printf '%s\n' "$db" >"$DM_SITE_DIR/db-kind"

	case $db in
	sqlite)
		cp -a "$DM_SQLITE_PLUGIN" "$DM_SITE_WP/wp-content/plugins/sqlite-database-integration"
		sed -e "s|{SQLITE_IMPLEMENTATION_FOLDER_PATH}|$DM_SITE_WP/wp-content/plugins/sqlite-database-integration|g" \
			-e "s|{SQLITE_PLUGIN}|sqlite-database-integration/load.php|g" \
			"$DM_SQLITE_PLUGIN/db.copy" >"$DM_SITE_WP/wp-content/db.php"
		mkdir -p "$DM_SITE_DIR/database"
		;;
	mariadb)
		mariadb_start "$DM_SITE_DIR/mariadb"
		mariadb_create_db wordpress
		;;
	*) die "unknown database kind '$db' (use sqlite or mariadb)" ;;
	esac

	site_write_config "$name" "$url"
	php "$DM_LIB/php/install.php" "$DM_SITE_WP" "$url" "DM Jobs ($name)" >"$DM_SITE_DIR/install.log" 2>&1 || {
		cat "$DM_SITE_DIR/install.log" >&2
		die "WordPress install failed for site '$name'"
	}
}

# site_can_reuse <name> <sqlite|mariadb>: is there an installed site of that kind (for DM_JOBS_KEEP=1)?
site_can_reuse() {
	local dir
	dir=$(site_dir "$1")
	[ -f "$dir/installed" ] || return 1
	if [ "$(cat "$dir/db-kind")" != "$2" ]; then
		warn "the kept '$1' site uses $(cat "$dir/db-kind"), not $2: recreating it"
		return 1
	fi
	ensure_wp_core
	local kept wanted
	kept=$(wp_core_version "$dir/wordpress")
	wanted=$(wp_core_version "$DM_WP_CORE")
	if [ "$kept" != "$wanted" ]; then
		warn "the kept '$1' site runs WordPress ${kept:-(unknown)}, not $wanted: recreating it"
		return 1
	fi
}

# site_reopen <name> <url>: restart an existing site's database and rewrite its wp-config.php.
site_reopen() {
	local name=$1 url=$2
	DM_SITE_DIR=$(site_dir "$name")
	DM_SITE_WP="$DM_SITE_DIR/wordpress"
	site_stop_leftovers "$DM_SITE_DIR"
	if [ "$(site_db_kind)" = mariadb ]; then
		mariadb_start "$DM_SITE_DIR/mariadb"
	fi
	site_write_config "$name" "$url"
}

site_db_kind() { cat "$DM_SITE_DIR/db-kind"; }

# Random salt for wp-config.php.
_salt() { head -c 48 /dev/urandom | base64 | tr -d '\n/+='; }

site_write_config() {
	local name=$1 url=$2 db db_config key
	db=$(cat "$DM_SITE_DIR/db-kind")
	if [ "$db" = sqlite ]; then
		db_config="define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', '' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', '' );
define( 'DB_DIR', '$DM_SITE_DIR/database/' );
define( 'DB_FILE', 'wordpress.sqlite' );"
	else
		db_config="define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:$DM_MARIADB_SOCKET' ); // Also on 127.0.0.1:$DM_MARIADB_PORT while running."
	fi

	{
		cat <<PHP
<?php
/**
 * Local "$name" site for DM Jobs development ($db). Generated by bin/lib/site.sh: do not edit,
 * it is rewritten on every run.
 */

$db_config
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
\$table_prefix = 'wp_';

PHP
		for key in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
			printf "define( '%s', '%s' );\n" "$key" "$(_salt)"
		done
		cat <<PHP

define( 'WP_HOME', '$url' );
define( 'WP_SITEURL', '$url' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true ); // No cron spawned by page views: npm start requests wp-cron.php every minute, tests run it explicitly.
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '$DM_SITE_DIR/debug.log' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'DM_JOBS_DEV_SITE', '$name' );
define( 'DM_JOBS_DEV_DB', '$db' );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP
	} >"$DM_SITE_WP/wp-config.php"
}

# Activate dm-jobs (runs its activation hook). Skips with a warning while plugin.php does not exist.
site_activate_plugin() {
	if [ ! -f "$DM_ROOT/plugin.php" ]; then
		warn "plugin.php does not exist yet: not activating dm-jobs"
		return 0
	fi
	php "$DM_LIB/php/activate.php" "$DM_SITE_WP" dm-jobs/plugin.php >&2 || die "activating dm-jobs failed"
}

site_mark_installed() { touch "$DM_SITE_DIR/installed"; }

# site_serve <port>: PHP's built-in server for the current site, in its own process group.
site_serve() {
	local port=$1
	port_in_use "$port" && die "port $port is already in use (choose another one, e.g. DM_JOBS_PORT=8899)"
	PHP_CLI_SERVER_WORKERS=${PHP_CLI_SERVER_WORKERS:-4} setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ \
		"$DM_SITE_DIR/server.pid" php -S "127.0.0.1:$port" -t "$DM_SITE_WP" "$DM_LIB/php/router.php" \
		</dev/null >>"$DM_SITE_DIR/server.log" 2>&1 8>&- &
	on_exit "site_stop_server '$DM_SITE_DIR'"
	if ! wait_for_port "$port" 100; then
		tail -n 20 "$DM_SITE_DIR/server.log" >&2 || true
		die "the PHP server did not start on port $port"
	fi
	# shellcheck disable=SC2034 # read by the calling script
	DM_SERVER_PGID=$(cat "$DM_SITE_DIR/server.pid")
}

# Stop the server's whole process group (killing only the parent leaves its workers serving).
site_stop_server() {
	local dir=$1 pgid
	pgid=$(cat "$dir/server.pid" 2>/dev/null) || return 0
	if pid_matches "$pgid" "$dir/wordpress"; then
		kill -TERM -- "-$pgid" 2>/dev/null || true
	fi
	rm -f "$dir/server.pid"
}

# A previous run killed with SIGKILL may have left a server or database behind: stop them.
site_stop_leftovers() {
	local dir=$1
	[ -f "$dir/server.pid" ] && site_stop_server "$dir"
	[ -f "$dir/mariadb/mariadbd.pid" ] && mariadb_stop "$dir/mariadb"
	return 0
}

# HTTP status of a URL (curl when present, PHP otherwise).
http_status() {
	if have curl; then
		curl -s -o /dev/null -w '%{http_code}' "$1"
	else
		php -r '$c = @file_get_contents($argv[1], false, stream_context_create(["http" => ["ignore_errors" => true, "follow_location" => 0]])); preg_match("#\\d{3}#", $http_response_header[0] ?? "", $m); echo $m[0] ?? "000";' "$1"
	fi
}
