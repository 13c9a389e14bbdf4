#!/usr/bin/env bash
# Legal search over HTTP (issue 5): N synthetic acts (Khmer originals, English translations, some
# amended) in PostgreSQL through `nokor legislation generate`, the web host building its search
# index from the database, then wrk against GET /api/public/legislation/search with a query mix
# (Khmer words and phrases inside running text, English words and phrases, date and language
# filters, misses). The in-process figure of the index alone is bench/Nokor.Bench.Legislation.
#
#   bench/legislation-search.sh                     # 10,000 acts in database nokor_leg on port 5545
#   ACTS=1000 DURATION=10s bench/legislation-search.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ACTS=${ACTS:-10000}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-"1 2 4"}
PORT=${PORT:-5081}
export Database__Provider=${Database__Provider:-Postgres}
export ConnectionStrings__Nokor=${ConnectionStrings__Nokor:-"Host=127.0.0.1;Port=5545;Username=postgres;Database=nokor_leg"}
INDEX=${INDEX:-/tmp/nokor-leg-index}
URL="http://127.0.0.1:$PORT"

echo "== machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   wrk, the web host and PostgreSQL share these cores"
for p in src/Nokor.Cli src/Nokor.Web; do dotnet build -c Release "$p" -v q -nologo 2>&1 | grep -E " error |rror\(s\)" || true; done
CLI="dotnet src/Nokor.Cli/bin/Release/net10.0/nokor.dll"

echo "== generating $ACTS acts (skips the ones already there)"
/usr/bin/time -f "   generate: %e s" $CLI legislation generate --acts "$ACTS"

rm -rf "$INDEX"
echo "== starting the host (index $INDEX, built from the database on start)"
START=$(date +%s.%N)
ASPNETCORE_URLS=$URL ASPNETCORE_ENVIRONMENT=Production Auth__RequireTotpForRoles=none Auth__SignIn__PerAddressPerMinute=100000 Nokor__AnonymousRequestsPerMinute=100000000 Nokor__Mode=Production Logging__LogLevel__Default=Warning Legislation__Search__IndexPath=$INDEX \
    dotnet src/Nokor.Web/bin/Release/net10.0/Nokor.Web.dll > /tmp/nokor-leg-host.log 2>&1 &
HOST=$!
trap 'kill $HOST 2>/dev/null || true' EXIT
until curl -sf "$URL/api/public/legislation/search/status" | grep -q '"cursor":[0-9]'; do
    sleep 2
    curl -sf "$URL/api/public/legislation/search/status" | sed 's/^/   building: /' || true
    echo
done
echo "   index built in $(python3 -c "import time; print(round(time.time() - $START, 1))") s (host start included): $(curl -sf "$URL/api/public/legislation/search/status")"
du -sh "$INDEX" | sed 's/^/   index size: /'

curl -sf "$URL/api/public/legislation/search?q=%E1%9E%85%E1%9F%92%E1%9E%94%E1%9E%B6%E1%9E%94%E1%9F%8B" | python3 -c "import json,sys; r=json.load(sys.stdin); print('   sample: ច្បាប់ ->', r['total'], 'articles')"
wrk -t1 -c2 -d5s -s bench/legislation/search.lua "$URL" > /dev/null   # warm-up
for c in $CONNECTIONS; do
    echo "== $c connection(s), $DURATION"
    wrk -t1 -c"$c" -d"$DURATION" --latency -s bench/legislation/search.lua "$URL" | grep RESULT
done
