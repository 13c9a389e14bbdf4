#!/usr/bin/env bash
# Identity verification under load (issue 4): yes/no verifications over HTTP with wrk, every one
# recorded in the chained query ledger before it is answered; the same point lookup straight
# against PostgreSQL with pgbench (the database's own ceiling on this machine); and the projection
# lag, registration -> visible to verification, measured end to end while idle and under load.
# Needs the 1M-person PostgreSQL database (bench/generate.sh), wrk and pgbench (Debian packages).
# The load generator, the web host and PostgreSQL share the machine's cores.
#
#   Database__Provider=Postgres ConnectionStrings__Nokor="Host=127.0.0.1;Port=5545;Username=postgres;Database=nokor_bench" bench/verification-load.sh
#   DURATION=10s CONNECTIONS="32" LAG_COUNT=50 bench/verification-load.sh      # a short run first
#
# Settings (environment): DURATION (30s per connection count), CONNECTIONS ("16 32 64"),
# WARMUP (5s), SAMPLES (5000 persons), WRONG (10: percent of requests with a wrong given name),
# PGBENCH_DURATION (30), PGBENCH_CLIENTS (16), LAG_COUNT (200 registrations per lag run),
# LAG_RATE (10/s idle), LAG_RATE_LOADED (5/s, during a wrk run at LAG_CONNECTIONS=32),
# REBUILD (0; 1 rebuilds the verification store even if it is built, and times it), PORT (5080).
set -euo pipefail
cd "$(dirname "$0")/.."
export Database__Provider=${Database__Provider:-Postgres}
export ConnectionStrings__Nokor=${ConnectionStrings__Nokor:-"Host=127.0.0.1;Port=5545;Username=postgres;Database=nokor_bench"}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-"16 32 64"}
WARMUP=${WARMUP:-5s}
SAMPLES=${SAMPLES:-5000}
WRONG=${WRONG:-10}
PGBENCH_DURATION=${PGBENCH_DURATION:-30}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-16}
LAG_COUNT=${LAG_COUNT:-200}
LAG_RATE=${LAG_RATE:-10}
LAG_RATE_LOADED=${LAG_RATE_LOADED:-5}
LAG_CONNECTIONS=${LAG_CONNECTIONS:-32}
REBUILD=${REBUILD:-0}
PORT=${PORT:-5080}
RUN="$(date +%H%M%S)$RANDOM"
OUT=$(mktemp -d)
URL="http://127.0.0.1:$PORT"

# psql with the parts of the connection string it needs
eval "$(python3 - "$ConnectionStrings__Nokor" <<'PY'
import shlex, sys
cs = {k.strip().lower(): v for k, v in (p.split('=', 1) for p in sys.argv[1].split(';') if '=' in p)}
print('PGHOST=%s PGPORT=%s PGUSER=%s PGDATABASE=%s PGPASSWORD=%s' % tuple(shlex.quote(cs.get(k, d)) for k, d in
      (('host', '127.0.0.1'), ('port', '5432'), ('username', 'postgres'), ('database', 'postgres'), ('password', ''))))
PY
)"
export PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD
sql() { psql -X -At -F $'\t' -v ON_ERROR_STOP=1 -c "$1"; }

echo "== machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(awk '/MemTotal/ {print int($2/1048576) " GiB"}' /proc/meminfo); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   the load generator, the web host and the database share these cores"
echo "   PostgreSQL $(sql 'SHOW server_version'), shared_buffers $(sql 'SHOW shared_buffers'), synchronous_commit $(sql 'SHOW synchronous_commit'), fsync $(sql 'SHOW fsync')"

echo "== build (Release)"
dotnet build -c Release -v q src/Nokor.Web >/dev/null
dotnet build -c Release -v q src/Nokor.Cli >/dev/null
CLI=(dotnet src/Nokor.Cli/bin/Release/net10.0/nokor.dll)

echo "== migrate"
"${CLI[@]}" db migrate

READY=$(sql "SELECT coalesce((SELECT \"Ready\"::int FROM vrf_projection_state WHERE \"Name\" = 'population'), 0)")
if [ "$REBUILD" = 1 ] || [ "$READY" != 1 ]; then
  echo "== verification store: rebuild from the registry ($(sql 'SELECT count(*) FROM pop_persons') persons)"
  /usr/bin/time -f "   wall %e s, peak RSS %M KB" "${CLI[@]}" verification rebuild 2> >(tr '\r' '\n' | grep -v '^$' | tail -3 >&2)
fi
PERSONS=$(sql 'SELECT count(*) FROM vrf_persons')
echo "   vrf_persons: $PERSONS rows, $(sql "SELECT pg_size_pretty(pg_total_relation_size('vrf_persons'))") with indexes"

echo "== institution, credential and staff accounts (CLI)"
"${CLI[@]}" verification client create --name "Bench Bank $RUN" --kind Bank --purposes account-opening \
  --query-types verify --quota 1000000000 --price-verify 100 > "$OUT/client.txt"
grep -v secret "$OUT/client.txt" | sed 's/^/   /'
CLIENT_ID=$(sed -n 's/^client_id=//p' "$OUT/client.txt")
CLIENT_SECRET=$(sed -n 's/^client_secret=//p' "$OUT/client.txt")
INSTITUTION=$(sed -n 's/^institution_id=//p' "$OUT/client.txt")
PASSWORD="bench-password-$RANDOM-$RANDOM"
printf '%s\n' "$PASSWORD" | "${CLI[@]}" users create --user "bench.reg.$RUN" --role registrar --national --password-stdin >/dev/null
printf '%s\n' "$PASSWORD" | "${CLI[@]}" users create --user "bench.dd.$RUN" --role data-distribution --national --password-stdin >/dev/null

echo "== samples: $SAMPLES persons from vrf_persons (random pages), $WRONG% of requests with a wrong given name"
sql "SELECT \"Kidc\", \"SurnameKm\", \"GivenNameKm\", \"SurnameLatin\", \"GivenNameLatin\", \"Sex\", \"BirthYear\",
            coalesce(\"BirthMonth\"::text, ''), coalesce(\"BirthDay\"::text, ''), \"ResidenceVillageCode\"
     FROM vrf_persons TABLESAMPLE SYSTEM (2) LIMIT $SAMPLES" > "$OUT/sample.tsv"
python3 - "$OUT" "$WRONG" <<'PY'
import json, random, sys
out, wrong = sys.argv[1], int(sys.argv[2])
rows = [l.rstrip('\n').split('\t') for l in open(out + '/sample.tsv', encoding='utf-8')]
rng = random.Random(4)
rng.shuffle(rows)
with open(out + '/bodies.txt', 'w', encoding='utf-8') as bodies, open(out + '/names.tsv', 'w', encoding='utf-8') as names:
    for i, (kidc, sk, gk, sl, gl, sex, y, m, d, village) in enumerate(rows):
        dob = y + ('-%02d' % int(m) if m else '') + ('-%02d' % int(d) if d else '')
        if i % 100 < wrong:  # a wrong given name, Khmer and Latin: the answer is "partial"
            other = rows[(i * 7919 + 13) % len(rows)]
            if other[2] != gk:
                gk, gl = other[2], other[4]
        claims = {'surnameKm': sk, 'givenNameKm': gk, 'surnameLatin': sl, 'givenNameLatin': gl, 'sex': sex, 'dateOfBirth': dob}
        bodies.write(json.dumps({'kidc': kidc, 'purpose': 'account-opening', 'claims': claims}, ensure_ascii=False) + '\n')
        names.write('\t'.join((sk, gk, sl, gl)) + '\n')
open(out + '/kidcs.txt', 'w').write('\n'.join(r[0] for r in rows) + '\n')
open(out + '/village.txt', 'w').write(rows[0][9] + '\n')
PY
VILLAGE=$(cat "$OUT/village.txt")
echo "   $(wc -l < "$OUT/bodies.txt") bodies; e.g. $(head -c 300 "$OUT/bodies.txt" | head -1)"

echo "== web host on 127.0.0.1:$PORT (Release, production mode)"
ASPNETCORE_ENVIRONMENT=Production Auth__RequireTotpForRoles=none Auth__SignIn__PerAddressPerMinute=100000 Nokor__AnonymousRequestsPerMinute=100000000 Nokor__Mode=Production Logging__LogLevel__Default=Warning \
  dotnet src/Nokor.Web/bin/Release/net10.0/Nokor.Web.dll --urls "$URL" >"$OUT/host.log" 2>&1 &
HOST_PID=$!
trap 'kill $HOST_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -fs "$URL/health/ready" >/dev/null && break; sleep 1; done
curl -fs "$URL/health/ready" >/dev/null || { echo "host not ready"; tail -50 "$OUT/host.log"; exit 1; }

client_token() {
  curl -fs -d grant_type=client_credentials --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "client_secret=$CLIENT_SECRET" \
    "$URL/api/verification/v1/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
staff_token() {
  curl -fs -H 'Content-Type: application/json' -d "{\"userName\":\"$1\",\"password\":\"$PASSWORD\"}" "$URL/api/auth/token" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}
TOKEN=$(client_token)
echo "   one request: $(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary "$(head -1 "$OUT/bodies.txt")" "$URL/api/verification/v1/verify")"

# CPU split (jiffies) between the web host, PostgreSQL (the postmaster of this cluster and its
# children), the load generator and everything else on the machine.
POSTMASTER=$(head -1 "$(sql "SELECT setting FROM pg_settings WHERE name = 'data_directory'")/postmaster.pid" 2>/dev/null || true)
ticks() { # sum of utime+stime of the given pids
  local t=0 p
  for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$t"
}
pg_pids() { if [ -n "$POSTMASTER" ]; then echo "$POSTMASTER"; pgrep -P "$POSTMASTER" || true; fi; }
# PostgreSQL: its processes now, plus the backends that have exited (the postmaster reaped them, so
# their time is in its cutime + cstime)
pg_ticks() { echo $(( $(ticks $(pg_pids)) + $(awk '{print $16 + $17}' "/proc/$POSTMASTER/stat" 2>/dev/null || echo 0) )); }
total_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
# cpu_split CMD...: runs CMD, then prints the share of the machine's cores each part used
cpu_split() {
  local before_host before_pg before_total before_busy rc=0
  before_host=$(ticks "$HOST_PID"); before_pg=$(pg_ticks); before_total=$(total_ticks); before_busy=$(busy_ticks)
  "$@" || rc=$?
  local host=$(( $(ticks "$HOST_PID") - before_host )) pg=$(( $(pg_ticks) - before_pg ))
  local total=$(( $(total_ticks) - before_total )) busy=$(( $(busy_ticks) - before_busy ))
  # children's CPU (wrk, pgbench) is read from the shell's cumulative child times
  local gen; gen=$(cat "$OUT/gen_ticks" 2>/dev/null || echo 0)
  python3 -c "
t, busy, host, pg, gen = $total, $busy, $host, $pg, $gen
n = $(nproc)
pct = lambda x: 100.0 * x / t * n if t else 0
print('   CPU (%% of one core; %d cores = %d%%): host %.0f%%, PostgreSQL %.0f%%, load generator %.0f%%, everything else %.0f%%, idle %.0f%%'
      % (n, 100 * n, pct(host), pct(pg), pct(gen), max(0, pct(busy) - pct(host) - pct(pg) - pct(gen)), max(0, pct(t - busy))))" | tee -a "$OUT/cpu.txt"
  return $rc
}
# run_gen NAME CMD...: runs a load generator, storing its CPU ticks (utime+stime from /usr/bin/time)
run_gen() {
  local name=$1; shift
  /usr/bin/time -f '%U %S' -o "$OUT/$name.time" "$@" > "$OUT/$name.txt" 2>&1 || true
  awk -v hz="$(getconf CLK_TCK)" '{print int(($1 + $2) * hz)}' "$OUT/$name.time" > "$OUT/gen_ticks"
}
recorded() { sql "SELECT count(*) FROM vrf_query_records WHERE \"UserId\" = '$1'"; }

LEDGER_BEFORE=$(sql 'SELECT count(*) FROM vrf_query_records')
TOTAL_2XX=0
echo "== yes/no verification, wrk -t2, $DURATION per connection count, $WARMUP warm-up each"
printf '%s\n' "connections | verifications/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | socket errors | 2xx answered | ledger records | host CPU | PostgreSQL CPU | wrk CPU | other CPU" > "$OUT/table.txt"
PASS=0
for c in $CONNECTIONS; do
  PASS=$((PASS + 1))  # a connection count may be listed twice ("16 16 16"): each pass has its own label
  LABEL="wrk-$RUN-$PASS-c$c"
  TOKEN=$(client_token)  # tokens live 10 minutes
  wrk -t2 -c"$c" -d"$WARMUP" -H "X-Road-UserId: warmup-$RUN-$PASS-c$c" -s bench/verification/verify.lua "$URL" -- "$OUT/bodies.txt" "$TOKEN" > "$OUT/warmup-$c.txt"
  TOTAL_2XX=$((TOTAL_2XX + $(sed -n 's/.*answered2xx=\([0-9]*\).*/\1/p' "$OUT/warmup-$c.txt")))
  echo "-- $c connections"
  cpu_split run_gen "wrk-$c" wrk -t2 -c"$c" -d"$DURATION" --latency --timeout 10s -H "X-Road-UserId: $LABEL" \
    -s bench/verification/verify.lua "$URL" -- "$OUT/bodies.txt" "$TOKEN"
  grep -E 'RESULT|Non-2xx|Socket errors' "$OUT/wrk-$c.txt" | sed 's/^/   /'
  sleep 1  # requests cut off at the end of the run are still recorded; let them land
  rec=$(recorded "$LABEL")
  answered=$(sed -n 's/.*answered2xx=\([0-9]*\).*/\1/p' "$OUT/wrk-$c.txt")
  TOTAL_2XX=$((TOTAL_2XX + answered))
  echo "   ledger records for this run: $rec; 2xx answers wrk counted: $answered (records - answers = $((rec - answered)), at most the $c requests in flight when wrk stopped)"
  python3 - "$OUT/wrk-$c.txt" "$c" "$rec" "$(tail -1 "$OUT/cpu.txt")" >> "$OUT/table.txt" <<'PY'
import re, sys
text, c, rec, cpu = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3], sys.argv[4]
r = dict(kv.split('=') for kv in re.search(r'RESULT (.*)', text).group(1).split())
shares = re.findall(r'(\d+)%', cpu.split(':', 1)[1])[:4]
print(' | '.join([c, r['rps'], r['p50_ms'], r['p90_ms'], r['p99_ms'], r['max_ms'], r['non2xx'], r['socket_errors'], r['answered2xx'], rec] + [s + '%' for s in shares]))
PY
done
echo "   results by answer (all runs): $(sql "SELECT string_agg(\"Result\" || ' ' || n, ', ') FROM (SELECT \"Result\", count(*) n FROM vrf_query_records WHERE \"UserId\" LIKE 'wrk-$RUN-%' GROUP BY 1) r")"

echo "== projection lag: $LAG_COUNT registrations at $LAG_RATE/s, idle"
STAFF=$(staff_token "bench.reg.$RUN")
LAG=(python3 bench/verification/lag.py "$URL" "bench.reg.$RUN" "$PASSWORD" "$CLIENT_ID" "$CLIENT_SECRET" "$OUT/names.tsv" "$VILLAGE")
"${LAG[@]}" "lag-idle-$RUN" --count "$LAG_COUNT" --rate "$LAG_RATE" --out "$OUT/lag-idle.kidcs" | tee "$OUT/lag-idle.txt"
LAG_SECONDS=$(python3 -c "print(int($LAG_COUNT / $LAG_RATE_LOADED) + 10)")
echo "== projection lag: $LAG_COUNT registrations at $LAG_RATE_LOADED/s during wrk -c$LAG_CONNECTIONS (${LAG_SECONDS}s)"
TOKEN=$(client_token)
wrk -t2 -c"$LAG_CONNECTIONS" -d"${LAG_SECONDS}s" --latency --timeout 10s -H "X-Road-UserId: wrk-lag-$RUN" \
  -s bench/verification/verify.lua "$URL" -- "$OUT/bodies.txt" "$TOKEN" > "$OUT/wrk-lag.txt" &
WRK_PID=$!
sleep 3
"${LAG[@]}" "lag-load-$RUN" --count "$LAG_COUNT" --rate "$LAG_RATE_LOADED" --out "$OUT/lag-load.kidcs" | tee "$OUT/lag-load.txt"
wait $WRK_PID || true
grep RESULT "$OUT/wrk-lag.txt" | sed 's/^/   wrk during the lag run: /'
TOTAL_2XX=$((TOTAL_2XX + $(sed -n 's/.*answered2xx=\([0-9]*\).*/\1/p' "$OUT/wrk-lag.txt")))
for kind in idle load; do
  TOTAL_2XX=$((TOTAL_2XX + $(sed -n 's/.*verify_2xx=\([0-9]*\).*/\1/p' "$OUT/lag-$kind.txt")))
  list=$(paste -sd, "$OUT/lag-$kind.kidcs" | sed "s/[0-9]\+/'&'/g")
  echo "   $kind, inside the server (registry commit -> row written, vrf_persons.ProjectedAtMs - SourceAtMs): $(sql "SELECT format('p50 %s ms, p95 %s ms, max %s ms over %s persons', percentile_disc(0.5) WITHIN GROUP (ORDER BY d), percentile_disc(0.95) WITHIN GROUP (ORDER BY d), max(d), count(*)) FROM (SELECT \"ProjectedAtMs\" - \"SourceAtMs\" d FROM vrf_persons WHERE \"Kidc\" IN ($list)) x")"
done
DD=$(staff_token "bench.dd.$RUN")
echo "   GET /api/verification/status: $(curl -fs -H "Authorization: Bearer $DD" "$URL/api/verification/status")"

sleep 1
LEDGER_AFTER=$(sql 'SELECT count(*) FROM vrf_query_records')
echo "== ledger: $LEDGER_BEFORE records before, $LEDGER_AFTER after: $((LEDGER_AFTER - LEDGER_BEFORE)) new; 2xx answers counted by the clients: $TOTAL_2XX"
echo "   (new records - answers = $((LEDGER_AFTER - LEDGER_BEFORE - TOTAL_2XX)): requests recorded and answered after a client stopped counting, at most the connections open when a wrk run ended)"
echo "   usage this month: $(sql "SELECT string_agg(\"QueryType\" || ' ' || \"Count\" || ' queries, ' || \"Amount\" || ' riel', '; ') FROM vrf_usage WHERE \"InstitutionId\" = '$INSTITUTION'")"

echo "== web host: peak RSS $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' "/proc/$HOST_PID/status"); stopping it"
kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true
trap - EXIT
FAILS=$(grep -c '^fail:' "$OUT/host.log" || true)
echo "   host log: $FAILS 'fail:' entries ($OUT/host.log)"

echo "== pgbench: the same point lookup, -M prepared -c $PGBENCH_CLIENTS -j 2 -T $PGBENCH_DURATION (host stopped)"
# The sampled KIDCs in a small table; each transaction picks one at random and looks the person up
# by KIDC in one statement (the extra probe of the 5,000-row table is measured separately below).
sql "DROP TABLE IF EXISTS bench_vrf_kidcs; CREATE UNLOGGED TABLE bench_vrf_kidcs (n int PRIMARY KEY, kidc varchar(10) COLLATE \"C\" NOT NULL)" >/dev/null
awk '{print NR "\t" $1}' "$OUT/kidcs.txt" | psql -X -q -c "\\copy bench_vrf_kidcs FROM STDIN"
sql "ANALYZE bench_vrf_kidcs" >/dev/null
N=$(wc -l < "$OUT/kidcs.txt")
cat > "$OUT/lookup.sql" <<EOF
\\set n random(1, $N)
SELECT * FROM vrf_persons WHERE "Kidc" = (SELECT kidc FROM bench_vrf_kidcs WHERE n = :n) LIMIT 1;
EOF
printf 'SELECT * FROM vrf_persons WHERE "Kidc" = '"'%s'"' LIMIT 1;\n' "$(head -1 "$OUT/kidcs.txt")" > "$OUT/literal.sql"
pgbench -n -M prepared -c "$PGBENCH_CLIENTS" -j 2 -T 5 -f "$OUT/lookup.sql" >/dev/null 2>&1
cpu_split run_gen pgbench pgbench -n -M prepared -c "$PGBENCH_CLIENTS" -j 2 -T "$PGBENCH_DURATION" -r -f "$OUT/lookup.sql"
grep -E 'latency average|tps|^ +[0-9.]+ +[0-9]+ +SELECT' "$OUT/pgbench.txt" | sed 's/^/   /'
cpu_split run_gen pgbench-literal pgbench -n -M prepared -c "$PGBENCH_CLIENTS" -j 2 -T 10 -f "$OUT/literal.sql"
echo "   one fixed KIDC (no list probe), 10 s: $(grep -E '^tps' "$OUT/pgbench-literal.txt")"
sql "DROP TABLE bench_vrf_kidcs" >/dev/null

echo
echo "== results ($(nproc) cores, host + PostgreSQL + load generator on the same cores; run $RUN)"
column -t -s '|' -o '|' "$OUT/table.txt"
PG_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench.txt" | head -1)
python3 - "$OUT/table.txt" "$PG_TPS" "$PGBENCH_CLIENTS" <<'PY'
import sys
rows = [l.split('|') for l in open(sys.argv[1]).read().splitlines()[1:]]
pg = float(sys.argv[2]); pgc = sys.argv[3]
print(f"pgbench point lookup ({pgc} clients): {pg:,.0f} tps")
for r in rows:
    c, rps, p99 = r[0].strip(), float(r[1]), float(r[4])
    goal = 'met' if rps >= 2000 and p99 < 20 else 'MISSED'
    print(f"  {c:>3} connections: {rps:,.0f} verifications/s = {rps / pg:.1%} of the database's point-lookup rate; p99 {p99:.1f} ms; goal >=2,000/s with p99 < 20 ms: {goal}")
PY
echo "   lag idle:  $(sed 's/RESULT //' "$OUT/lag-idle.txt")"
echo "   lag load:  $(sed 's/RESULT //' "$OUT/lag-load.txt")"
echo "== done; load average $(cut -d' ' -f1-3 /proc/loadavg); output in $OUT"
