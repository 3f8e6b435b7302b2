#!/usr/bin/env bash
# RPC benchmark: one small unary call (civic.bench.v1.BenchService/Echo) against
#   (a) raw Kestrel h2c, (b) Grpc.AspNetCore as Civic's services set it up, (b0) Grpc.AspNetCore with its
#   template defaults, (c) @grpc/grpc-js,
# loaded by h2load posting gRPC frames; plus the idle resident memory of Civic services.
# Builds in Release, starts and stops every server itself, prints the results table and writes
# it (with the raw per-run numbers and h2load logs) to bench/rpc/results/.
#
# Settings (environment):
#   RUNS=5          measured runs per server and load profile (medians are reported)
#   DURATION=10     seconds per run of the saturate profile (h2load -D), LIGHT_DURATION=5 for light;
#                   the servers are warm by then (WARMUP), so the counters read around a run cover
#                   exactly the requests h2load counts
#   WARMUP=60       seconds of untimed load per server before its first run: .NET needs 30 s or more
#                   of load on one core before tiered JIT (with PGO) has its hot code at tier 1
#   SERVER_CPU=1    core the servers are pinned to; LOAD_CPU=0 core h2load is pinned to
#   PROFILES="saturate light"   which load profiles to run (see below)
#   QUIET_WAIT=0    seconds to wait, before measuring, for the 1-minute load average to drop below 1
#                   (on a machine shared with builds and tests; the table reports the load either way)
#   HOTLINE_STARTS=1  how many times services/Hotline is started for its idle memory (one row each, so the spread
#                   between starts shows)
#   MEMORY_ONLY=0   1: measure idle memory only (no load, a minute or two), print it and stop
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"

RUNS="${RUNS:-5}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-60}"
LIGHT_DURATION="${LIGHT_DURATION:-5}"
SERVER_CPU="${SERVER_CPU:-1}"
LOAD_CPU="${LOAD_CPU:-0}"
PROFILES="${PROFILES:-saturate light}"
QUIET_WAIT="${QUIET_WAIT:-0}"
HOTLINE_STARTS="${HOTLINE_STARTS:-1}"
MEMORY_ONLY="${MEMORY_ONLY:-0}"
PORT_RAW=50151
PORT_CIVIC=50152
PORT_GRPCJS=50153
PORT_IDLE=50154
PORT_HOTLINE=50155
PORT_DEFAULTS=50156
RPC_PATH=/civic.bench.v1.BenchService/Echo

[ -d "$repo/node_modules/@grpc/grpc-js" ] || { echo "run.sh needs node_modules (npm ci at the repository root)" >&2; exit 1; }

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$here/results/$stamp"
mkdir -p "$out/logs"
# shellcheck source=../lib/common.sh
. "$here/../lib/common.sh"
require_tools h2load node taskset python3 dotnet flock

echo "== building (Release)"
for project in bench/rpc/RawKestrel bench/rpc/CivicServer; do
  flock /tmp/civic-build.lock dotnet build "$project" -c Release -nologo -v quiet >"$out/logs/build.log" 2>&1 \
    || { cat "$out/logs/build.log"; exit 1; }
done
raw_bin="$here/RawKestrel/bin/Release/net10.0/Civic.Bench.Rpc.RawKestrel"
civic_bin="$here/CivicServer/bin/Release/net10.0/Civic.Bench.Rpc.CivicServer"
hotline_project=""
if compgen -G "services/Hotline/*.csproj" >/dev/null; then
  hotline_project="$(compgen -G "services/Hotline/*.csproj" | head -1)"
  if ! flock /tmp/civic-build.lock dotnet build "$hotline_project" -c Release -nologo -v quiet >"$out/logs/build-hotline.log" 2>&1; then
    echo "   services/Hotline does not build; its idle memory is not measured (see logs/build-hotline.log)"
    hotline_project=""
  fi
fi

node "$here/node/check.js" request "$out/request.bin" >/dev/null

wait_for_quiet "$QUIET_WAIT"

load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "== idle memory (unpinned, as a service runs; VmRSS 5 s after it accepts calls)"
printf 'what\tvmrss_kb\n' >"$out/memory.tsv"
start civic-idle "" "$civic_bin" --port "$PORT_IDLE"
idle_pid=$started
node "$here/node/check.js" call "$PORT_IDLE" >/dev/null
sleep 5
printf 'bench Grpc.AspNetCore server (Civic.Bench.Rpc.CivicServer)\t%s\n' "$(rss_kb "$idle_pid")" >>"$out/memory.tsv"
stop "$idle_pid"
if [ -n "$hotline_project" ]; then
  hotline_dir="$repo/$(dirname "$hotline_project")"
  hotline_name="$(basename "$hotline_project" .csproj)"
  # The service's own production defaults (one machine: SQLite, in-memory jobs), with its content root
  # for appsettings.json but a scratch working directory, so its SQLite file lands under results/.
  for run in $(seq 1 "$HOTLINE_STARTS"); do
    rm -rf "$out/hotline-work"
    mkdir -p "$out/hotline-work"
    (cd "$out/hotline-work" && ASPNETCORE_ENVIRONMENT=Production exec "$hotline_dir/bin/Release/net10.0/$hotline_name" \
      --contentRoot "$hotline_dir" --Civic:Grpc:Port "$PORT_HOTLINE") >"$out/logs/hotline-$run.out" 2>&1 &
    hotline_pid=$!
    pids+=("$hotline_pid")
    for _ in $(seq 1 120); do
      (exec 3<>"/dev/tcp/127.0.0.1/$PORT_HOTLINE") 2>/dev/null && break
      kill -0 "$hotline_pid" 2>/dev/null || break
      sleep 0.5
    done
    sleep 5
    if kill -0 "$hotline_pid" 2>/dev/null; then
      label="services/Hotline ($hotline_name)"
      [ "$HOTLINE_STARTS" -gt 1 ] && label="$label, start $run"
      printf '%s\t%s\n' "$label" "$(rss_kb "$hotline_pid")" >>"$out/memory.tsv"
    else
      echo "   services/Hotline exited at start-up; see logs/hotline-$run.out"
    fi
    stop "$hotline_pid"
  done
fi

if [ "$MEMORY_ONLY" = 1 ]; then
  echo "load average at the start: $load_at_start; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  cat "$out/memory.tsv"
  exit 0
fi

echo "== starting servers pinned to core $SERVER_CPU"
start raw "$SERVER_CPU" "$raw_bin" --port "$PORT_RAW"
raw_pid=$started
start civic "$SERVER_CPU" "$civic_bin" --port "$PORT_CIVIC"
civic_pid=$started
start defaults "$SERVER_CPU" "$civic_bin" --port "$PORT_DEFAULTS" --mode defaults
defaults_pid=$started
start grpcjs "$SERVER_CPU" node "$here/node/server.js" "$PORT_GRPCJS"
grpcjs_pid=$started
for port in "$PORT_RAW" "$PORT_CIVIC" "$PORT_DEFAULTS" "$PORT_GRPCJS"; do
  node "$here/node/check.js" call "$port" >/dev/null
done

declare -A server_pid=([raw]=$raw_pid [civic]=$civic_pid [defaults]=$defaults_pid [grpcjs]=$grpcjs_pid)
# The .NET servers answer on port + 1000 with "allocated_bytes gen0 gen1 gen2 cpu_ms" (BenchStatsListener).
declare -A stats_port=([raw]=$((PORT_RAW + 1000)) [civic]=$((PORT_CIVIC + 1000)) [defaults]=$((PORT_DEFAULTS + 1000)))
dotnet_stats() {
  local port="${stats_port[$1]:-}"
  if [ -z "$port" ]; then
    echo "- - - - -"
    return
  fi
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  cat <&3
  exec 3<&-
}
declare -A server_port=([raw]=$PORT_RAW [civic]=$PORT_CIVIC [defaults]=$PORT_DEFAULTS [grpcjs]=$PORT_GRPCJS)
servers=(raw civic defaults grpcjs)


echo "== warm-up: ${WARMUP}s of load per server (not measured)"
for server in "${servers[@]}"; do
  # shellcheck disable=SC2046 # word splitting of the profile's arguments is intended
  h2load_grpc "${server_port[$server]}" $(profile_args saturate) -D "$WARMUP" >"$out/logs/warmup-$server.txt" 2>&1
done

printf 'profile\tload\tserver\trun\trps\tp50_us\tp99_us\trequests\tserver_cpu_pct\tother_core_pct\tcpu_us_per_call\tbytes_per_call\tgen0_per_s\n' >"$out/runs.tsv"
hz="$(getconf CLK_TCK)"
for profile in $PROFILES; do
  duration="$(profile_duration "$profile")"
  load="h2load -t 1 $(profile_args "$profile"), ${duration}s per run"
  for run in $(seq 1 "$RUNS"); do
    # Rounds (a, b, c, a, b, c, ...) so that noise from anything else on the machine spreads over all servers.
    for server in "${servers[@]}"; do
      pid="${server_pid[$server]}"
      log="$out/logs/$profile-$server-$run"
      read -r alloc_before gen0_before _ <<<"$(dotnet_stats "$server")"
      proc_before=$(proc_jiffies "$pid")
      core_before=$(core_busy_jiffies "$SERVER_CPU")
      start_ns=$(date +%s%N)
      # shellcheck disable=SC2046
      h2load_grpc "${server_port[$server]}" $(profile_args "$profile") -D "$duration" \
        --log-file "$log.tsv" >"$log.txt" 2>&1
      end_ns=$(date +%s%N)
      proc_after=$(proc_jiffies "$pid")
      core_after=$(core_busy_jiffies "$SERVER_CPU")
      read -r alloc_after gen0_after _ <<<"$(dotnet_stats "$server")"
      if h2load_failed "$log.txt"; then
        exit 1
      fi
      rps=$(h2load_rps "$log.txt")
      all_requests=$(h2load_requests "$log.txt")
      read -r p50 p99 count < <(python3 "$here/stats.py" latency "$log.tsv")
      elapsed_ticks=$(( (end_ns - start_ns) * hz / 1000000000 ))
      server_cpu=$(( 100 * (proc_after - proc_before) / elapsed_ticks ))
      other=$(( 100 * ((core_after - core_before) - (proc_after - proc_before)) / elapsed_ticks ))
      cpu_per_call=$(awk -v t=$((proc_after - proc_before)) -v hz="$hz" -v n="$all_requests" 'BEGIN { printf "%.2f", t / hz * 1e6 / n }')
      if [ "$alloc_before" = "-" ]; then
        bytes_per_call="-"
        gen0_per_s="-"
      else
        bytes_per_call=$(( (alloc_after - alloc_before) / all_requests ))
        gen0_per_s=$(awk -v g=$((gen0_after - gen0_before)) -v ns=$((end_ns - start_ns)) 'BEGIN { printf "%.1f", g / (ns / 1e9) }')
      fi
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$profile" "$load" "$server" "$run" "$rps" "$p50" "$p99" "$count" \
        "$server_cpu" "$(( other < 0 ? 0 : other ))" "$cpu_per_call" "$bytes_per_call" "$gen0_per_s" >>"$out/runs.tsv"
      printf '   %-8s %-7s run %s: %10s req/s  p50 %6s us  p99 %7s us  server CPU %3s%%  %6s us CPU/call  %5s B/call\n' \
        "$profile" "$server" "$run" "$rps" "$p50" "$p99" "$server_cpu" "$cpu_per_call" "$bytes_per_call"
      rm -f "$log.tsv" # per-request logs are large; the percentiles are kept in runs.tsv
    done
  done
done

printf 'after load: VmRSS (pinned, after all runs)\t' >"$out/rss-after-load.txt"
for server in "${servers[@]}"; do
  printf '%s %s kB; ' "$server" "$(rss_kb "${server_pid[$server]}")" >>"$out/rss-after-load.txt"
done

cleanup

{
  echo "## RPC benchmark, $stamp"
  echo
  echo "- machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $(uname -sr)"
  echo "- .NET $(dotnet --version) SDK, node $(node --version), grpc-js $(node -p "require('@grpc/grpc-js/package.json').version"), $(h2load --version | head -1)"
  echo "- servers pinned to core $SERVER_CPU, h2load (1 thread) to core $LOAD_CPU; ${WARMUP}s warm-up per server, then $RUNS rounds"
  echo "- load average (1, 5, 15 min) at the start: $load_at_start; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  python3 "$here/stats.py" table "$out/runs.tsv" "$out/memory.tsv"
  echo
  echo "$(cat "$out/rss-after-load.txt")"
} | tee "$out/results.md"
cp "$out/results.md" "$here/results/latest.md"
echo
echo "results: $out/results.md"
