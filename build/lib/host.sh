# Shared by the build/ scripts that start the host: source it (`. "$(dirname "$0")/lib/host.sh"`).

now_us() { local t=${EPOCHREALTIME/./}; echo "$((10#$t))"; }   # microseconds, no fork

port_in_use() { ss -Htan 2>/dev/null | awk '{print $4}' | grep -Eq "[:.]$1\$"; }

# A free loopback port.
free_port() {
  local port i
  for i in $(seq 1 200); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    port_in_use "$port" || { echo "$port"; return 0; }
  done
  echo "no free port found" >&2; return 1
}

# Stops a process and its children (children first: `dotnet run` starts the app as a child). By PID only.
stop_tree() {
  local pid=$1 child i
  for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do stop_tree "$child"; done
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    case "$(ps -o stat= -p "$pid" 2>/dev/null)" in Z*) break ;; esac   # exited, not yet reaped
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# wait_for_200 <url> <pid> <timeout-ms> <log>: polls until the URL answers 200; fails when the process dies or time runs out.
wait_for_200() {
  local url=$1 pid=$2 timeout_ms=$3 log=$4 start code elapsed
  start=$(now_us)
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url" || true)
    [ "$code" = 200 ] && return 0
    elapsed=$(( ($(now_us) - start) / 1000 ))
    if ! kill -0 "$pid" 2>/dev/null || [ "$elapsed" -gt "$timeout_ms" ]; then
      echo "no 200 from $url (last status '$code' after ${elapsed} ms); log:" >&2
      tail -n 30 "$log" >&2
      return 1
    fi
    sleep 0.02
  done
}
