#!/usr/bin/env bash
# npm run docs: regenerate the README's API section from the routes a real WordPress registers.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$DM_LIB/deps.sh"
source "$DM_LIB/wordpress.sh"
source "$DM_LIB/mariadb.sh"
source "$DM_LIB/site.sh"
cd "$DM_ROOT"
ensure_system_packages php || die "missing system packages (see above)"
ensure_node_modules
site_create docs sqlite "http://localhost"
site_activate_plugin
php bin/api-docs.php --path="$DM_SITE_WP" "$@"
