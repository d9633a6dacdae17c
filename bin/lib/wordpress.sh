# shellcheck shell=bash
# WordPress core (from Debian's `wordpress` package, cached per version) and the SQLite drop-in.
#
#   DM_JOBS_WP=7.1   today's WordPress, from Debian's unstable suite (sid)   (default)
#   DM_JOBS_WP=6.8   the oldest WordPress we support, from Debian 13 (trixie)
#
# Packages come from the Debian mirror this machine's own apt configuration uses (or
# DM_JOBS_DEBIAN_MIRROR), through a private sources list: the system's apt setup stays untouched.

DM_WP_DEFAULT=7.1
DM_WP_OLDEST=6.8
DM_SQLITE_PLUGIN="$DM_CACHE/sqlite-database-integration"

# wp_select <version>: which WordPress ensure_wp_core and site_create use from now on.
wp_select() {
	DM_WP_VERSION=$1
	case $DM_WP_VERSION in
	7.1)
		DM_WP_SUITE=sid
		# 7.1 links to newer javascript/PHP libraries than older suites ship: take them from sid too.
		DM_WP_PACKAGES=(wordpress wordpress-theme-twentytwentyfive php-getid3 libphp-phpmailer
			libjs-underscore libjs-cropper libjs-lodash libjs-jquery-ui)
		;;
	6.8)
		DM_WP_SUITE=trixie
		DM_WP_PACKAGES=(wordpress wordpress-theme-twentytwentyfive php-getid3 libjs-underscore libjs-cropper libjs-lodash)
		;;
	*) die "DM_JOBS_WP must be 7.1 or 6.8 (got '$DM_WP_VERSION')" ;;
	esac
	DM_WP_CORE="$DM_CACHE/wordpress-$DM_WP_VERSION"
}
wp_select "${DM_JOBS_WP:-$DM_WP_DEFAULT}"

wp_core_version() {
	sed -n "s/^\$wp_version = '\(.*\)';/\1/p" "$1/wp-includes/version.php" 2>/dev/null
}

# Does $DM_WP_CORE hold the selected major.minor version?
_wp_core_ready() {
	case "$(wp_core_version "$DM_WP_CORE")" in
	"$DM_WP_VERSION" | "$DM_WP_VERSION".*) return 0 ;;
	*) return 1 ;;
	esac
}

# Make sure $DM_WP_CORE holds a plain WordPress tree of the selected version. Instant when cached.
ensure_wp_core() {
	_wp_core_ready && return 0
	with_lock "$DM_CACHE/wordpress-$DM_WP_VERSION.lock" _fetch_wp_core
	_wp_core_ready || die "could not obtain WordPress $DM_WP_VERSION"
}

_fetch_wp_core() {
	_wp_core_ready && return 0 # another process was faster
	# Checkouts made before versions were selectable cached 6.8 as wordpress-core/.
	local legacy="$DM_CACHE/wordpress-core"
	case "$(wp_core_version "$legacy")" in
	"$DM_WP_VERSION".*)
		rm -rf "$DM_WP_CORE"
		mv "$legacy" "$DM_WP_CORE"
		return 0
		;;
	esac
	local started tmp mirror
	started=$(now_ms)
	tmp="$DM_CACHE/wordpress-$DM_WP_VERSION.tmp"
	rm -rf "$tmp"
	mkdir -p "$tmp"
	mirror=$(debian_mirror_uri)
	if [ -n "$mirror" ] && have apt-get && have dpkg-deb && [ -f /usr/share/keyrings/debian-archive-keyring.gpg ]; then
		log "Fetching WordPress $DM_WP_VERSION from Debian $DM_WP_SUITE packages"
		_fetch_wp_core_from_debian "$tmp" "$mirror"
	else
		log "Fetching WordPress $DM_WP_VERSION from wordpress.org (no Debian mirror in this machine's apt configuration)"
		_fetch_wp_core_from_wordpress_org "$tmp"
	fi
	rm -f "$tmp/wordpress/.htaccess" "$tmp/wordpress/wp-config.php"
	rm -rf "$DM_WP_CORE"
	mv "$tmp/wordpress" "$DM_WP_CORE"
	rm -rf "$tmp"
	info "WordPress $(wp_core_version "$DM_WP_CORE") ready in $DM_WP_CORE ($(fmt_ms $(($(now_ms) - started))))"
}

# The URI of the Debian archive this machine's apt is configured with (DM_JOBS_DEBIAN_MIRROR wins):
# the first non-security `deb` entry whose suite is a Debian release, from sources.list (one-line
# format) and sources.list.d/*.list / *.sources (deb822). Prints nothing when there is none.
debian_mirror_uri() {
	if [ -n "${DM_JOBS_DEBIAN_MIRROR:-}" ]; then
		printf '%s\n' "${DM_JOBS_DEBIAN_MIRROR%/}"
		return 0
	fi
	local list=/etc/apt/sources.list parts=/etc/apt/sources.list.d SL='' SP=''
	if have apt-config; then
		eval "$(apt-config shell SL Dir::Etc::sourcelist/f SP Dir::Etc::sourceparts/d 2>/dev/null)"
		list=${SL:-$list}
		parts=${SP%/}
		parts=${parts:-/etc/apt/sources.list.d}
	fi
	local files=() file
	[ -f "$list" ] && files+=("$list")
	for file in "$parts"/*.list "$parts"/*.sources; do
		[ -f "$file" ] && files+=("$file")
	done
	[ "${#files[@]}" -gt 0 ] || return 0
	local release='(buster|bullseye|bookworm|trixie|forky|duke|sid|oldoldstable|oldstable|stable|testing|unstable)'
	awk '
		# One-line format: deb [options] URI suite component...
		FILENAME ~ /\.list$/ {
			if ($1 != "deb") next
			i = 2
			if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
			print $i "\t" $(i + 1)
			next
		}
		# deb822 format: paragraphs of "Field: value" lines.
		function flush(   u, s, nu, ns, a, b) {
			if (types ~ /(^| )deb( |$)/ && enabled !~ /^[Nn]o/) {
				nu = split(uris, a, " "); ns = split(suites, b, " ")
				for (u = 1; u <= nu; u++) for (s = 1; s <= ns; s++) print a[u] "\t" b[s]
			}
			types = ""; uris = ""; suites = ""; enabled = ""
		}
		FNR == 1 { flush() }
		/^[ \t]*$/ { flush(); next }
		/^[ \t]*#/ { next }
		tolower($1) == "types:" { $1 = ""; types = $0 " " }
		tolower($1) == "uris:" { $1 = ""; uris = $0 }
		tolower($1) == "suites:" { $1 = ""; suites = $0 }
		tolower($1) == "enabled:" { enabled = $2 }
		END { flush() }
	' "${files[@]}" 2>/dev/null |
		grep -E "^[a-z+]+://[^[:space:]]+	$release(-updates|-backports)?$" |
		sort -t "	" -k2,2 -s | awk -F '\t' '{ sub(/\/+$/, "", $1); print $1; exit }'
}

# apt with a private sources list, lists and cache dirs (one set per suite).
_fetch_wp_core_from_debian() {
	local tmp=$1 mirror=$2 apt="$DM_CACHE/apt-$DM_WP_SUITE" deb dangling
	mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/debs" "$tmp/root"
	echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $DM_WP_SUITE main" >"$apt/sources.list"
	local opts=(
		-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
		-o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache"
		-o "APT::Sandbox::User=$(id -un)" -q
	)
	apt-get "${opts[@]}" update >"$apt/update.log" 2>&1 || {
		cat "$apt/update.log" >&2
		die "apt-get update ($DM_WP_SUITE) failed"
	}
	(cd "$apt/debs" && rm -f ./*.deb && apt-get "${opts[@]}" download "${DM_WP_PACKAGES[@]}") >"$apt/download.log" 2>&1 || {
		cat "$apt/download.log" >&2
		die "apt-get download ($DM_WP_SUITE) failed"
	}
	for deb in "$apt/debs"/*.deb; do
		dpkg-deb -x "$deb" "$tmp/root"
	done
	# The package's symlinks (getid3, PHPMailer, javascript libraries, theme) are relative, so they
	# resolve inside $tmp/root; `cp -rL` turns them into a plain tree. Its .htaccess points to /etc.
	rm -f "$tmp/root/usr/share/wordpress/.htaccess"
	dangling=$(find "$tmp/root/usr/share/wordpress" -xtype l -printf '%P -> %l\n')
	[ -z "$dangling" ] || die "WordPress $DM_WP_VERSION from $DM_WP_SUITE has links to files no downloaded package provides:
$dangling"
	cp -rL "$tmp/root/usr/share/wordpress" "$tmp/wordpress"
	rm -rf "$tmp/root"
}

_fetch_wp_core_from_wordpress_org() {
	local tmp=$1 url="https://wordpress.org/wordpress-$DM_WP_VERSION.zip"
	if have curl; then
		curl -fsSL -o "$tmp/wordpress.zip" "$url"
	elif have wget; then
		wget -q -O "$tmp/wordpress.zip" "$url"
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
