#!/usr/bin/env bash
# Gateway benchmark: one small unary gRPC call (civic.bench.v1.BenchService/Echo, the RPC benchmark's
# Grpc.AspNetCore server) made
#   direct    straight to the service,
#   nginx     through nginx as a gRPC proxy (grpc_pass, 2 workers, keepalive connections to the upstream),
#   gateway   through the Civic gateway (gateway/, YARP) as it ships, on its h2c port,
#   gateway-servergc   the same gateway with ASP.NET Core's default GC (server, concurrent): the untuned
#             reference that shows what the gateway's GC setting buys (left out with REFERENCE=0),
# loaded by h2load in rounds, in one script run. Reports throughput, latency, the proxies' CPU time per
# call and their resident memory (idle and after load). Prints the results table and writes it, with
# the raw per-run numbers and logs, to bench/gateway/results/.
#
# Settings (environment):
#   RUNS=5         measured rounds (medians are reported)
#   DURATION=10    seconds per saturate run; LIGHT_DURATION=5 per light run
#   WARMUP=45      seconds of untimed load through each path before the first round (tiered JIT)
#   PROFILES="saturate light"
#   REFERENCE=1    also measure gateway-servergc
#   QUIET_WAIT=0   seconds to wait, before measuring, for the 1-minute load average to drop below 1
#   VARIANT_ENV=   also measure "gateway-variant": the gateway with these extra environment settings
#   VARIANT_BIN=   ... or another build of it (e.g. a copy of bin/Release/net10.0 from before a change);
#                  either one, or both, makes the A/B in one run that a change must win on this noisy machine
# Nothing is pinned: the service, the proxy under test and h2load share the machine's cores, as on the
# one-machine deployment (and as the targets in the gateway issue were set).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
rpc="$repo/bench/rpc"
cd "$repo"

RUNS="${RUNS:-5}"
DURATION="${DURATION:-10}"
LIGHT_DURATION="${LIGHT_DURATION:-5}"
WARMUP="${WARMUP:-45}"
PROFILES="${PROFILES:-saturate light}"
REFERENCE="${REFERENCE:-1}"
QUIET_WAIT="${QUIET_WAIT:-0}"
PORT_SERVICE=50352
PORT_GATEWAY_HTTP=50360
PORT_GATEWAY=50361
PORT_REFERENCE_HTTP=50362
PORT_REFERENCE=50363
PORT_VARIANT_HTTP=50364
PORT_VARIANT=50365
VARIANT_ENV="${VARIANT_ENV:-}"
VARIANT_BIN="${VARIANT_BIN:-}"
PORT_NGINX=50370
RPC_PATH=/civic.bench.v1.BenchService/Echo

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$here/results/$stamp"
mkdir -p "$out/logs"
# shellcheck source=../lib/common.sh
. "$here/../lib/common.sh"
require_tools h2load nginx node python3 dotnet flock
[ -d "$repo/node_modules/@grpc/grpc-js" ] || { echo "run.sh needs node_modules (npm ci at the repository root)" >&2; exit 1; }

echo "== building (Release)"
for project in bench/rpc/CivicServer gateway; do
  flock /tmp/civic-build.lock dotnet build "$project" -c Release -nologo -v quiet >"$out/logs/build.log" 2>&1 \
    || { cat "$out/logs/build.log"; exit 1; }
done
service_bin="$rpc/CivicServer/bin/Release/net10.0/Civic.Bench.Rpc.CivicServer"
gateway_bin="$repo/gateway/bin/Release/net10.0/Civic.Gateway"
node "$rpc/node/check.js" request "$out/request.bin" >/dev/null

wait_for_quiet "$QUIET_WAIT"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "== starting the service, nginx and the gateway"
start service "" "$service_bin" --port "$PORT_SERVICE"
service_pid=$started

# nginx as Debian ships it, configured as a gRPC proxy should be: 2 workers, no access log, HTTP/2 from
# the client, a pool of keepalive connections to the upstream, and no per-connection request cap
# (the default of 1000 would end every h2load connection after 1000 calls).
mkdir -p "$out/nginx/temp"
sed -e "s|@PREFIX@|$out/nginx|g" -e "s|@PORT@|$PORT_NGINX|g" -e "s|@UPSTREAM@|127.0.0.1:$PORT_SERVICE|g" \
  -e "s|@USER@|$(id -un)|g" "$here/nginx.conf.in" >"$out/nginx/nginx.conf"
start nginx "" nginx -p "$out/nginx" -c "$out/nginx/nginx.conf"
nginx_pid=$started

# The gateway as it ships (Production, its appsettings.json), plus a route to the bench service and
# anonymous limits high enough that no call is refused: the rate limiter still counts every call.
gateway_args=(
  --contentRoot "$repo/gateway"
  --Auth:Authority https://login.invalid
  "--ReverseProxy:Routes:bench:ClusterId=bench"
  "--ReverseProxy:Routes:bench:Match:Path=/civic.bench.v1.{service}/{method}"
  --ReverseProxy:Routes:bench:Metadata:GrpcCalls=true
  --ReverseProxy:Clusters:bench:HttpRequest:Version=2
  --ReverseProxy:Clusters:bench:HttpRequest:VersionPolicy=RequestVersionExact
  "--ReverseProxy:Clusters:bench:Destinations:bench-1:Address=http://127.0.0.1:$PORT_SERVICE"
  --RateLimiting:Anonymous:PermitLimit=1000000
  --RateLimiting:Anonymous:Window=00:00:01
)
start gateway "" env ASPNETCORE_ENVIRONMENT=Production "$gateway_bin" "${gateway_args[@]}" \
  --Gateway:Port "$PORT_GATEWAY_HTTP" --Gateway:GrpcPort "$PORT_GATEWAY"
gateway_pid=$started
paths=(direct nginx gateway)
declare -A path_port=([direct]=$PORT_SERVICE [nginx]=$PORT_NGINX [gateway]=$PORT_GATEWAY)
if [ "$REFERENCE" = 1 ]; then
  start gateway-servergc "" env ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=1 DOTNET_gcConcurrent=1 "$gateway_bin" "${gateway_args[@]}" \
    --Gateway:Port "$PORT_REFERENCE_HTTP" --Gateway:GrpcPort "$PORT_REFERENCE"
  reference_pid=$started
  paths+=(gateway-servergc)
  path_port[gateway-servergc]=$PORT_REFERENCE
fi
if [ -n "$VARIANT_ENV$VARIANT_BIN" ]; then
  # shellcheck disable=SC2086 # one setting per word
  start gateway-variant "" env ASPNETCORE_ENVIRONMENT=Production $VARIANT_ENV "${VARIANT_BIN:-$gateway_bin}" "${gateway_args[@]}" \
    --Gateway:Port "$PORT_VARIANT_HTTP" --Gateway:GrpcPort "$PORT_VARIANT"
  variant_pid=$started
  paths+=(gateway-variant)
  path_port[gateway-variant]=$PORT_VARIANT
fi

# Every path must answer a real gRPC client (grpc-js) correctly before it is measured: h2load only sees
# HTTP statuses.
for path in "${paths[@]}"; do
  node "$rpc/node/check.js" call "${path_port[$path]}" >/dev/null
done

# The processes whose CPU time a path costs beyond the service: nginx's master and workers, the gateway.
nginx_pids() { echo "$nginx_pid $(pgrep -P "$nginx_pid" | tr '\n' ' ')"; }
proxy_pids() {
  case "$1" in
    direct) echo "" ;;
    nginx) nginx_pids ;;
    gateway) echo "$gateway_pid" ;;
    gateway-servergc) echo "$reference_pid" ;;
    gateway-variant) echo "$variant_pid" ;;
  esac
}
rss_sum_kb() {
  local total=0 pid
  for pid in "$@"; do total=$((total + $(rss_kb "$pid"))); done
  echo "$total"
}

sleep 5
printf 'what\twhen\tvmrss_kb\n' >"$out/memory.tsv"
for path in "${paths[@]}"; do
  [ "$path" = direct ] && continue
  # shellcheck disable=SC2046 # one pid per word
  printf '%s\tidle\t%s\n' "$path" "$(rss_sum_kb $(proxy_pids "$path"))" >>"$out/memory.tsv"
done


echo "== warm-up: ${WARMUP}s of load through each path (not measured)"
for path in "${paths[@]}"; do
  # shellcheck disable=SC2046 # word splitting of the profile's arguments is intended
  h2load_grpc "${path_port[$path]}" $(profile_args saturate) -D "$WARMUP" >"$out/logs/warmup-$path.txt" 2>&1
done

printf 'profile\tload\tpath\trun\trps\tp50_us\tp99_us\trequests\tproxy_cpu_us_per_call\tservice_cpu_us_per_call\tload_avg\n' >"$out/runs.tsv"
hz="$(getconf CLK_TCK)"
per_call() { awk -v t="$1" -v hz="$hz" -v n="$2" 'BEGIN { printf "%.2f", t / hz * 1e6 / n }'; }
for profile in $PROFILES; do
  duration="$(profile_duration "$profile")"
  load="h2load -t 1 $(profile_args "$profile"), ${duration}s per run"
  for run in $(seq 1 "$RUNS"); do
    # Rounds (direct, nginx, gateway, ...) so that noise from anything else on the machine spreads over all paths.
    for path in "${paths[@]}"; do
      log="$out/logs/$profile-$path-$run"
      read -r -a proxy <<<"$(proxy_pids "$path")"
      proxy_before=$(proc_jiffies "${proxy[@]}")
      service_before=$(proc_jiffies "$service_pid")
      # shellcheck disable=SC2046
      h2load_grpc "${path_port[$path]}" $(profile_args "$profile") -D "$duration" --log-file "$log.tsv" >"$log.txt" 2>&1
      proxy_after=$(proc_jiffies "${proxy[@]}")
      service_after=$(proc_jiffies "$service_pid")
      if h2load_failed "$log.txt"; then
        exit 1
      fi
      rps=$(h2load_rps "$log.txt")
      requests=$(h2load_requests "$log.txt")
      read -r p50 p99 count < <(python3 "$rpc/stats.py" latency "$log.tsv")
      proxy_cpu="-"
      [ "$path" = direct ] || proxy_cpu=$(per_call $((proxy_after - proxy_before)) "$requests")
      service_cpu=$(per_call $((service_after - service_before)) "$requests")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$profile" "$load" "$path" "$run" "$rps" "$p50" "$p99" "$count" \
        "$proxy_cpu" "$service_cpu" "$(cut -d' ' -f1 /proc/loadavg)" >>"$out/runs.tsv"
      printf '   %-8s %-16s run %s: %10s req/s  p50 %6s us  p99 %7s us  proxy %7s us CPU/call  service %6s us CPU/call\n' \
        "$profile" "$path" "$run" "$rps" "$p50" "$p99" "$proxy_cpu" "$service_cpu"
      rm -f "$log.tsv" # per-request logs are large; the percentiles are kept in runs.tsv
    done
  done
done

for path in "${paths[@]}"; do
  [ "$path" = direct ] && continue
  # shellcheck disable=SC2046
  printf '%s\tafter load\t%s\n' "$path" "$(rss_sum_kb $(proxy_pids "$path"))" >>"$out/memory.tsv"
done
cleanup

{
  echo "## Gateway benchmark, $stamp"
  echo
  echo "- machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $(uname -sr)"
  echo "- .NET $(dotnet --version) SDK, YARP $(sed -n 's/.*Include="Yarp.ReverseProxy" Version="\([^"]*\)".*/\1/p' Directory.Packages.props), $(nginx -v 2>&1 | sed 's|.*/||;s|^|nginx |'), $(h2load --version | head -1)"
  [ -z "$VARIANT_ENV$VARIANT_BIN" ] || echo "- gateway-variant: ${VARIANT_BIN:-the same build} ${VARIANT_ENV:+with $VARIANT_ENV}"
  echo "- nothing pinned; ${WARMUP}s warm-up per path, then $RUNS rounds; load average (1, 5, 15 min) at the start: $load_at_start; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  python3 "$here/report.py" "$out/runs.tsv" "$out/memory.tsv"
} | tee "$out/results.md"
cp "$out/results.md" "$here/results/latest.md"
echo
echo "results: $out/results.md"
