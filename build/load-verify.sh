#!/usr/bin/env bash
# Load on public certificate verification (issue 17): autocannon at 64 connections against /health/live,
# GET /api/public/certificates/{code} and /verify/{code}, one after the other in the same run, on the demo city.
#
#   build/load-verify.sh [seconds] [connections]   seconds per path defaults to 20, connections to 64;
#       KR_LOAD_SKIP_BUILD=1 reuses the build; KR_LOAD_KEEP=1 keeps the temp dir (host logs, database);
#       KR_LOAD_SRC=<folder> measures another checkout of the repository (e.g. a baseline copy of main: build it there);
#       KR_LOAD_DATA=<folder> starts from a copy of an already seeded data folder (e.g. one kept by KR_LOAD_KEEP=1:
#       <temp dir>/data) instead of seeding — the same database for a baseline and a change when the schema is equal;
#       KR_LOAD_START_TIMEOUT_MS (default 900000): seeding the demo city on a busy machine takes minutes
#
# 1. installs autocannon (the version pinned below) from npm into build/.tools (local, ignored by git; no global
#    install) unless it is there already;
# 2. builds the host in Release;
# 3. starts it on a fresh demo city (SQLite in a temp dir, demo mode, a free loopback port) once to create and seed
#    the database, stops it, and starts it again — so the peak RSS measured is that of serving, not of seeding — with
#    the per-address verification limit raised by configuration (Certificates:VerificationsPerMinute; the limit stays
#    30 a minute everywhere else);
# 4. reads 50 valid certificate codes from the database and runs build/load/verify.cjs, which prints req/s, p50/p99,
#    non-2xx answers, the host's RSS (VmRSS, and VmHWM = peak, from /proc/<pid>/status) and each path's ratio to
#    /health/live. The machine's load average is printed before and after: compare ratios, not absolute numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO_ROOT=$PWD
. build/lib/host.sh

SECONDS_PER_PATH=${1:-20}
CONNECTIONS=${2:-64}
AUTOCANNON_VERSION=9.0.0
SRC=$(cd "${KR_LOAD_SRC:-$REPO_ROOT}" && pwd)
HOST_DIR=$SRC/src/KnowledgeRenewal.Host
HOST_DLL=$HOST_DIR/bin/Release/net10.0/KnowledgeRenewal.Host.dll
TOOLS=$REPO_ROOT/build/.tools
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm are required" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is required (to read certificate codes)" >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT=Development   # demo mode (appsettings.Development.json)
unset ASPNETCORE_URLS Database__Provider ConnectionStrings__Platform

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kr-load-verify.XXXXXX")
HOST_PID=""
cleanup() {
  [ -n "$HOST_PID" ] && stop_tree "$HOST_PID"
  if [ "${KR_LOAD_KEEP:-0}" = 1 ]; then echo "logs and database kept in $WORK" >&2; else rm -rf -- "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ ! -f "$TOOLS/node_modules/autocannon/package.json" ] \
  || [ "$(node -p "require('$TOOLS/node_modules/autocannon/package.json').version")" != "$AUTOCANNON_VERSION" ]; then
  echo "installing autocannon@$AUTOCANNON_VERSION into $TOOLS…" >&2
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-save --no-audit --no-fund --loglevel=error "autocannon@$AUTOCANNON_VERSION" >&2
fi

if [ "${KR_LOAD_SKIP_BUILD:-0}" != 1 ]; then
  echo "building the host (Release) in $SRC…" >&2
  dotnet build "$HOST_DIR" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
fi
[ -f "$HOST_DLL" ] || { echo "missing $HOST_DLL (build first)" >&2; exit 1; }

start_host() {
  local log=$1
  shift
  PORT=$(free_port)
  URL=http://127.0.0.1:$PORT
  (cd "$HOST_DIR" && exec dotnet "$HOST_DLL" --urls "$URL" --Database:DataDirectory="$WORK/data" "$@") >"$log" 2>&1 &
  HOST_PID=$!
  wait_for_200 "$URL/" "$HOST_PID" "${KR_LOAD_START_TIMEOUT_MS:-900000}" "$log"
}

if [ -n "${KR_LOAD_DATA:-}" ]; then
  echo "copying the seeded data folder $KR_LOAD_DATA…" >&2
  cp -r "$KR_LOAD_DATA" "$WORK/data"
else
  echo "creating the demo city (first start)…" >&2
  start_host "$WORK/seed.log"
  stop_tree "$HOST_PID"; HOST_PID=""
fi

DB=$(find "$WORK/data" -maxdepth 1 -name '*.db' | head -n 1)
[ -n "$DB" ] || { echo "no SQLite database in $WORK/data" >&2; exit 1; }
sqlite3 "$DB" "SELECT \"VerificationCode\" FROM \"CreditCertificates\" WHERE \"Status\" = 'Valid' ORDER BY random() LIMIT 50" >"$WORK/codes.txt"
[ -s "$WORK/codes.txt" ] || { echo "the demo city has no valid certificate" >&2; exit 1; }
BEFORE=$(sqlite3 "$DB" 'SELECT COUNT(*) FROM "CertificateVerifications"')

echo "starting the host for the load (verification limit raised)…" >&2
start_host "$WORK/host.log" --Certificates:VerificationsPerMinute=100000000
echo "host pid $HOST_PID on $URL; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "source: $SRC ($(git -C "$SRC" rev-parse --short HEAD 2>/dev/null || echo 'not a git checkout'))"
KR_LOAD_TOOLS=$TOOLS node build/load/verify.cjs "$URL" "$SECONDS_PER_PATH" "$CONNECTIONS" "$HOST_PID" "$WORK/codes.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# Graceful stop, then every verification answered must be in the log.
stop_tree "$HOST_PID"; HOST_PID=""
AFTER=$(sqlite3 "$DB" 'SELECT COUNT(*) FROM "CertificateVerifications"')
echo "verification log rows written during the run (warm-up included): $((AFTER - BEFORE))"
