#!/usr/bin/env bash
# Marriages under load (issue 17): enter -> verify -> approve over HTTP at 32 concurrent clients on
# a populated PostgreSQL registry (bench/generate.sh, 1,000,000 persons), every request
# authenticated and audited; entering asks the registry to confirm both spouses, to check that
# neither is married and that they are not related within the prohibited degrees; approving marries
# them in the registry and writes the marriage register. Then the kinship check alone, in process.
# The load generator, the web host and PostgreSQL share the machine's cores.
#
#   Database__Provider=Postgres ConnectionStrings__Nokor="Host=127.0.0.1;Port=5545;Username=postgres;Database=nokor_bench" bench/marriage-load.sh
#   MARRIAGES=300 WARMUP=50 COMMUNES=20 bench/marriage-load.sh        # a short run first
#
# Settings (environment): MARRIAGES (5000, measured), WARMUP (100), CLIENTS (32), COMMUNES (100),
# PAIRS (2000, kinship pairs of each kind), PORT (5080), STATE (/tmp/nokor-marriage-bench), SEED (1).
# A couple is married once: run it again on a fresh copy of the database, or with another SEED.
set -euo pipefail
cd "$(dirname "$0")/.."
export Database__Provider=${Database__Provider:-Postgres}
export ConnectionStrings__Nokor=${ConnectionStrings__Nokor:-"Host=127.0.0.1;Port=5545;Username=postgres;Database=nokor_bench"}
MARRIAGES=${MARRIAGES:-5000}
WARMUP=${WARMUP:-100}
CLIENTS=${CLIENTS:-32}
COMMUNES=${COMMUNES:-100}
PAIRS=${PAIRS:-2000}
PORT=${PORT:-5080}
STATE=${STATE:-/tmp/nokor-marriage-bench}
SEED=${SEED:-1}
OUT=$(mktemp -d)
mkdir -p "$STATE"

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {print int($2/1048576) " GiB"}' /proc/meminfo); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   the load generator, the web host and the database share these cores"

echo "== build (Release)"
dotnet build -c Release -v q src/Nokor.Web >/dev/null
dotnet build -c Release -v q src/Nokor.Cli >/dev/null
dotnet build -c Release -v q bench/Nokor.Bench.Crvs >/dev/null
CLI=(dotnet src/Nokor.Cli/bin/Release/net10.0/nokor.dll)
BENCH=(dotnet bench/Nokor.Bench.Crvs/bin/Release/net10.0/Nokor.Bench.Crvs.dll)

echo "== migrate"
"${CLI[@]}" db migrate
echo "== verification store"
"${CLI[@]}" verification rebuild --if-not-built 2> >(tr '\r' '\n' | grep -v '^$' | tail -1 >&2)

echo "== setup (in process): couples, communes, staff accounts, plan"
# One couple per planned birth: ask for a few more than needed (a father of two mothers is married once).
"${BENCH[@]}" setup --births $(( (MARRIAGES + WARMUP) * 11 / 10 )) --communes "$COMMUNES" --seed "$SEED" --state "$STATE"

echo "== web host on 127.0.0.1:$PORT (Release, production mode)"
ASPNETCORE_ENVIRONMENT=Production Auth__RequireTotpForRoles=none Auth__SignIn__PerAddressPerMinute=100000 Nokor__AnonymousRequestsPerMinute=100000000 Nokor__Mode=Production Logging__LogLevel__Default=Warning \
  Signing__KeyDirectory="$STATE/keys" Files__Root="$STATE/blobs" \
  dotnet src/Nokor.Web/bin/Release/net10.0/Nokor.Web.dll --urls "http://127.0.0.1:$PORT" >"$OUT/host.log" 2>&1 &
HOST_PID=$!
trap 'kill $HOST_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 1; done
curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null || { echo "host not ready"; tail -50 "$OUT/host.log"; exit 1; }

echo "== load: $MARRIAGES marriages (+ $WARMUP warm-up) at $CLIENTS clients"
"${BENCH[@]}" marriages --url "http://127.0.0.1:$PORT" --clients "$CLIENTS" --warmup "$WARMUP" --marriages "$MARRIAGES" --host-pid "$HOST_PID" --state "$STATE" | tee "$OUT/load.txt"
awk '/VmHWM/ {printf "== web host peak RSS (VmHWM): %.0f MiB\n", $2/1024}' "/proc/$HOST_PID/status" || true
kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true
trap - EXIT
FAILS=$(grep -c '^fail:' "$OUT/host.log" || true)
echo "   host log: $FAILS 'fail:' entries ($OUT/host.log)"
if [ "$FAILS" -gt 0 ]; then grep -A3 '^fail:' "$OUT/host.log" | head -40; fi

echo "== kinship check in process: $PAIRS pairs of each kind, 1 and $CLIENTS callers"
"${BENCH[@]}" kinship --pairs "$PAIRS" --clients "$CLIENTS" --seed "$SEED"
