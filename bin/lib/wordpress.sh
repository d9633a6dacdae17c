# shellcheck shell=bash
# WordPress core 6.8 (from Debian trixie's `wordpress` package, cached) and the SQLite drop-in.

DM_WP_CORE="$DM_CACHE/wordpress-core"
DM_SQLITE_PLUGIN="$DM_CACHE/sqlite-database-integration"

wp_core_version() {
	sed -n "s/^\$wp_version = '\(.*\)';/\1/p" "$1/wp-includes/version.php" 2>/dev/null
}

# Make sure $DM_WP_CORE holds a plain WordPress tree. Instant when cached.
ensure_wp_core() {
	[ -f "$DM_WP_CORE/wp-includes/version.php" ] && return 0
	with_lock "$DM_CACHE/wordpress-core.lock" _fetch_wp_core
	[ -f "$DM_WP_CORE/wp-includes/version.php" ] || die "could not obtain WordPress core"
}

_fetch_wp_core() {
	[ -f "$DM_WP_CORE/wp-includes/version.php" ] && return 0 # another process was faster
	local started tmp
	started=$(now_ms)
	tmp="$DM_CACHE/wordpress-core.tmp"
	rm -rf "$tmp"
	mkdir -p "$tmp"
	if have apt-get && have dpkg-deb && [ -f /usr/share/keyrings/debian-archive-keyring.gpg ]; then
		log "Fetching WordPress core from Debian trixie packages"
		_fetch_wp_core_from_debian "$tmp"
	else
		log "Fetching WordPress core from wordpress.org (apt/Debian keyring not available)"
		_fetch_wp_core_from_wordpress_org "$tmp"
	fi
	rm -f "$tmp/wordpress/.htaccess" "$tmp/wordpress/wp-config.php"
	rm -rf "$DM_WP_CORE"
	mv "$tmp/wordpress" "$DM_WP_CORE"
	rm -rf "$tmp"
	info "WordPress $(wp_core_version "$DM_WP_CORE") ready in $DM_WP_CORE ($(fmt_ms $(($(now_ms) - started))))"
}

# apt with a private sources list, lists and cache dirs: the system's apt setup stays untouched.
_fetch_wp_core_from_debian() {
	local tmp=$1 apt="$DM_CACHE/apt-trixie" deb
	mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/debs" "$tmp/root"
	echo 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main' >"$apt/sources.list"
	local opts=(
		-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
		-o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache"
		-o "APT::Sandbox::User=$(id -un)" -q
	)
	apt-get "${opts[@]}" update >"$apt/update.log" 2>&1 || {
		cat "$apt/update.log" >&2
		die "apt-get update (trixie) failed"
	}
	(cd "$apt/debs" && rm -f ./*.deb &&
		apt-get "${opts[@]}" download wordpress wordpress-theme-twentytwentyfive php-getid3 \
			libjs-underscore libjs-cropper libjs-lodash) >"$apt/download.log" 2>&1 || {
		cat "$apt/download.log" >&2
		die "apt-get download (trixie) failed"
	}
	for deb in "$apt/debs"/*.deb; do
		dpkg-deb -x "$deb" "$tmp/root"
	done
	# The package's symlinks (getid3, javascript libraries, theme) are relative, so they resolve
	# inside $tmp/root; `cp -rL` turns them into a plain tree. Its .htaccess points to /etc: drop it.
	rm -f "$tmp/root/usr/share/wordpress/.htaccess"
	cp -rL "$tmp/root/usr/share/wordpress" "$tmp/wordpress"
	rm -rf "$tmp/root"
}

_fetch_wp_core_from_wordpress_org() {
	local tmp=$1
	if have curl; then
		curl -fsSL -o "$tmp/wordpress.zip" https://wordpress.org/wordpress-6.8.zip
	elif have wget; then
		wget -q -O "$tmp/wordpress.zip" https://wordpress.org/wordpress-6.8.zip
	else
		die "neither curl nor wget is available to download WordPress"
	fi
	have unzip || die "unzip is required to unpack WordPress"
	unzip -q "$tmp/wordpress.zip" -d "$tmp"
}

# Unpacked copy of the SQLite drop-in plugin that ships inside @wp-playground/cli (npm).
ensure_sqlite_plugin() {
	local zip="$DM_ROOT/node_modules/@wp-playground/cli/sqlite-database-integration.zip"
	[ -f "$zip" ] || die "missing $zip (run npm install)"
	if [ -f "$DM_SQLITE_PLUGIN/load.php" ] && [ "$DM_SQLITE_PLUGIN/load.php" -nt "$zip" ]; then
		return 0
	fi
	have unzip || die "unzip is required (apt-get install unzip)"
	local tmp="$DM_CACHE/sqlite-database-integration.tmp"
	rm -rf "$tmp"
	mkdir -p "$tmp"
	unzip -q "$zip" -d "$tmp"
	rm -rf "$DM_SQLITE_PLUGIN"
	mv "$tmp"/*/ "$DM_SQLITE_PLUGIN"
	rm -rf "$tmp"
	touch "$DM_SQLITE_PLUGIN/load.php"
}
