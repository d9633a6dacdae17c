#!/usr/bin/env bash
# npm run lint:php: every PHP file parses (php -l), and the layering rules hold:
# $wpdb only inside repositories (a Repository/ folder under includes/), no unserialize() that could instantiate objects, no
# str_replace/preg_replace over the result of prepare(), no REST parameter or answer declared in a controller
# (a feature's schemas are its Schema/*Schema.php: one place, which the contract is generated from), and every
# file starts with its guard
# (bin/lib/php/check-guards.php: `defined( 'ABSPATH' ) || exit;` in what WordPress loads,
# `PHP_SAPI === 'cli' || exit;` in bin/ and tests/).
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
files=$(git ls-files --cached --others --exclude-standard -- '*.php' | grep -v '^vendor/')
for file in $files; do
	[ -f "$file" ] || continue
	if ! out=$(php -l "$file" 2>&1); then
		echo "$out"
		status=1
	fi
done

if leaks=$(grep -rln '\$wpdb' includes plugin.php uninstall.php | grep -vE '^includes/(.+/)?Repository/'); then
	echo "\$wpdb used outside a Repository/ folder of includes/ (only repositories may touch the database):"
	echo "$leaks"
	status=1
fi
if unsafe=$(grep -rnE 'unserialize\(' includes | grep -v "allowed_classes' => false" | grep -v '^\s*//'); then
	echo "unserialize() without allowed_classes => false:"
	echo "$unsafe"
	status=1
fi

if spliced=$(grep -rnE '(str_replace|str_ireplace|preg_replace|strtr|substr_replace)\(.*prepare\(' includes); then
	echo "prepared SQL edited after prepare() (compose prepared fragments instead):"
	echo "$spliced"
	status=1
fi
if inline=$(grep -rnE "'(description|required)'[[:space:]]*=>" --include='*Controller.php' includes); then
	echo "REST parameters or answers declared in a controller (they belong in its feature's Schema/ class):"
	echo "$inline"
	status=1
fi
# shellcheck disable=SC2086 # one file name per word
if ! unguarded=$(php bin/lib/php/check-guards.php $(printf '%s\n' $files | grep -E '^(includes/|bin/|tests/|plugin\.php$|uninstall\.php$)')); then
	echo "PHP files without their guard (they must refuse to run when requested directly):"
	echo "$unguarded"
	status=1
fi

count=$(echo "$files" | wc -w)
[ "$status" = 0 ] && echo "PHP lint: $count files parse and start with their guard; \$wpdb stays in repositories; no unsafe unserialize(); nothing spliced into prepared SQL; REST schemas stay in Schema/ classes."
exit "$status"
