#!/usr/bin/env bash
# Benchmark of `nokor population generate`: a synthetic population stored straight into the
# Population Registry tables, on PostgreSQL (binary COPY) and on SQLite (prepared INSERTs).
#
#   bench/generate.sh [COUNT]          default COUNT=1000000
#
# PostgreSQL: a throwaway Debian PostgreSQL 15 cluster in /tmp/pggen on port 5545 (started if it is
# not running; the postgresql package is installed if missing), database nokor_bench recreated
# empty. SQLite: /tmp/bench.db recreated. Timing and peak memory come from /usr/bin/time -v.
# The PostgreSQL database is left running with the generated population, for other benchmarks.
set -euo pipefail

COUNT="${1:-1000000}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PGPORT=5545
PGDATA=/tmp/pggen
PGBIN=/usr/lib/postgresql/15/bin
PG_CS="Host=127.0.0.1;Port=${PGPORT};Username=postgres;Database=nokor_bench"
SQLITE_DB=/tmp/bench.db
LOGS=/tmp/nokor-generate-bench
mkdir -p "$LOGS"

if [[ ! -x "$PGBIN/initdb" ]]; then
    apt-get update && apt-get install -y postgresql
fi
if [[ ! -x /usr/bin/time ]]; then
    apt-get install -y time
fi

if ! runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    if [[ ! -f "$PGDATA/PG_VERSION" ]]; then
        mkdir -p "$PGDATA" && chown postgres "$PGDATA"
        runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -A trust -U postgres >/dev/null
    fi
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -o "-p $PGPORT -k /tmp" -l /tmp/pggen.log -w start
fi

psql() { command psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql -d postgres -c "DROP DATABASE IF EXISTS nokor_bench WITH (FORCE)" -c "CREATE DATABASE nokor_bench"

cd "$ROOT"
dotnet build -c Release src/Nokor.Cli -v quiet -nologo >/dev/null
NOKOR="$ROOT/src/Nokor.Cli/bin/Release/net10.0/nokor"

run() { # provider connection-string label
    local provider="$1" cs="$2" label="$3"
    export Database__Provider="$provider" ConnectionStrings__Nokor="$cs"
    # db migrate also loads the gazetteer shipped with the platform; generate checks it is there.
    "$NOKOR" db migrate >"$LOGS/$label-migrate.log" 2>&1
    /usr/bin/time -v "$NOKOR" population generate --count "$COUNT" >"$LOGS/$label.log" 2>"$LOGS/$label.time"
    local wall rss
    wall=$(grep 'Elapsed (wall clock)' "$LOGS/$label.time" | awk '{print $NF}')
    rss=$(grep 'Maximum resident set size' "$LOGS/$label.time" | awk '{print $NF}')
    echo "$label: $(tail -n 1 "$LOGS/$label.log")"
    echo "$label: wall $wall, max RSS $((rss / 1024)) MiB (logs in $LOGS)"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
run Postgres "$PG_CS" postgres
echo "postgres: $(psql -d nokor_bench -c 'SELECT count(*) FROM pop_persons') persons, database $(psql -d nokor_bench -c "SELECT pg_size_pretty(pg_database_size('nokor_bench'))")"

rm -f "$SQLITE_DB" "$SQLITE_DB-wal" "$SQLITE_DB-shm"
run Sqlite "Data Source=$SQLITE_DB" sqlite
echo "sqlite: file $(du -h "$SQLITE_DB" | cut -f1)"
echo "PostgreSQL keeps running on port $PGPORT with database nokor_bench ($PG_CS)."
