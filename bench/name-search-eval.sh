#!/usr/bin/env bash
# The outside evaluation of the person name search (issue 16): GET /api/population/persons?q=
# over HTTP on a generated population, with query classes made from how Cambodian names are
# typed (bench/Nokor.Bench.NameSearch), reporting "found in the top 10" per class and script,
# "first result right" for exact queries with the birth year, negatives, latency and match reasons.
#
#   bench/name-search-eval.sh                       # fresh SQLite data root in a temp dir, 30,000 persons, seed 7
#   COUNT=30000 SAMPLE=300 SEED=7 QUERY_SEED=7 OUT=bench/name-search-latest.md bench/name-search-eval.sh
#   Database__Provider=Postgres ConnectionStrings__Nokor="Host=127.0.0.1;Port=5545;Username=postgres;Database=nokor_eval" bench/name-search-eval.sh
#   Database__Provider=Sqlite ConnectionStrings__Nokor="Data Source=/tmp/bench.db" bench/name-search-eval.sh
#
# With no ConnectionStrings__Nokor, a fresh data root (DataRoot) is made under a temp dir and
# removed at the end (KEEP=1 keeps it). With one, the database is migrated and, when it holds no
# person, generated (COUNT persons, seed SEED); an existing population is used as it is.
# The sample (SAMPLE persons, and up to SAMPLE persons whose Khmer name is shared by more than 10
# others) is drawn with Python from the database (sqlite3, or psql for PostgreSQL), in a fixed
# order with a seeded random source, so one population and one seed give the same persons.
# LOAD_FILE=path also writes the query mix of bench/name-search-load.sh; DUMP=path writes every
# query (class, script, kind, text, birth date, KIDC sought, rules); OUT=path writes the report;
# PARALLEL=n sends n queries at a time (1: the latencies are those of one query alone).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
COUNT=${COUNT:-30000}
SEED=${SEED:-7}
QUERY_SEED=${QUERY_SEED:-7}
SAMPLE=${SAMPLE:-300}
PORT=${PORT:-5082}
PARALLEL=${PARALLEL:-1}
PASSWORD="eval-password-$RANDOM-$RANDOM"
WORK=$(mktemp -d /tmp/nokor-name-eval.XXXXXX)

if [ -z "${ConnectionStrings__Nokor:-}" ]; then
  export DataRoot="$WORK/data"
  export Database__Provider=Sqlite
  export ConnectionStrings__Nokor="Data Source=$DataRoot/nokor.db"
  mkdir -p "$DataRoot"
  FRESH=1
else
  export Database__Provider=${Database__Provider:-Sqlite}
  FRESH=0
fi
export Database__Provider ConnectionStrings__Nokor
HOST_PID=
cleanup() {
  if [ -n "$HOST_PID" ]; then kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true; fi
  if [ "$FRESH" = 1 ] && [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; else echo "   kept $WORK"; fi
}
trap cleanup EXIT

echo "== machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(awk '/MemTotal/ {print int($2/1048576) " GiB"}' /proc/meminfo); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== commit $(git rev-parse --short HEAD) ($(git rev-parse --abbrev-ref HEAD)), provider $Database__Provider, work dir $WORK"

echo "== build (Release)"
for p in src/Nokor.Web src/Nokor.Cli bench/Nokor.Bench.NameSearch; do
  dotnet build -c Release -v q -nologo "$p" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
done
CLI=(dotnet src/Nokor.Cli/bin/Release/net10.0/nokor.dll)

echo "== database"
"${CLI[@]}" db migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log"; exit 1; }

count_persons() {
  case "$Database__Provider" in
    Postgres|postgres)
      python3 - "$ConnectionStrings__Nokor" <<'PY'
import os, subprocess, sys
cs = dict(p.split('=', 1) for p in sys.argv[1].split(';') if p)
args = ['psql', '-h', cs.get('Host', '127.0.0.1'), '-p', cs.get('Port', '5432'), '-U', cs.get('Username', 'postgres'), '-d', cs['Database'], '-At', '-c', 'SELECT count(*) FROM pop_persons']
print(subprocess.run(args, capture_output=True, text=True, check=True, env=dict(os.environ, PGPASSWORD=cs.get('Password', ''))).stdout.strip())
PY
      ;;
    *)
      python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1].split("=",1)[1].split(";")[0]).execute("SELECT count(*) FROM pop_persons").fetchone()[0])' "$ConnectionStrings__Nokor"
      ;;
  esac
}
PERSONS=$(count_persons)
if [ "$PERSONS" = 0 ]; then
  echo "== generating $COUNT persons (seed $SEED)"
  "${CLI[@]}" population generate --count "$COUNT" --seed "$SEED" | tail -n 1
  PERSONS=$(count_persons)
fi
echo "   $PERSONS persons"

echo "== eval account"
printf '%s\n' "$PASSWORD" | "${CLI[@]}" users create --user "eval.$RANDOM" --role registrar --national --password-stdin >"$WORK/user.txt"
USER=$(sed -n "s/Created account '\(.*\)'.*/\1/p" "$WORK/user.txt")

echo "== sample ($SAMPLE persons, seed $SEED)"
python3 bench/name-search-sample.py "$Database__Provider" "$ConnectionStrings__Nokor" "$WORK" "$SAMPLE" "$SEED"

echo "== web host on 127.0.0.1:$PORT"
ASPNETCORE_ENVIRONMENT=Production Auth__RequireTotpForRoles=none Auth__SignIn__PerAddressPerMinute=100000 Nokor__AnonymousRequestsPerMinute=100000000 Logging__LogLevel__Default=Warning \
  dotnet src/Nokor.Web/bin/Release/net10.0/Nokor.Web.dll --urls "http://127.0.0.1:$PORT" >"$WORK/host.log" 2>&1 &
HOST_PID=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 1; done
TOKEN=$(curl -fs -H 'Content-Type: application/json' -d "{\"userName\":\"$USER\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PORT/api/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')

echo "== evaluation (query seed $QUERY_SEED, $PARALLEL at a time)"
HEADER="## Name search evaluation: commit $(git rev-parse --short HEAD), $PERSONS persons ($Database__Provider), $(wc -l <"$WORK/persons.tsv" | awk '{print $1 - 1}') sampled, sample seed $SEED, query seed $QUERY_SEED; $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M') UTC"
ARGS=(--persons "$WORK/persons.tsv" --common "$WORK/common.tsv" --names "$WORK/names.tsv" --url "http://127.0.0.1:$PORT"
      --seed "$QUERY_SEED" --parallel "$PARALLEL" --header "$HEADER")
[ -n "${OUT:-}" ] && ARGS+=(--out "$OUT")
[ -n "${LOAD_FILE:-}" ] && ARGS+=(--load-file "$LOAD_FILE")
[ -n "${DUMP:-}" ] && ARGS+=(--dump "$DUMP")
NOKOR_TOKEN="$TOKEN" dotnet bench/Nokor.Bench.NameSearch/bin/Release/net10.0/Nokor.Bench.NameSearch.dll "${ARGS[@]}"
echo "   host peak RSS: $(awk '/VmHWM/ {print $2/1024 " MiB"}' "/proc/$HOST_PID/status")"
