#!/usr/bin/env bash
# Copies the pinned front-end libraries (package.json) into the host's wwwroot/lib, with their licences.
# The platform serves these files itself: no CDN, nothing fetched at run time (closed government networks).
#   build/web/vendor.sh        install the pinned versions from npm and copy them; commit the result
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
lib=$here/../../src/KnowledgeRenewal.Host/wwwroot/lib
cd "$here"
npm install --no-audit --no-fund --ignore-scripts --package-lock=true >/dev/null
copy() { # <package> <file in package> <target dir>
  mkdir -p "$lib/$3"
  cp "node_modules/$1/$2" "$lib/$3/"
}
copy htmx.org dist/htmx.min.js htmx
cp node_modules/htmx.org/LICENSE "$lib/htmx/LICENSE"
copy echarts dist/echarts.min.js echarts
cp node_modules/echarts/LICENSE "$lib/echarts/LICENSE"
cp node_modules/echarts/NOTICE "$lib/echarts/NOTICE"
version() { node -p "require('./node_modules/$1/package.json').version"; }
{
  echo "Vendored front-end libraries (build/web/vendor.sh; versions pinned in build/web/package.json):"
  echo "- htmx $(version htmx.org) — 0BSD — htmx/"
  echo "- Apache ECharts $(version echarts) — Apache-2.0 (LICENSE, NOTICE) — echarts/"
} > "$lib/README.txt"
echo "vendored into ${lib#"$here/../../"}:"; cat "$lib/README.txt"
