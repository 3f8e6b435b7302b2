#!/usr/bin/env bash
# Network search benchmark: SearchResourcePersons over PostgreSQL with 100,000 generated profiles (the demo
# generator, same seed; loaded by binary COPY), a mixed set of 1-3-word queries with and without facets
# (queries.txt), called
#   gateway   as GET /api/v1/network/resource-persons?query=… over HTTP/1.1 on the gateway's web port (the
#             JSON API as a browser or integrator calls it: gateway checks, YARP, the service transcodes),
#   service   the same GET straight to the service's h2c port (JSON transcoding, no gateway),
#   trivial   GET /api/v1/network/resource-persons/{id} through the gateway as `gateway` (one profile by key):
#             the trivial unary RPC the issue's ratio compares with,
# loaded by h2load with the same concurrency, in interleaved rounds, in one script run. Anonymous callers, so
# search runs over the public audience (the profiles and fields shared with citizens). Reports calls/s, p50/p99
# (from h2load's per-request log), CPU ms per call of the service, the gateway and PostgreSQL's backends, the
# targets, and the load average. Needs h2load, psql and python3; builds in Release.
#
# The service keeps first pages of results while nothing they read has changed (Search/SearchResultCache.cs);
# the 24 queries repeat, so with the cache on (SEARCH_CACHE=on, the default) most searches are answered from it
# ("warm"). SEARCH_CACHE=off starts the service without it ("cold": every search is computed). On PostgreSQL a search
# is computed by the service's in-memory index (Search/InMemory/ProfileSearchIndex.cs; SEARCH_INDEX=on, the default,
# waited for before the warm-up) or by one SQL statement (SEARCH_INDEX=off).
#
# Settings (environment):
#   PROFILES=100000  RUNS=3  DURATION=10  WARMUP=20  CONNECTIONS=16  QUIET_WAIT=0  SEARCH_CACHE=on|off  SEARCH_INDEX=on|off
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=civic PGPASSWORD=civic   (the database civic_bench_network is made if missing)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"

PROFILES="${PROFILES:-100000}"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-20}"
CONNECTIONS="${CONNECTIONS:-16}"
QUIET_WAIT="${QUIET_WAIT:-0}"
SEARCH_CACHE="${SEARCH_CACHE:-on}"
case "$SEARCH_CACHE" in on) cache_entries=500 ;; off) cache_entries=0 ;; *) echo "SEARCH_CACHE must be on or off" >&2; exit 2 ;; esac
SEARCH_INDEX="${SEARCH_INDEX:-on}"
case "$SEARCH_INDEX" in on) index_enabled=true ;; off) index_enabled=false ;; *) echo "SEARCH_INDEX must be on or off" >&2; exit 2 ;; esac
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-civic}" PGPASSWORD="${PGPASSWORD:-civic}"
database=civic_bench_network
connection="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$database"
PORT_SERVICE=50451
PORT_GATEWAY_HTTP=50452
PORT_GATEWAY_GRPC=50453

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$here/results/$stamp-cache-$SEARCH_CACHE-index-$SEARCH_INDEX"
mkdir -p "$out/logs"
# shellcheck source=../lib/common.sh
. "$here/../lib/common.sh"
require_tools h2load python3 dotnet flock curl psql

echo "== building (Release)"
for project in services/Network gateway bench/network-search; do
  flock /tmp/civic-build.lock dotnet build "$project" -c Release -nologo -v quiet >"$out/logs/build.log" 2>&1 \
    || { cat "$out/logs/build.log"; exit 1; }
done

psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
  || psql -d postgres -qc "CREATE DATABASE $database"

echo "== starting Network (PostgreSQL, migrations, no demo data, search cache $SEARCH_CACHE, search index $SEARCH_INDEX)"
start network "" env ASPNETCORE_ENVIRONMENT=Production \
  "$repo/services/Network/bin/Release/net10.0/Civic.Network" --contentRoot "$repo/services/Network" \
  --Civic:Grpc:Port "$PORT_SERVICE" --Civic:SeedDemoData false --Storage:Provider Postgres --Storage:MigrateOnStartup true \
  --ConnectionStrings:network "$connection" --Auth:Authority https://login.invalid --Network:Search:Cache:Entries "$cache_entries" --Network:Search:Index:Enabled "$index_enabled"
network_pid=$started
service_api="http://127.0.0.1:$PORT_SERVICE/api/v1/network/resource-persons"
for _ in $(seq 1 90); do curl -sf --http2-prior-knowledge "$service_api?query=x" >/dev/null 2>&1 && break; sleep 1; done

echo "== loading $PROFILES profiles"
"$repo/bench/network-search/bin/Release/net10.0/Civic.Bench.NetworkSearch" "$connection" "$PROFILES" | tee "$out/logs/load.out"

start gateway "" env ASPNETCORE_ENVIRONMENT=Production \
  "$repo/gateway/bin/Release/net10.0/Civic.Gateway" --contentRoot "$repo/gateway" \
  --Auth:Authority https://login.invalid --Civic:Services:network "http://127.0.0.1:$PORT_SERVICE" \
  --RateLimiting:Anonymous:PermitLimit=1000000 --RateLimiting:Anonymous:Window=00:00:01 \
  --Gateway:Port "$PORT_GATEWAY_HTTP" --Gateway:GrpcPort "$PORT_GATEWAY_GRPC"
gateway_pid=$started
gateway_api="http://127.0.0.1:$PORT_GATEWAY_HTTP/api/v1/network/resource-persons"
for _ in $(seq 1 90); do curl -sf "$gateway_api?query=x" >/dev/null 2>&1 && break; sleep 1; done

# The URI lists h2load cycles through, and one check per query that it answers with matches.
python3 - "$here/queries.txt" "$gateway_api" "$service_api" "$out" <<'PY'
import sys, urllib.parse
queries, gateway, service, out = sys.argv[1:]
rows = [l.rstrip("\n").split("\t") for l in open(queries, encoding="utf-8") if l.strip() and not l.startswith("#")]
def uri(base, words, facets):
    return base + "?query=" + urllib.parse.quote(words) + "&page.pageSize=20" + ("&" + facets if facets else "")
for name, base in (("gateway", gateway), ("service", service)):
    with open(f"{out}/{name}-uris.txt", "w") as f:
        f.writelines(uri(base, r[0], r[1] if len(r) > 1 else "") + "\n" for r in rows)
PY
printf 'query\ttotal_size\n' >"$out/matches.tsv"
while read -r uri; do
  answer="$(curl -sf "$uri")" || { echo "the JSON API did not answer $uri" >&2; exit 1; }
  total="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get("page", {}).get("totalSize", 0))' "$answer")"
  [ "$total" -gt 0 ] || { echo "no matches for $uri" >&2; exit 1; }
  printf '%s\t%s\n' "${uri#*\?}" "$total" >>"$out/matches.tsv"
done <"$out/gateway-uris.txt"
id="$(curl -sf "$gateway_api?query=facilitering&page.pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["resourcePersons"][0]["id"])')"
echo "$gateway_api/$id" >"$out/trivial-uris.txt"
curl -sf "$gateway_api/$id" | grep -q "\"id\":\"$id\"" || { echo "GetResourcePerson did not answer $id" >&2; exit 1; }

load() { # PATH SECONDS [LOG]
  local args=(-t 1 -c "$CONNECTIONS" -m 1 -D "$2" -i "$out/$1-uris.txt")
  [ "$1" = service ] || args=(--h1 "${args[@]}")
  [ -z "${3:-}" ] || args+=(--log-file "$3.tsv")
  h2load "${args[@]}"
}

# The first search started building the in-memory index; the rounds measure it built (until then the SQL answers).
index_line=""
if [ "$SEARCH_INDEX" = on ]; then
  for _ in $(seq 1 180); do
    index_line="$(grep -o 'Search index built at generation [0-9][^"]*' "$out/logs/network.out" | tail -1 || true)"
    [ -n "$index_line" ] && break
    sleep 1
  done
  [ -n "$index_line" ] || { echo "the search index was not built within 180 s (see $out/logs/network.out)" >&2; exit 1; }
  echo "  $index_line"
fi

wait_for_quiet "$QUIET_WAIT"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "== warming up (${WARMUP}s each)"
for path in gateway service trivial; do load "$path" "$WARMUP" >/dev/null; done

# PostgreSQL's CPU for the benchmark database: the backends serving it (the service's connection pool), as
# "pid jiffies" lines; a backend that came during a round counts whole, one that left is dropped.
database_jiffies() {
  local pid
  for pid in $(psql -d postgres -tAc "SELECT pid FROM pg_stat_activity WHERE datname = '$database' AND backend_type = 'client backend'"); do
    [ -r "/proc/$pid/stat" ] && awk -v pid="$pid" '{ print pid, $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || true
  done
}
database_cpu_since() { # BEFORE-LINES: jiffies the backends used since
  awk 'NR == FNR { before[$1] = $2; next } { used += $2 - ($1 in before ? before[$1] : 0) } END { print used + 0 }' <(echo "$1") <(database_jiffies)
}

# CPU time per call of the service, the gateway and PostgreSQL (jiffies, 10 ms each): steadier than calls/s on a shared machine.
printf 'path\tround\tcalls_per_s\tp50_us\tp99_us\tcalls\tservice_cpu_ms\tgateway_cpu_ms\tpostgres_cpu_ms\n' >"$out/runs.tsv"
for round in $(seq 1 "$RUNS"); do
  for path in gateway service trivial; do
    log="$out/logs/$path-$round"
    service_before="$(proc_jiffies "$network_pid")" gateway_before="$(proc_jiffies "$gateway_pid")" database_before="$(database_jiffies)"
    load "$path" "$DURATION" "$log" >"$log.txt"
    service_cpu="$(($(proc_jiffies "$network_pid") - service_before))" gateway_cpu="$(($(proc_jiffies "$gateway_pid") - gateway_before))"
    database_cpu="$(database_cpu_since "$database_before")"
    h2load_failed "$log.txt" && exit 1
    read -r p50 p99 count < <(python3 "$repo/bench/rpc/stats.py" latency "$log.tsv")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$path" "$round" "$(h2load_rps "$log.txt")" "$p50" "$p99" "$count" \
      "$(python3 -c "print(f'{$service_cpu * 10 / max($count, 1):.2f}')")" "$(python3 -c "print(f'{$gateway_cpu * 10 / max($count, 1):.2f}')")" \
      "$(python3 -c "print(f'{$database_cpu * 10 / max($count, 1):.2f}')")" >>"$out/runs.tsv"
    echo "  round $round $path: $(h2load_rps "$log.txt") calls/s, p50 ${p50} µs, p99 ${p99} µs"
  done
done

python3 - "$out/runs.tsv" "$out/matches.tsv" "$load_at_start" "$(cut -d' ' -f1-3 /proc/loadavg)" "$PROFILES" "$SEARCH_CACHE" "$SEARCH_INDEX" "$(rss_kb "$network_pid")" "$index_line" <<'PY' | tee "$out/summary.md"
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
matches = [int(r["total_size"]) for r in csv.DictReader(open(sys.argv[2]), delimiter="\t")]
paths = ("gateway", "service", "trivial")
med = {p: {k: statistics.median(float(r[k]) for r in rows if r["path"] == p) for k in ("calls_per_s", "p50_us", "p99_us", "service_cpu_ms", "gateway_cpu_ms", "postgres_cpu_ms")} for p in paths}
print(f"{sys.argv[5]} profiles; search cache {sys.argv[6]}; search index {sys.argv[7]}; load average at start {sys.argv[3]}, at end {sys.argv[4]}")
print(f"service RSS at the end {int(sys.argv[8]) / 1024:,.0f} MB" + (f"; {sys.argv[9]}" if sys.argv[9] else ""))
print(f"{len(matches)} queries, matches per query: median {statistics.median(matches):,.0f}, max {max(matches):,}\n")
print("| path | calls/s (median) | p50 ms | p99 ms | p99/p50 | service CPU ms/call | gateway CPU ms/call | PostgreSQL CPU ms/call | calls/s per round |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
for p in paths:
    m = med[p]
    print(f"| {p} | {m['calls_per_s']:,.0f} | {m['p50_us']/1000:.2f} | {m['p99_us']/1000:.2f} | {m['p99_us']/m['p50_us']:.1f} | "
          f"{m['service_cpu_ms']:.2f} | {m['gateway_cpu_ms']:.2f} | {m['postgres_cpu_ms']:.2f} | "
          + ", ".join(str(round(float(r["calls_per_s"]))) for r in rows if r["path"] == p) + " |")
ratio = med["gateway"]["calls_per_s"] / med["trivial"]["calls_per_s"]
print(f"\n| target | measured | met |\n|---|---:|---|")
for p in ("gateway", "service"):
    tail = med[p]["p99_us"] / med[p]["p50_us"]
    print(f"| {p}: p99 ≤ 10 × p50 | {tail:.1f} × | {'yes' if tail <= 10 else '**no**'} |")
print(f"| gateway search ≥ 0.5 × trivial RPC, calls/s | {ratio:.2f} × | {'yes' if ratio >= 0.5 else '**no**'} |")
PY
echo "results: $out"
