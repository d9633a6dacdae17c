# shellcheck shell=bash
# Shared helpers for the bin/ scripts: paths, logging, timing and an exit-cleanup stack.
# Source it; it does not change shell options (each script sets `set -euo pipefail` itself).

DM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DM_CACHE=${DM_JOBS_CACHE_DIR:-$DM_ROOT/.cache}
DM_LIB="$DM_ROOT/bin/lib"
export DM_ROOT DM_CACHE DM_LIB

log() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
info() { printf '    %s\n' "$*" >&2; }
warn() { printf '\033[33mwarning:\033[0m %s\n' "$*" >&2; }
die() {
	printf '\033[31merror:\033[0m %s\n' "$*" >&2
	exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }
have() { command -v "$1" >/dev/null 2>&1; }

# Milliseconds since the epoch, and a human "12.3s" for a duration in ms.
now_ms() { date +%s%3N; }
fmt_ms() { printf '%d.%01ds' $(($1 / 1000)) $((($1 % 1000) / 100)); }

# Cleanup stack: commands registered with `on_exit` run in reverse order when the
# script exits for any reason (normal end, error, Ctrl-C, SIGTERM).
DM_CLEANUP=()
on_exit() { DM_CLEANUP+=("$1"); }
_dm_run_cleanup() {
	local status=$? i
	trap - EXIT INT TERM
	for ((i = ${#DM_CLEANUP[@]} - 1; i >= 0; i--)); do
		eval "${DM_CLEANUP[$i]}" || true
	done
	exit "$status"
}
trap _dm_run_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Is something listening on 127.0.0.1:PORT?
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Wait until 127.0.0.1:PORT accepts connections (or fail after N tenths of a second).
wait_for_port() {
	local port=$1 tries=${2:-100}
	while ((tries-- > 0)); do
		port_in_use "$port" && return 0
		sleep 0.1
	done
	return 1
}

# A free TCP port on 127.0.0.1, chosen by the kernel.
free_port() {
	php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); $n = stream_socket_get_name($s, false); echo substr($n, strrpos($n, ":") + 1);'
}

# Run a command with a process-wide lock (serialises concurrent scripts filling the cache).
with_lock() {
	local lock=$1
	shift
	mkdir -p "$(dirname "$lock")"
	if have flock; then
		(
			flock 9
			"$@"
		) 9>"$lock"
	else
		"$@"
	fi
}

# Is PID alive and does its command line mention TEXT? Guards against stale pid files whose
# number now belongs to an unrelated process.
pid_matches() {
	local pid=$1 text=$2
	[ -r "/proc/$pid/cmdline" ] || return 1
	tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$text"
}

# Is the process that started this script still our parent? (false once we are orphaned)
DM_PARENT_PID=$PPID
parent_alive() {
	local ppid
	ppid=$(awk '{ print $4 }' "/proc/$$/stat" 2>/dev/null) || return 0
	[ "$ppid" = "$DM_PARENT_PID" ]
}

# acquire_lock <name> [wait|fail]: hold $DM_CACHE/locks/<name>.lock until this script exits, so
# two runs never share (and delete) the same site. "wait" queues behind the other run; "fail" exits.
acquire_lock() {
	local name=$1 mode=${2:-wait} file
	have flock || return 0
	file="$DM_CACHE/locks/$name.lock"
	mkdir -p "$DM_CACHE/locks"
	# fd 8; the servers we start close it (8>&-) so a lock never outlives its script.
	exec 8>"$file"
	flock -n 8 && return 0
	[ "$mode" = fail ] && die "another run holds $file (is it still running?)"
	info "another run holds $file: waiting for it to finish"
	flock 8
}
