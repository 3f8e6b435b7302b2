#!/usr/bin/env bash
# The Hotline booking burst (issue: "a booking window opens with 1,000 seats and 20,000 booking attempts from
# 500 concurrent clients"), through the gateway, on PostgreSQL.
#
# Starts the Hotline (Release, Production, a fresh PostgreSQL database with the demo data) and the gateway
# (Release, Production, as it ships but with rate limits high enough that no booking is refused by them),
# then runs the client (Civic.Bench.HotlineBurst): it opens a session with SLOTS x CAPACITY seats, books from
# CLIENTS concurrent clients through the gateway's h2c port (retrying transient errors with the same
# idempotency key), runs the same number of a trivial unary RPC (GetDepartment) through the gateway for the
# ratio, and checks the database against what the clients were told. Exit status 1 when a target is missed.
#
# Settings (environment): ATTEMPTS=20000 CLIENTS=500 SLOTS=100 CAPACITY=10 SEED=2026
#   PGADMIN="Host=127.0.0.1;Port=5432;Username=civic;Password=civic;Database=postgres" (the database is created
#   and dropped with it; CIVIC_TEST_POSTGRES is used when set)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"

ATTEMPTS="${ATTEMPTS:-20000}"
CLIENTS="${CLIENTS:-500}"
SLOTS="${SLOTS:-100}"
CAPACITY="${CAPACITY:-10}"
SEED="${SEED:-2026}"
PGADMIN="${PGADMIN:-${CIVIC_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=civic;Password=civic;Database=postgres}}"
PORT_HOTLINE=50501
PORT_GATEWAY_HTTP=50502
PORT_GATEWAY_GRPC=50503

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$here/results/$stamp"
mkdir -p "$out/logs"
. "$here/../lib/common.sh"
require_tools dotnet flock curl psql

echo "== building (Release)"
for project in services/Hotline gateway bench/hotline-burst; do
  flock /tmp/civic-build.lock dotnet build "$project" -c Release -nologo -v quiet >"$out/logs/build.log" 2>&1 \
    || { cat "$out/logs/build.log"; exit 1; }
done

# A database of its own, dropped at the end: "Database=postgres" in PGADMIN becomes the burst's database.
database="civic_bench_burst_$(echo "$stamp" | tr 'A-Z' 'a-z')"
psql_url() { python3 -c '
import sys
parts = dict(p.split("=", 1) for p in sys.argv[1].split(";") if p)
print("postgresql://%s:%s@%s:%s/%s" % (parts["Username"], parts["Password"], parts["Host"], parts.get("Port", "5432"), sys.argv[2]))' "$PGADMIN" "$1"; }
psql -q "$(psql_url postgres)" -c "CREATE DATABASE $database"
drop_database() { psql -q "$(psql_url postgres)" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true; }
trap 'cleanup; drop_database' EXIT
hotline_db="${PGADMIN/Database=postgres/Database=$database}"

load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "== starting Hotline (PostgreSQL, demo data) and the gateway (Production)"
start hotline "" env ASPNETCORE_ENVIRONMENT=Production \
  "$repo/services/Hotline/bin/Release/net10.0/Civic.Hotline" --contentRoot "$repo/services/Hotline" \
  --Civic:Grpc:Port "$PORT_HOTLINE" --Civic:SeedDemoData true --Storage:MigrateOnStartup true \
  --Storage:Provider Postgres --ConnectionStrings:hotline "$hotline_db" --Auth:Authority https://login.invalid \
  --Hotline:Booking:ManageTokenKey "$(head -c 32 /dev/urandom | base64)"
start gateway "" env ASPNETCORE_ENVIRONMENT=Production \
  "$repo/gateway/bin/Release/net10.0/Civic.Gateway" --contentRoot "$repo/gateway" \
  --Auth:Authority https://login.invalid --Civic:Services:hotline "http://127.0.0.1:$PORT_HOTLINE" \
  --RateLimiting:Anonymous:PermitLimit=1000000 --RateLimiting:Anonymous:Window=00:00:01 \
  --RateLimiting:Create:PermitLimit=1000000 --RateLimiting:Create:Window=00:00:01 \
  --Gateway:Port "$PORT_GATEWAY_HTTP" --Gateway:GrpcPort "$PORT_GATEWAY_GRPC"
ready=0
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT_GATEWAY_HTTP/api/v1/hotline/departments" >/dev/null 2>&1 && { ready=1; break; }
  sleep 1
done
[ "$ready" = 1 ] || { echo "the Hotline or the gateway did not start:" >&2; tail -n 20 "$out"/logs/*.out >&2; exit 1; }

echo "== burst: $ATTEMPTS attempts from $CLIENTS clients on $SLOTS x $CAPACITY seats"
status=0
dotnet "$repo/bench/hotline-burst/bin/Release/net10.0/Civic.Bench.HotlineBurst.dll" \
  "http://127.0.0.1:$PORT_GATEWAY_GRPC" "$hotline_db" "$ATTEMPTS" "$CLIENTS" "$SLOTS" "$CAPACITY" "$SEED" >"$out/burst.md" || status=$?
{
  echo "## Hotline burst, $stamp"
  echo
  echo "- machine: $(nproc) cores; load average (1, 5, 15 min) at the start: $load_at_start; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- .NET $(dotnet --version) SDK; $(psql --version)"
  echo
  cat "$out/burst.md"
} >"$out/results.md"
cp "$out/results.md" "$here/results/latest.md"
cat "$out/results.md"
echo "results: $out/results.md"
exit "$status"
