#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests and CI (no system service, nothing outside a temp dir).
#
#   build/postgres.sh start   initdb + start on 127.0.0.1:<free port>; prints `export KR_TEST_POSTGRES='…'`
#   build/postgres.sh env     prints the export line of the running cluster again
#   build/postgres.sh stop    stops it by its postmaster PID, waits for exit, removes the temp dir (idempotent)
#   build/postgres.sh status  says whether it runs
#
# Typical use:   eval "$(build/postgres.sh start)"; export KR_TEST_PROVIDER=PostgreSql; …; build/postgres.sh stop
#
# The cluster is for throwaway data only: fsync, synchronous_commit and full_page_writes are off, auth is trust,
# superuser `postgres`, socket in the temp dir. initdb/pg_ctl refuse to run as root, so as root they run as the
# `postgres` user (runuser) and the temp dir is owned by it.
#
# Environment:
#   KR_PG_STATE  state file (default ${TMPDIR:-/tmp}/kr-pg/state): DATA_DIR, BASE_DIR, PORT, PID, one per line
#   KR_PG_BIN    PostgreSQL binaries (default /usr/lib/postgresql/15/bin)
#   KR_PG_PORT   a fixed port instead of a free one
#   KR_PG_USER   the OS user that runs the cluster when invoked as root (default postgres)
# Diagnostics go to stderr; stdout carries only the export line, so `eval "$(… start)"` works.
set -euo pipefail

PG_BIN=${KR_PG_BIN:-/usr/lib/postgresql/15/bin}
STATE_FILE=${KR_PG_STATE:-${TMPDIR:-/tmp}/kr-pg/state}
RUN_USER=${KR_PG_USER:-postgres}

log() { echo "postgres.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

# Runs a command as the cluster's OS user (root cannot run initdb/pg_ctl/postgres).
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$RUN_USER" -- "$@"
  else
    "$@"
  fi
}

# True if something listens on (or is bound to) 127.0.0.1:$1 or any address on port $1.
port_in_use() {
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    ss -Htan 2>/dev/null | awk '{print $4}' | grep -Eq "[:.]${port}\$"
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

# A TCP port nobody uses: random in 20000-59999, checked with ss.
free_port() {
  local port attempt
  for attempt in $(seq 1 200); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if ! port_in_use "$port"; then
      echo "$port"
      return 0
    fi
  done
  die "found no free TCP port after 200 attempts"
}

# Loads DATA_DIR, BASE_DIR, PORT, PID from the state file (returns 1 if there is none).
read_state() {
  [ -f "$STATE_FILE" ] || return 1
  DATA_DIR=$(sed -n 's/^DATA_DIR=//p' "$STATE_FILE")
  BASE_DIR=$(sed -n 's/^BASE_DIR=//p' "$STATE_FILE")
  PORT=$(sed -n 's/^PORT=//p' "$STATE_FILE")
  PID=$(sed -n 's/^PID=//p' "$STATE_FILE")
}

# True if process $1 exists and is not a zombie (the container's init may reap exited daemons late).
alive() {
  local pid=$1 state
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  state=$(ps -o stat= -p "$pid" 2>/dev/null || true)
  case "$state" in Z*|"") return 1 ;; esac
}

# True if $1 is a live postgres process.
is_postgres_pid() {
  local pid=$1
  alive "$pid" || return 1
  # A recycled PID would belong to another program: check the executable name.
  [ "$(cat "/proc/$pid/comm" 2>/dev/null || ps -o comm= -p "$pid" 2>/dev/null)" = "postgres" ]
}

connection_string() { echo "Host=127.0.0.1;Port=$1;Username=postgres;Database=postgres"; }
print_env() { echo "export KR_TEST_POSTGRES='$(connection_string "$1")'"; }

cmd_start() {
  [ -x "$PG_BIN/initdb" ] || die "no PostgreSQL binaries in $PG_BIN (set KR_PG_BIN)"
  if read_state && is_postgres_pid "${PID:-}"; then
    die "a cluster from $STATE_FILE is already running (pid $PID, port $PORT); run '$0 stop' first"
  fi
  if [ -f "$STATE_FILE" ]; then
    log "cleaning up after a previous cluster ($STATE_FILE)"
    cmd_stop
  fi
  if [ "$(id -u)" -eq 0 ]; then
    id "$RUN_USER" >/dev/null 2>&1 || die "running as root but OS user '$RUN_USER' does not exist (set KR_PG_USER)"
  fi

  local tmp_root=${TMPDIR:-/tmp}
  # The socket path <tmp>/kr-pg.XXXXXX/sock/.s.PGSQL.<port> must fit the 107-byte unix socket limit.
  [ $(( ${#tmp_root} + 36 )) -le 107 ] || die "TMPDIR '$tmp_root' is too long for a unix socket path; use a shorter TMPDIR"
  mkdir -p "$(dirname "$STATE_FILE")"
  BASE_DIR=$(mktemp -d "$tmp_root/kr-pg.XXXXXX")
  DATA_DIR=$BASE_DIR/data
  local sock_dir=$BASE_DIR/sock log_file=$BASE_DIR/postgres.log
  mkdir -p "$sock_dir"
  chmod 755 "$BASE_DIR"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R "$RUN_USER": "$BASE_DIR"
  fi

  PORT=${KR_PG_PORT:-$(free_port)}
  port_in_use "$PORT" && die "port $PORT is in use"

  # Record the directory before anything can fail, so `stop` can clean up a half-started cluster.
  write_state ""

  log "initdb in $DATA_DIR"
  if ! as_pg "$PG_BIN/initdb" -D "$DATA_DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$BASE_DIR/initdb.log" 2>&1; then
    cat "$BASE_DIR/initdb.log" >&2
    die "initdb failed"
  fi

  log "starting on 127.0.0.1:$PORT"
  if ! as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -l "$log_file" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $sock_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=128MB" \
      >/dev/null; then
    cat "$log_file" >&2 2>/dev/null || true
    die "pg_ctl start failed (log above)"
  fi

  # pg_ctl -w already waited; check readiness explicitly anyway (TCP, like the tests connect).
  local i
  for i in $(seq 1 100); do
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U postgres; then break; fi
    [ "$i" -eq 100 ] && { cat "$log_file" >&2; die "server did not become ready"; }
    sleep 0.1
  done

  PID=$(head -n 1 "$DATA_DIR/postmaster.pid")
  is_postgres_pid "$PID" || die "postmaster pid $PID from $DATA_DIR/postmaster.pid is not running"
  write_state "$PID"
  log "ready (postmaster pid $PID, state $STATE_FILE)"
  print_env "$PORT"
}

write_state() {
  printf 'DATA_DIR=%s\nBASE_DIR=%s\nPORT=%s\nPID=%s\n' "$DATA_DIR" "$BASE_DIR" "$PORT" "$1" >"$STATE_FILE"
}

# Removes the cluster's temp dir (only one that looks like ours).
cleanup_dirs() {
  local base=${BASE_DIR:-}
  case "$base" in
    */kr-pg.*) rm -rf -- "$base" ;;
    "") ;;
    *) log "not removing unexpected directory '$base'" ;;
  esac
}

cmd_stop() {
  if ! read_state; then
    log "no state file $STATE_FILE: nothing to stop"
    return 0
  fi
  # Prefer the live postmaster.pid; fall back to the PID recorded at start.
  local pid=${PID:-}
  if [ -n "$DATA_DIR" ] && [ -f "$DATA_DIR/postmaster.pid" ]; then
    pid=$(head -n 1 "$DATA_DIR/postmaster.pid")
  fi
  if is_postgres_pid "$pid"; then
    log "stopping postmaster pid $pid"
    kill -INT "$pid" 2>/dev/null || true   # SIGINT = "fast" shutdown: disconnect clients, stop cleanly
    local i
    for i in $(seq 1 150); do             # up to 15 s, then SIGQUIT (immediate), then SIGKILL
      alive "$pid" || break
      [ "$i" -eq 100 ] && { log "still running, sending SIGQUIT"; kill -QUIT "$pid" 2>/dev/null || true; }
      sleep 0.1
    done
    if alive "$pid"; then
      log "still running, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
    fi
    alive "$pid" && die "postmaster pid $pid did not exit"
    # It has exited; give the container's init a moment to reap it so `ps` no longer lists it (cosmetic).
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    log "stopped"
  else
    log "postmaster ${pid:-?} is not running"
  fi
  cleanup_dirs
  rm -f "$STATE_FILE"
  rmdir "$(dirname "$STATE_FILE")" 2>/dev/null || true
}

cmd_env() {
  read_state || die "no cluster running (no state file $STATE_FILE)"
  is_postgres_pid "${PID:-}" || die "the cluster in $STATE_FILE is not running"
  print_env "$PORT"
}

cmd_status() {
  if read_state && is_postgres_pid "${PID:-}"; then
    log "running: pid $PID, port $PORT, data $DATA_DIR"
  else
    log "not running"
    return 1
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
  status) cmd_status ;;
  *) echo "usage: $0 start|stop|env|status" >&2; exit 2 ;;
esac
