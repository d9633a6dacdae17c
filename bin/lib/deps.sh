# shellcheck shell=bash
# System packages, node_modules and the JS build.

DM_CHROMIUM=${DM_JOBS_CHROMIUM:-/usr/lib/chromium/chromium}

# Which Debian packages are missing for the given needs (php, sqlite, mariadb, phpunit, chromium, unzip)?
# Checks commands and PHP modules only, so it is instant when everything is there.
missing_system_packages() {
	local need missing=() php_modules=''
	if have php; then
		php_modules=$(php -m 2>/dev/null | tr '[:upper:]' '[:lower:]')
	fi
	has_php_module() { printf '%s\n' "$php_modules" | grep -qx "$1"; }

	for need in "$@"; do
		case $need in
		php)
			have php || missing+=(php-cli)
			has_php_module mysqli || missing+=(php-mysql)
			has_php_module dom && has_php_module simplexml || missing+=(php-xml)
			has_php_module mbstring || missing+=(php-mbstring)
			has_php_module curl || missing+=(php-curl)
			has_php_module gd || missing+=(php-gd)
			has_php_module intl || missing+=(php-intl)
			;;
		sqlite) has_php_module pdo_sqlite || missing+=(php-sqlite3) ;;
		mariadb) have mariadbd || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server) ;;
		phpunit) have phpunit || [ -x "$DM_ROOT/vendor/bin/phpunit" ] || missing+=(phpunit) ;;
		unzip) have unzip || missing+=(unzip) ;;
		chromium) [ -x "$DM_CHROMIUM" ] || missing+=(chromium) ;;
		composer) have composer || missing+=(composer) ;;
		*) die "unknown system need: $need" ;;
		esac
	done
	printf '%s\n' "${missing[@]}" | sort -u | grep -v '^$' || true
}

# Install what is missing when we are root on Debian/Ubuntu; otherwise say exactly what is missing.
# Usage: ensure_system_packages php sqlite mariadb ...   (returns 1 if something is still missing)
ensure_system_packages() {
	local missing
	missing=$(missing_system_packages "$@" | tr '\n' ' ')
	missing=${missing% }
	[ -z "$missing" ] && return 0

	if is_root && have apt-get; then
		local apt_log="$DM_CACHE/apt.log"
		mkdir -p "$DM_CACHE"
		log "Installing system packages: $missing (log: $apt_log)"
		export DEBIAN_FRONTEND=noninteractive
		# Try without `apt-get update` first (fast when the lists are fresh), then with it.
		# shellcheck disable=SC2086 # word splitting of the package list is intended
		if ! { apt-get install -y -q --no-install-recommends $missing ||
			{ apt-get update -q && apt-get install -y -q --no-install-recommends $missing; }; } >>"$apt_log" 2>&1; then
			tail -n 20 "$apt_log" >&2
			warn "apt-get could not install: $missing"
			return 1
		fi
		hash -r
		missing=$(missing_system_packages "$@" | tr '\n' ' ')
		[ -z "${missing// /}" ] && return 0
	fi
	warn "missing system packages: $missing"
	warn "install them with: sudo apt-get install -y --no-install-recommends $missing"
	return 1
}

mariadbd_bin() { command -v mariadbd || echo /usr/sbin/mariadbd; }

ensure_node() {
	have node && have npm && return 0
	die "Node.js 20.19+ and npm are required (https://nodejs.org/); they are not on PATH."
}

# Install node_modules when missing (npm ci with a lockfile, npm install otherwise).
ensure_node_modules() {
	ensure_node
	if [ -d "$DM_ROOT/node_modules/.bin" ] && [ -f "$DM_ROOT/node_modules/.package-lock.json" ]; then
		return 0
	fi
	if [ -f "$DM_ROOT/package-lock.json" ]; then
		log "Installing node_modules (npm ci)"
		(cd "$DM_ROOT" && npm ci --no-audit --no-fund)
	else
		log "Installing node_modules (npm install)"
		(cd "$DM_ROOT" && npm install --no-audit --no-fund)
	fi
}

# Build the JS bundle when build/ is missing or older than anything in src/ (or package files).
ensure_js_build() {
	if [ ! -d "$DM_ROOT/src" ]; then
		warn "src/ does not exist yet: skipping the JS build"
		return 0
	fi
	local stamp="$DM_ROOT/build/index.asset.php"
	if [ -f "$stamp" ] && [ -z "$(find "$DM_ROOT/src" "$DM_ROOT/package.json" "$DM_ROOT/webpack.config.js" -newer "$stamp" -print -quit)" ]; then
		return 0
	fi
	log "Building the JS bundle (npm run build)"
	(cd "$DM_ROOT" && npm run --silent build)
}

# Build dm-jobs.zip (npm run plugin-zip) when it is missing or older than a file it packs.
ensure_plugin_zip() {
	local zip="$DM_ROOT/dm-jobs.zip"
	if [ -f "$zip" ] && [ -z "$(cd "$DM_ROOT" && find plugin.php uninstall.php readme.txt README.md package.json includes build \
		-newer "$zip" -print -quit 2>/dev/null)" ]; then
		return 0
	fi
	log "Building dm-jobs.zip (npm run plugin-zip)"
	(cd "$DM_ROOT" && npm run --silent plugin-zip >/dev/null)
	[ -f "$zip" ] || die "npm run plugin-zip did not write dm-jobs.zip"
}

# composer install (WP-CLI for the `wp dm-jobs` tests) when vendor/ is missing or older than composer.json.
# Uses whatever package repository this machine's composer is configured with.
ensure_composer_deps() {
	if [ -x "$DM_ROOT/vendor/bin/wp" ] && [ "$DM_ROOT/vendor/autoload.php" -nt "$DM_ROOT/composer.json" ]; then
		return 0
	fi
	have composer || {
		warn "composer is missing: the WP-CLI tests will fail (apt-get install composer)"
		return 1
	}
	log "Installing PHP dev dependencies (composer install)"
	(cd "$DM_ROOT" && COMPOSER_ALLOW_SUPERUSER=1 composer install --no-interaction --no-progress --quiet) || {
		warn "composer install failed: the WP-CLI tests will fail"
		return 1
	}
}
