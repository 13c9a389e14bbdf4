#!/usr/bin/env bash
# Concurrent load on the person name search (issue 16): 32 connections of wrk against
# GET /api/population/persons with the evaluation's query mix — another romanization (30 %), one
# typing error (20 %), the given name first in Khmer or Latin (20 %), the exact Khmer name (20 %),
# the exact Latin name (10 %), each with the birth year half of the time — drawn from persons
# sampled in the database (bench/name-search-sample.py, bench/Nokor.Bench.NameSearch --load-only).
# Every request is audited, as in production. Needs a populated database (bench/generate.sh) and
# wrk (Debian package). The 1,000,000-person figure of the issue is run on a quiet machine:
#
#   Database__Provider=Postgres ConnectionStrings__Nokor="Host=127.0.0.1;Port=5545;Username=postgres;Database=nokor_bench" bench/name-search-load.sh
#   Database__Provider=Sqlite ConnectionStrings__Nokor="Data Source=/tmp/bench.db" bench/name-search-load.sh
#   DURATION=5s Database__Provider=Sqlite ConnectionStrings__Nokor="Data Source=/tmp/eval.db" bench/name-search-load.sh   # a quick check
#
# DURATION (30s), CONNECTIONS (32), PORT (5083), LOAD_SAMPLE (2000 persons), SEED (7),
# QUERIES=file (use this query file instead of drawing one; it is kept in the work dir otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-5083}
LOAD_SAMPLE=${LOAD_SAMPLE:-2000}
SEED=${SEED:-7}
: "${ConnectionStrings__Nokor:?set ConnectionStrings__Nokor (and Database__Provider) to a populated database, see bench/generate.sh}"
export Database__Provider=${Database__Provider:-Sqlite}
PASSWORD="bench-password-$RANDOM-$RANDOM"
OUT=$(mktemp -d /tmp/nokor-name-load.XXXXXX)

echo "== machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(awk '/MemTotal/ {print int($2/1048576) " GiB"}' /proc/meminfo); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   commit $(git rev-parse --short HEAD), provider $Database__Provider; wrk, the web host and the database share these cores"

echo "== build (Release)"
for p in src/Nokor.Web src/Nokor.Cli bench/Nokor.Bench.NameSearch; do
  dotnet build -c Release -v q -nologo "$p" >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; exit 1; }
done
CLI=(dotnet src/Nokor.Cli/bin/Release/net10.0/nokor.dll)

echo "== bench account"
printf '%s\n' "$PASSWORD" | "${CLI[@]}" users create --user "bench.$RANDOM" --role registrar --national --password-stdin >"$OUT/user.txt"
USER=$(sed -n "s/Created account '\(.*\)'.*/\1/p" "$OUT/user.txt")

if [ -n "${QUERIES:-}" ]; then
  cp "$QUERIES" "$OUT/queries.txt"
else
  echo "== query mix ($LOAD_SAMPLE sampled persons, seed $SEED)"
  python3 bench/name-search-sample.py "$Database__Provider" "$ConnectionStrings__Nokor" "$OUT" "$LOAD_SAMPLE" "$SEED"
  dotnet bench/Nokor.Bench.NameSearch/bin/Release/net10.0/Nokor.Bench.NameSearch.dll --persons "$OUT/persons.tsv" --common "$OUT/common.tsv" \
    --names "$OUT/names.tsv" --seed "$SEED" --load-only --load-file "$OUT/queries.txt" 2>&1 | sed 's/^/   /'
fi
echo "   $(wc -l <"$OUT/queries.txt") query lines in $OUT/queries.txt ($(grep -c 'birthDate=' "$OUT/queries.txt") with the birth year)"

echo "== web host on 127.0.0.1:$PORT"
START=$(date +%s.%N)
env ASPNETCORE_ENVIRONMENT=Production Auth__RequireTotpForRoles=none Auth__SignIn__PerAddressPerMinute=100000 Nokor__AnonymousRequestsPerMinute=100000000 Logging__LogLevel__Default=Warning \
  'Logging__LogLevel__Nokor.Population.Search=Information' \
  dotnet src/Nokor.Web/bin/Release/net10.0/Nokor.Web.dll --urls "http://127.0.0.1:$PORT" >"$OUT/host.log" 2>&1 &
HOST_PID=$!
trap 'kill $HOST_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 1; done
echo "   ready after $(python3 -c "import time; print(round(time.time() - $START, 1))") s (a search index built on start is included)"
TOKEN=$(curl -fs -H 'Content-Type: application/json' -d "{\"userName\":\"$USER\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PORT/api/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')

echo "== first search (builds the person name index from the database)"
RSS_BEFORE=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$HOST_PID/status")
FIRST=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" -H 'X-Purpose: Benchmark' "http://127.0.0.1:$PORT/api/population/persons?q=Sok%20Dara")
sleep 2
echo "   answered after ${FIRST} s; host RSS ${RSS_BEFORE} MiB before, $(awk '/VmRSS/ {print int($2/1024)}' "/proc/$HOST_PID/status") MiB after"
grep -o 'name index was built.*' "$OUT/host.log" | sed 's/^/   /' || true

echo "== warm-up (5s)"
wrk -t2 -c"$CONNECTIONS" -d5s -s bench/http/name-search.lua "http://127.0.0.1:$PORT" -- "$OUT/queries.txt" "$TOKEN" >/dev/null
echo "== name search: $CONNECTIONS connections, $DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/http/name-search.lua "http://127.0.0.1:$PORT" -- "$OUT/queries.txt" "$TOKEN" | tee "$OUT/search.txt" | grep RESULT
echo "   host peak RSS: $(awk '/VmHWM/ {print $2/1024 " MiB"}' "/proc/$HOST_PID/status"); wrk output and queries in $OUT"
