#!/usr/bin/env bash
# Measures "process start -> first HTTP 200 of GET /" for the embedded default (SQLite file, demo mode).
#
#   build/measure-startup.sh [runs]        runs defaults to 5 (KR_STARTUP_RUNS); KR_STARTUP_SKIP_BUILD=1 reuses the build;
#                                          KR_STARTUP_KEEP=1 keeps the temp dir (host logs, database)
#
# 1. builds the host in Release once;
# 2. starts the built host (`dotnet …/KnowledgeRenewal.Host.dll`, content root = the project folder so appsettings
#    load, ASPNETCORE_ENVIRONMENT=Development = demo mode, a free loopback port, Database:DataDirectory = a temp dir)
#    <runs> times: run 1 is cold (creates, migrates and seeds the database), the others warm (database exists);
# 3. the same warm measurement through `dotnet run --no-build -c Release --project src/KnowledgeRenewal.Host` (the
#    README's first command), which adds the `dotnet run` overhead (project evaluation, launch profile).
# Each run: poll GET / every ~20 ms with curl until 200, then stop the process by its PID (never by name).
# Prints every run (wall and the host's CPU time until the first 200), the warm medians and a line per median against
# the 3000 ms budget.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO_ROOT=$PWD
. build/lib/host.sh

RUNS=${1:-${KR_STARTUP_RUNS:-5}}
BUDGET_MS=3000
TIMEOUT_MS=120000
HOST_DIR=$REPO_ROOT/src/KnowledgeRenewal.Host
HOST_DLL=$HOST_DIR/bin/Release/net10.0/KnowledgeRenewal.Host.dll

[[ "$RUNS" =~ ^[0-9]+$ ]] && [ "$RUNS" -ge 2 ] || { echo "runs must be a number >= 2" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT=Development   # demo mode (appsettings.Development.json)
unset ASPNETCORE_URLS Database__Provider ConnectionStrings__Platform

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kr-startup.XXXXXX")
DATA_DIR=$WORK/data
CURRENT_PID=""

cleanup() {
  [ -n "$CURRENT_PID" ] && stop_tree "$CURRENT_PID"
  if [ "${KR_STARTUP_KEEP:-0}" = 1 ]; then echo "logs and database kept in $WORK" >&2; else rm -rf -- "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# tree_cpu_ms <pid>: CPU time (user + system) the process and its children have used so far, in milliseconds — a
# figure a busy machine disturbs far less than the wall clock.
tree_cpu_ms() {
  local pid=$1 ticks=0 p t
  for p in "$pid" $(ps -o pid= --ppid "$pid" 2>/dev/null); do
    t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)
    ticks=$((ticks + t))
  done
  echo $((ticks * 1000 / $(getconf CLK_TCK)))
}

# measure <label> <log file> <command…>: prints the milliseconds to the first 200 of GET / and the CPU milliseconds the
# host used until then (on stdout, "wall cpu").
measure() {
  local label=$1 log=$2
  shift 2
  local port start elapsed code cpu
  port=$(free_port)
  start=$(now_us)
  "$@" --urls "http://127.0.0.1:$port" --Database:DataDirectory="$DATA_DIR" >"$log" 2>&1 &
  CURRENT_PID=$!
  if ! wait_for_200 "http://127.0.0.1:$port/" "$CURRENT_PID" "$TIMEOUT_MS" "$log"; then
    echo "$label failed" >&2
    stop_tree "$CURRENT_PID"; CURRENT_PID=""
    return 1
  fi
  elapsed=$(( ($(now_us) - start) / 1000 ))
  cpu=$(tree_cpu_ms "$CURRENT_PID")
  stop_tree "$CURRENT_PID"; CURRENT_PID=""
  echo "$elapsed $cpu"
}

# The built host, content root = project folder (cwd) so appsettings*.json and wwwroot are found.
direct_host() { (cd "$HOST_DIR" && exec dotnet "$HOST_DLL" "$@"); }
# The README's command (Release, no build): project evaluation + launch profile + the app as a child process.
dotnet_run_host() { dotnet run --no-build -c Release --project "$REPO_ROOT/src/KnowledgeRenewal.Host" -- "$@"; }

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) exit 1; if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

budget_line() {
  local what=$1 ms=$2
  if [ "$ms" -le "$BUDGET_MS" ]; then
    echo "$what: ${ms} ms — within the ${BUDGET_MS} ms budget ($((BUDGET_MS - ms)) ms to spare)"
  else
    echo "$what: ${ms} ms — OVER the ${BUDGET_MS} ms budget by $((ms - BUDGET_MS)) ms"
  fi
}

if [ "${KR_STARTUP_SKIP_BUILD:-0}" != 1 ]; then
  echo "building the host (Release)…" >&2
  dotnet build "$HOST_DIR" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
fi
[ -f "$HOST_DLL" ] || { echo "missing $HOST_DLL (build first)" >&2; exit 1; }

echo "startup to first 200 of GET /  (SQLite file in $DATA_DIR, demo mode, $(nproc) cores)"
direct_warm=()
direct_cpu=()
for i in $(seq 1 "$RUNS"); do
  kind=warm; [ "$i" -eq 1 ] && kind=cold
  read -r ms cpu < <(measure "direct run $i" "$WORK/direct-$i.log" direct_host); [ -n "${ms:-}" ] || exit 1
  printf '  dotnet Host.dll  run %d (%s): %6d ms  (CPU %6d ms)\n' "$i" "$kind" "$ms" "$cpu"
  [ "$kind" = warm ] && direct_warm+=("$ms") && direct_cpu+=("$cpu")
  [ "$i" -eq 1 ] && cold_ms=$ms
done

run_warm=()
for i in $(seq 1 $((RUNS - 1))); do
  read -r ms cpu < <(measure "dotnet run $i" "$WORK/run-$i.log" dotnet_run_host); [ -n "${ms:-}" ] || exit 1
  printf '  dotnet run       run %d (warm): %6d ms  (CPU %6d ms)\n' "$i" "$ms" "$cpu"
  run_warm+=("$ms")
done

direct_median=$(printf '%s\n' "${direct_warm[@]}" | median)
run_median=$(printf '%s\n' "${run_warm[@]}" | median)
echo "cold (dotnet Host.dll, creates/migrates/seeds): ${cold_ms} ms"
echo "warm median, dotnet Host.dll: ${direct_median} ms (${#direct_warm[@]} runs), CPU $(printf '%s\n' "${direct_cpu[@]}" | median) ms — compare CPU between builds when the machine is busy"
echo "warm median, dotnet run --no-build: ${run_median} ms (${#run_warm[@]} runs; dotnet run overhead ≈ $((run_median - direct_median)) ms)"
budget_line "budget check, cold dotnet Host.dll" "$cold_ms"
budget_line "budget check, warm dotnet Host.dll" "$direct_median"
budget_line "budget check, warm dotnet run" "$run_median"
