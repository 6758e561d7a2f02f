#!/usr/bin/env bash
# Page times on the demo city, single user: every page each demo account's workbench leads to (two links deep), its
# server time at p50/p95 against the 300 ms budget and the SQL commands per request.
#
#   build/measure-pages.sh [runs] [budget-ms]      runs per page defaults to 20; KR_PAGES_SKIP_BUILD=1 reuses the build;
#                                                  KR_PAGES_ONLY=<regex> measures only the matching addresses;
#                                                  KR_PAGES_KEEP=1 keeps the temp dir (host log, database)
#
# Builds the host in Release, starts it on a fresh demo city (SQLite in a temp dir, demo mode, a free loopback port,
# Platform:ServerTiming=true so each response says its server time and SQL commands) and runs
# build/pages/measure-pages.cs against it. Not a test: it prints numbers and flags pages over the budget.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO_ROOT=$PWD
. build/lib/host.sh

RUNS=${1:-20}
BUDGET_MS=${2:-300}
HOST_DIR=$REPO_ROOT/src/KnowledgeRenewal.Host
HOST_DLL=$HOST_DIR/bin/Release/net10.0/KnowledgeRenewal.Host.dll
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT=Development   # demo mode (appsettings.Development.json)
unset ASPNETCORE_URLS Database__Provider ConnectionStrings__Platform

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kr-pages.XXXXXX")
HOST_PID=""
cleanup() {
  [ -n "$HOST_PID" ] && stop_tree "$HOST_PID"
  if [ "${KR_PAGES_KEEP:-0}" = 1 ]; then echo "log and database kept in $WORK" >&2; else rm -rf -- "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "${KR_PAGES_SKIP_BUILD:-0}" != 1 ]; then
  echo "building the host (Release)…" >&2
  dotnet build "$HOST_DIR" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
fi
[ -f "$HOST_DLL" ] || { echo "missing $HOST_DLL (build first)" >&2; exit 1; }

PORT=$(free_port)
URL=http://127.0.0.1:$PORT
(cd "$HOST_DIR" && exec dotnet "$HOST_DLL" --urls "$URL" --Database:DataDirectory="$WORK/data" \
  --Platform:ServerTiming=true --Security:SignInPerIpPerMinute=1000) >"$WORK/host.log" 2>&1 &
HOST_PID=$!
echo "starting the host on $URL (demo city, Release)…" >&2
wait_for_200 "$URL/" "$HOST_PID" 180000 "$WORK/host.log"

dotnet run --file build/pages/measure-pages.cs -- "$URL" "$RUNS" "$BUDGET_MS"
