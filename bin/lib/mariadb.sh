# shellcheck shell=bash
# A private MariaDB server for one site: datadir under the site, Unix socket + a free port on
# 127.0.0.1, root without a password. Stopped automatically when the calling script exits.

DM_MARIADB_SOCKET=''
DM_MARIADB_PORT=''
DM_MARIADB_PID=''

# Socket paths are limited to ~107 bytes: fall back to /tmp for deep checkouts.
_mariadb_socket_path() {
	local dir=$1 sock="$1/mysqld.sock"
	if [ ${#sock} -gt 100 ]; then
		sock="/tmp/dm-jobs-mariadb-$(printf '%s' "$dir" | md5sum | cut -c1-12).sock"
	fi
	printf '%s\n' "$sock"
}

# mariadb_start <dir>: initialise <dir>/data if needed and start mariadbd; sets DM_MARIADB_*.
mariadb_start() {
	local dir=$1 user_opt=() tries=100
	mkdir -p "$dir"
	is_root && user_opt=(--user=root)
	DM_MARIADB_SOCKET=$(_mariadb_socket_path "$dir")
	DM_MARIADB_PORT=$(free_port)

	if [ ! -d "$dir/data/mysql" ]; then
		mariadb-install-db --no-defaults "${user_opt[@]}" --datadir="$dir/data" \
			--auth-root-authentication-method=normal --skip-test-db >"$dir/install-db.log" 2>&1 || {
			cat "$dir/install-db.log" >&2
			die "mariadb-install-db failed"
		}
	fi

	rm -f "$dir/mariadbd.pid"
	# Own session (setsid), so Ctrl-C in the terminal does not reach it before we stop it cleanly.
	setsid "$(mariadbd_bin)" --no-defaults "${user_opt[@]}" --datadir="$dir/data" \
		--socket="$DM_MARIADB_SOCKET" --port="$DM_MARIADB_PORT" --bind-address=127.0.0.1 \
		--pid-file="$dir/mariadbd.pid" --log-error="$dir/error.log" \
		--skip-log-bin --skip-name-resolve --innodb-buffer-pool-size="${DM_JOBS_INNODB_BUFFER_POOL:-128M}" \
		--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
		</dev/null >/dev/null 2>&1 8>&- &
	DM_MARIADB_PID=$!
	on_exit "mariadb_stop '$dir'"

	until mariadb-admin --no-defaults --socket="$DM_MARIADB_SOCKET" -uroot ping >/dev/null 2>&1; do
		if ((tries-- <= 0)) || ! kill -0 "$DM_MARIADB_PID" 2>/dev/null; then
			tail -n 20 "$dir/error.log" >&2 || true
			die "MariaDB did not start (log: $dir/error.log)"
		fi
		sleep 0.1
	done
	[ -f "$dir/mariadbd.pid" ] && DM_MARIADB_PID=$(cat "$dir/mariadbd.pid")
}

# mariadb_create_db <name>: a fresh, empty database.
mariadb_create_db() {
	mariadb --no-defaults --socket="$DM_MARIADB_SOCKET" -uroot \
		-e "DROP DATABASE IF EXISTS \`$1\`; CREATE DATABASE \`$1\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
}

# mariadb_stop <dir>: graceful shutdown (SIGTERM), SIGKILL after 10 s.
mariadb_stop() {
	local dir=$1 pid tries=100
	pid=$(cat "$dir/mariadbd.pid" 2>/dev/null || echo "$DM_MARIADB_PID")
	[ -n "$pid" ] && pid_matches "$pid" "$dir/data" || return 0
	kill -TERM "$pid" 2>/dev/null || return 0
	while kill -0 "$pid" 2>/dev/null && ((tries-- > 0)); do
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null || true
	rm -f "$dir/mariadbd.pid"
}
