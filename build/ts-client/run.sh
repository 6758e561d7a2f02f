#!/usr/bin/env bash
# Generates a TypeScript client from a running host's live $metadata with odata2ts, compiles it with the integrator
# program (src/sync.ts, strict) and runs the program against the host (ADR 0032):
#
#   build/ts-client/run.sh <base-url>        e.g. build/ts-client/run.sh http://localhost:5080  (a demo-mode host)
#
# The program registers an integrator client as the demo security administrator (or uses KR_CLIENT_ID and
# KR_CLIENT_SECRET), pages CreditRecords and Professionals to the end, makes writes as the demo county administrator and
# checks that a delta round brings its copy of CreditRecords back to what the database holds. It WRITES to the host:
# run it against a demo city only. KR_TSCLIENT_PAGE_SIZE (default 50) is the Prefer: odata.maxpagesize used.
# Installs the pinned packages (npm ci) unless node_modules matches package-lock.json already. Exit status: the
# program's (0 only when every check held).
set -euo pipefail
cd "$(dirname "$0")"
BASE=${1:?usage: build/ts-client/run.sh <base-url>}
BASE=${BASE%/}
command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm are required" >&2; exit 1; }

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci (versions pinned by package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "== \$metadata from $BASE/odata/\$metadata"
rm -rf metadata generated dist
mkdir -p metadata
curl -sSf --max-time 60 -o metadata/platform.xml "$BASE/odata/\$metadata"
echo "   $(wc -c <metadata/platform.xml) bytes, $(grep -o '<EntitySet ' metadata/platform.xml | wc -l) entity sets"

echo "== odata2ts (service generation)"
npx --no-install odata2ts

echo "== tsc (strict)"
npx --no-install tsc -p tsconfig.json

echo "== the integrator's program"
node dist/src/sync.js "$BASE"
