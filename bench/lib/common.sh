# Shell helpers shared by the benchmark scripts (bench/*/run.sh). Source it after `set -euo pipefail`
# and after setting $out (the run's results directory, with a logs/ folder).

# Every process a script starts, stopped on exit whatever happens.
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  pids=()
}
trap cleanup EXIT

# require_tools TOOL...: stops with a hint when a tool is missing.
require_tools() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$(basename "$0") needs '$tool' (h2load: apt-get install nghttp2-client; nginx: apt-get install nginx)" >&2; exit 1; }
  done
}

# start NAME CPULIST COMMAND...: starts a process in the background (pinned when CPULIST is not empty),
# logging to logs/NAME.out, and leaves its pid in $started.
start() {
  local name="$1" cpus="$2"
  shift 2
  if [ -n "$cpus" ]; then
    taskset -c "$cpus" "$@" >"$out/logs/$name.out" 2>&1 &
  else
    "$@" >"$out/logs/$name.out" 2>&1 &
  fi
  started=$!
  pids+=("$started")
}

stop() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

# Jiffies (user + system) of one process, or of several summed; and of one core (busy = all but idle and iowait).
proc_jiffies() {
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
  done
  echo "$total"
}
core_busy_jiffies() { awk -v cpu="cpu$1" '$1 == cpu { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }

# wait_for_quiet SECONDS: on a machine shared with builds and tests, waits up to SECONDS for the
# 1-minute load average to drop below 1 (the results report the load either way).
wait_for_quiet() {
  [ "$1" -gt 0 ] || return 0
  echo "== waiting up to ${1}s for a quiet machine (load average now $(cut -d' ' -f1 /proc/loadavg))"
  local waited=0
  while [ "$waited" -lt "$1" ] && ! awk '{ exit !($1 < 1) }' /proc/loadavg; do
    sleep 10
    waited=$((waited + 10))
  done
}

# h2load_failed LOG: true (and prints the log) when h2load counted any failed, errored or timed-out request.
h2load_failed() {
  if grep -q ' 0 failed, 0 errored, 0 timeout' "$1"; then
    return 1
  fi
  echo "h2load reported failures ($1):" >&2
  cat "$1" >&2
  return 0
}

# Load profiles: h2load clients (-c) and concurrent streams per client (-m), and seconds per run.
#   saturate: 16 connections x 16 streams = 256 calls in flight (throughput; the targets);
#   light:    1 connection x 1 stream, one call at a time (latency without queueing).
profile_args() {
  case "$1" in
    saturate) echo "-c 16 -m 16" ;;
    light) echo "-c 1 -m 1" ;;
    *) echo "unknown profile $1" >&2; exit 2 ;;
  esac
}
profile_duration() {
  if [ "$1" = light ]; then echo "$LIGHT_DURATION"; else echo "$DURATION"; fi
}

# h2load_grpc PORT H2LOAD-ARGS...: posts the gRPC request in $out/request.bin to $RPC_PATH on PORT, from
# one h2load thread (pinned to $LOAD_CPU when it is set).
h2load_grpc() {
  local port="$1"
  shift
  ${LOAD_CPU:+taskset -c "$LOAD_CPU"} h2load -t 1 "$@" -d "$out/request.bin" \
    -H 'content-type: application/grpc' -H 'te: trailers' \
    "http://127.0.0.1:$port$RPC_PATH"
}

# From an h2load output: requests per second, and requests done.
h2load_rps() { awk '/^finished in/ { gsub(",", "", $4); print $4 }' "$1"; }
h2load_requests() { awk '/^requests:/ { print $8 }' "$1"; }
