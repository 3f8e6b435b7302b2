#!/usr/bin/env bash
# Network search index memory: the Network service in Release on PostgreSQL with 100,000 generated profiles (the
# same database and loader as run.sh), its in-memory search index built, then SEARCHES searches straight to the
# service's JSON API (queries.txt in turn, result cache off, so each one is computed by the index). Reports the
# service's RSS (/proc/<pid>/status VmRSS) and its GC heap (the Debug line ProfileSearchIndex logs after a build and
# every 100 searches it answers: GC.GetGCMemoryInfo and GC.GetTotalMemory) after the build and after the searches,
# with the index's own estimate of its size and the load average. Needs python3, psql and curl; builds in Release.
#
# Settings (environment):
#   PROFILES=100000  SEARCHES=200  SETTLE=5 (seconds after the build before reading)  GC=server|workstation
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=civic PGPASSWORD=civic   (the database civic_bench_network is made if missing)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"

PROFILES="${PROFILES:-100000}"
SEARCHES="${SEARCHES:-200}"
SETTLE="${SETTLE:-5}"
GC="${GC:-server}"
case "$GC" in server) gc_server=1 ;; workstation) gc_server=0 ;; *) echo "GC must be server or workstation" >&2; exit 2 ;; esac
[ $((SEARCHES % 100)) -eq 0 ] || { echo "SEARCHES must be a multiple of 100 (the service logs its memory every 100 searches)" >&2; exit 2; }
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-civic}" PGPASSWORD="${PGPASSWORD:-civic}"
database=civic_bench_network
connection="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$database"
PORT_SERVICE=50461

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$here/results/$stamp-memory-$GC"
mkdir -p "$out/logs"
# shellcheck source=../lib/common.sh
. "$here/../lib/common.sh"
require_tools python3 dotnet flock curl psql

echo "== building (Release)"
for project in services/Network bench/network-search; do
  flock /tmp/civic-build.lock dotnet build "$project" -c Release -nologo -v quiet >"$out/logs/build.log" 2>&1 \
    || { cat "$out/logs/build.log"; exit 1; }
done

psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
  || psql -d postgres -qc "CREATE DATABASE $database"

# The Network is started before the profiles are loaded (it migrates the database), so a first search after the load
# starts the build; the ledger-free search below is only that trigger.
echo "== starting Network ($GC GC, PostgreSQL, search cache off, search index on)"
start network "" env ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer="$gc_server" \
  "$repo/services/Network/bin/Release/net10.0/Civic.Network" --contentRoot "$repo/services/Network" \
  --Civic:Grpc:Port "$PORT_SERVICE" --Civic:SeedDemoData false --Storage:Provider Postgres --Storage:MigrateOnStartup true \
  --ConnectionStrings:network "$connection" --Auth:Authority https://login.invalid --Network:Search:Cache:Entries 0 \
  --Network:Search:Index:Enabled true --Logging:LogLevel:Civic.Network.Search.InMemory.ProfileSearchIndex Debug
network_pid=$started
service_api="http://127.0.0.1:$PORT_SERVICE/api/v1/network/resource-persons"
for _ in $(seq 1 90); do curl -sf --http2-prior-knowledge "$service_api?query=x" >/dev/null 2>&1 && break; sleep 1; done
rss_idle="$(rss_kb "$network_pid")"

echo "== loading $PROFILES profiles"
"$repo/bench/network-search/bin/Release/net10.0/Civic.Bench.NetworkSearch" "$connection" "$PROFILES" | tee "$out/logs/load.out"

# The first search after the load starts the build (a search before it may have built an empty index: the load's
# TRUNCATE and COPY are then more than 5,000 changes, which rebuilds it at the next search as well).
curl -sf --http2-prior-knowledge "$service_api?query=facilitering" >/dev/null
memory_line() { # MOMENT: the latest Debug memory line for that moment
  grep -o "Search index memory $1 [^\"]*" "$out/logs/network.out" | tail -1 || true
}
built_line=""
for _ in $(seq 1 300); do
  built_line="$(grep -o 'Search index built at generation [0-9][^"]*' "$out/logs/network.out" | grep -v ': 0 internal and 0 public' | tail -1 || true)"
  [ -n "$built_line" ] && break
  curl -sf --http2-prior-knowledge "$service_api?query=facilitering" >/dev/null || true
  sleep 1
done
[ -n "$built_line" ] || { echo "the search index was not built within 300 s (see $out/logs/network.out)" >&2; exit 1; }
sleep "$SETTLE"
rss_built="$(rss_kb "$network_pid")"
gc_built="$(memory_line 'after the build')"
load_built="$(cut -d' ' -f1-3 /proc/loadavg)"
answered_before="$(grep -c 'Search index memory after searches' "$out/logs/network.out" || true)"

echo "== $SEARCHES searches"
python3 - "$here/queries.txt" "$service_api" "$SEARCHES" >"$out/uris.txt" <<'PY'
import itertools, sys, urllib.parse
queries, service, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = [l.rstrip("\n").split("\t") for l in open(queries, encoding="utf-8") if l.strip() and not l.startswith("#")]
for r in itertools.islice(itertools.cycle(rows), count):
    print(service + "?query=" + urllib.parse.quote(r[0]) + "&page.pageSize=20" + ("&" + r[1] if len(r) > 1 and r[1] else ""))
PY
while read -r uri; do
  curl -sf --http2-prior-knowledge "$uri" >/dev/null || { echo "the service did not answer $uri" >&2; exit 1; }
done <"$out/uris.txt"
for _ in $(seq 1 30); do
  [ "$(grep -c 'Search index memory after searches' "$out/logs/network.out" || true)" -gt "$answered_before" ] && break
  sleep 1
done
sleep "$SETTLE"
rss_searched="$(rss_kb "$network_pid")"
gc_searched="$(memory_line 'after searches')"
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"

{
  echo "$PROFILES profiles; $GC GC; load average after the build $load_built, at the end $load_end"
  echo "$built_line"
  echo
  echo "| moment | RSS MB | GC (Debug line) |"
  echo "|---|---:|---|"
  echo "| idle, before the load | $((rss_idle / 1024)) | |"
  echo "| after the build (+${SETTLE}s) | $((rss_built / 1024)) | ${gc_built#Search index memory } |"
  echo "| after $SEARCHES searches (+${SETTLE}s) | $((rss_searched / 1024)) | ${gc_searched#Search index memory } |"
} | tee "$out/summary.md"
echo "results: $out"
