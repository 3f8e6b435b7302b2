#!/usr/bin/env bash
# JSON API vs gRPC through the gateway: the same RPC (civic.hotline.v1.DepartmentService/GetDepartment,
# one row read from the Hotline service's SQLite database) called
#   grpc   as gRPC on the gateway's h2c port (YARP forwards the call unchanged),
#   json   as GET /api/v1/hotline/departments/{id} over HTTP/1.1 on the gateway's web port (the gateway checks
#          the request, YARP forwards it, the service transcodes JSON <-> protobuf, problem details on error),
# loaded by h2load with the same concurrency, in interleaved rounds, in one script run. Reports calls/s,
# mean latency and the ratio json/grpc. Needs h2load and python3; builds in Release.
#
# Settings (environment):
#   RUNS=5  DURATION=10  WARMUP=30  CONNECTIONS=16  QUIET_WAIT=0
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"

RUNS="${RUNS:-5}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-30}"
CONNECTIONS="${CONNECTIONS:-16}"
QUIET_WAIT="${QUIET_WAIT:-0}"
PORT_HOTLINE=50401
PORT_GATEWAY_HTTP=50402
PORT_GATEWAY_GRPC=50403
RPC_PATH=/civic.hotline.v1.DepartmentService/GetDepartment

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$here/results/$stamp"
mkdir -p "$out/logs" "$out/data"
# shellcheck source=../lib/common.sh
. "$here/../lib/common.sh"
require_tools h2load python3 dotnet flock curl

echo "== building (Release)"
for project in services/Hotline gateway; do
  flock /tmp/civic-build.lock dotnet build "$project" -c Release -nologo -v quiet >"$out/logs/build.log" 2>&1 \
    || { cat "$out/logs/build.log"; exit 1; }
done

wait_for_quiet "$QUIET_WAIT"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "== starting Hotline (SQLite, demo data) and the gateway (Production, as it ships)"
start hotline "" env ASPNETCORE_ENVIRONMENT=Production \
  "$repo/services/Hotline/bin/Release/net10.0/Civic.Hotline" --contentRoot "$repo/services/Hotline" \
  --Civic:Grpc:Port "$PORT_HOTLINE" --Civic:SeedDemoData true --Storage:MigrateOnStartup true \
  --Storage:ConnectionString "Data Source=$out/data/hotline.db" --Auth:Authority https://login.invalid \
  --Hotline:Booking:ManageTokenKey "$(head -c 32 /dev/urandom | base64)"
# Anonymous limits high enough that no call is refused: the rate limiter still counts every call.
start gateway "" env ASPNETCORE_ENVIRONMENT=Production \
  "$repo/gateway/bin/Release/net10.0/Civic.Gateway" --contentRoot "$repo/gateway" \
  --Auth:Authority https://login.invalid --Civic:Services:hotline "http://127.0.0.1:$PORT_HOTLINE" \
  --RateLimiting:Anonymous:PermitLimit=1000000 --RateLimiting:Anonymous:Window=00:00:01 \
  --Gateway:Port "$PORT_GATEWAY_HTTP" --Gateway:GrpcPort "$PORT_GATEWAY_GRPC"
gateway_pid=$started

list_url="http://127.0.0.1:$PORT_GATEWAY_HTTP/api/v1/hotline/departments"
for _ in $(seq 1 60); do curl -sf "$list_url" >"$out/departments.json" 2>/dev/null && break; sleep 1; done
id="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["departments"][0]["id"])' "$out/departments.json")"
json_url="http://127.0.0.1:$PORT_GATEWAY_HTTP/api/v1/hotline/departments/$id"
# The gRPC request: GetDepartmentRequest{id} (field 1, length-delimited) in a gRPC frame.
python3 - "$id" "$out/request.bin" <<'PY'
import struct, sys
value = sys.argv[1].encode()
message = b"\x0a" + bytes([len(value)]) + value
open(sys.argv[2], "wb").write(b"\x00" + struct.pack(">I", len(message)) + message)
PY
curl -sf "$json_url" | grep -q "\"id\":\"$id\"" || { echo "the JSON API did not answer the department" >&2; exit 1; }

grpc_load() { h2load -t 1 -c "$CONNECTIONS" -m 1 -D "$1" -d "$out/request.bin" -H 'content-type: application/grpc' -H 'te: trailers' \
  "http://127.0.0.1:$PORT_GATEWAY_GRPC$RPC_PATH"; }
json_load() { h2load --h1 -t 1 -c "$CONNECTIONS" -m 1 -D "$1" "$json_url"; }

# h2load sees only HTTP statuses (a gRPC error is still HTTP 200): one real gRPC client call must succeed first.
/usr/bin/python3 - "127.0.0.1:$PORT_GATEWAY_GRPC" "$RPC_PATH" "$out/request.bin" "$id" <<'PY'
import sys, grpc
target, path, request, department = sys.argv[1:]
with grpc.insecure_channel(target) as channel:
    answer = channel.unary_unary(path)(open(request, "rb").read()[5:], timeout=10)
assert department.encode() in answer, "GetDepartment through the gateway did not answer the department"
PY

echo "== warming up (${WARMUP}s each)"
grpc_load "$WARMUP" >/dev/null
json_load "$WARMUP" >/dev/null

printf 'path\tround\tcalls_per_s\tmean_latency\tfailed\n' >"$out/runs.tsv"
for round in $(seq 1 "$RUNS"); do
  for path in grpc json; do
    log="$out/logs/$path-$round.log"
    "${path}_load" "$DURATION" >"$log"
    rps="$(h2load_rps "$log")"
    failed="$(awk '/^requests:/ { print $10 }' "$log")"
    mean="$(awk '/^time for request:/ { print $6 }' "$log")"
    printf '%s\t%s\t%s\t%s\t%s\n' "$path" "$round" "$rps" "$mean" "$failed" >>"$out/runs.tsv"
    echo "  round $round $path: $rps calls/s"
  done
done

python3 - "$out/runs.tsv" "$load_at_start" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY' | tee "$out/summary.md"
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
med = {p: statistics.median(float(r["calls_per_s"]) for r in rows if r["path"] == p) for p in ("grpc", "json")}
failed = {p: sum(int(r["failed"] or 0) for r in rows if r["path"] == p) for p in ("grpc", "json")}
print(f"load average at start {sys.argv[2]}, at end {sys.argv[3]}")
print("| path | calls/s (median) | mean latency per round | rounds (calls/s) | failed |")
print("|---|---|---|---|---|")
for p in ("grpc", "json"):
    mine = [r for r in rows if r["path"] == p]
    print(f"| {p} | {med[p]:,.0f} | {', '.join(r['mean_latency'] for r in mine)} | {', '.join(str(round(float(r['calls_per_s']))) for r in mine)} | {failed[p]} |")
print(f"\njson / grpc = {med['json'] / med['grpc']:.2f}")
PY
echo "results: $out"
