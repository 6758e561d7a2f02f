#!/usr/bin/env bash
# CI stage "generated TypeScript client" (ADR 0032), called by .ci/run after the SQLite tests; runs alone as well:
#
#   build/ts-client/ci.sh            needs the Release build of the host (dotnet build src/KnowledgeRenewal.Host -c Release)
#
# Starts the built Release host in demo mode (ASPNETCORE_ENVIRONMENT=Development: the demo city is seeded) on a
# throwaway SQLite data directory and a free loopback port, waits for GET /health/ready to answer 200, runs
# build/ts-client/run.sh against it (npm ci, $metadata → odata2ts → tsc → the integrator's program), stops the host by
# its PID and removes the directory. Exit status 0 only when every step held; the host's log tail is printed on failure.
# KR_TSCLIENT_START_TIMEOUT_MS (default 600000: seeding the demo city on a busy machine takes minutes).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO_ROOT=$PWD
. build/lib/host.sh

HOST_DIR=$REPO_ROOT/src/KnowledgeRenewal.Host
HOST_DLL=$HOST_DIR/bin/Release/net10.0/KnowledgeRenewal.Host.dll
[ -f "$HOST_DLL" ] || { echo "missing $HOST_DLL (build the host in Release first)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT=Development   # demo mode: the demo city and its accounts
unset ASPNETCORE_URLS Database__Provider ConnectionStrings__Platform

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kr-ts-client.XXXXXX")
HOST_PID=""
cleanup() {
  [ -z "$HOST_PID" ] || stop_tree "$HOST_PID"
  rm -rf -- "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT=$(free_port)
URL=http://127.0.0.1:$PORT
echo "== host: $URL, SQLite in $WORK/data (demo city)"
started=$SECONDS
(cd "$HOST_DIR" && exec dotnet "$HOST_DLL" --urls "$URL" --Database:DataDirectory="$WORK/data") >"$WORK/host.log" 2>&1 &
HOST_PID=$!
wait_for_200 "$URL/health/ready" "$HOST_PID" "${KR_TSCLIENT_START_TIMEOUT_MS:-600000}" "$WORK/host.log"
echo "   ready after $((SECONDS - started)) s"

if ! build/ts-client/run.sh "$URL"; then
  echo "== host log (last 40 lines)" >&2
  tail -n 40 "$WORK/host.log" >&2
  exit 1
fi
