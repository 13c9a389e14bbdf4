#!/usr/bin/env bash
# Needs the 5545 cluster with databases nokor_bench_base (bench/generate.sh, then `nokor verification rebuild`, then CREATE DATABASE nokor_bench_base TEMPLATE nokor_bench) and nokor_leg (`nokor legislation generate --acts 10000`).
# Runs the four headline benchmarks for one source tree against the same starting database
# (nokor_bench restored from the 1M-person template before each script), shorter than the
# documented runs so before and after fit in one session. Usage: run-bench.sh TREE LABEL
set -uo pipefail
TREE=$1; LABEL=$2; OUT=/tmp/bench-$LABEL; mkdir -p $OUT
cd "$TREE"
export DataRoot=/tmp/bench-data-$LABEL Database__Provider=Postgres
PG="psql -h 127.0.0.1 -p 5545 -U postgres -d postgres -qAt"
fresh() { $PG -c "DROP DATABASE IF EXISTS nokor_bench WITH (FORCE)" -c "CREATE DATABASE nokor_bench TEMPLATE nokor_bench_base"; }
export ConnectionStrings__Nokor="Host=127.0.0.1;Port=5545;Username=postgres;Database=nokor_bench"
echo "== $LABEL at $(git log --oneline -1) load $(cut -d' ' -f1-3 /proc/loadavg)"
fresh; echo "-- http-load"; DURATION=20s bash bench/http-load.sh > $OUT/http.txt 2>&1; grep -E "RESULT|RSS" $OUT/http.txt
fresh; echo "-- verification-load"; DURATION=20s CONNECTIONS="32" LAG_COUNT=50 PGBENCH_DURATION=10 bash bench/verification-load.sh > $OUT/vrf.txt 2>&1; grep -E "RESULT|lag|p95|pgbench|tps" $OUT/vrf.txt | head -12
fresh; echo "-- crvs-load"; rm -rf /tmp/crvs-state-$LABEL; BIRTHS=2000 WARMUP=100 COMMUNES=40 CERTIFICATES=200 CERTIFICATES_SERIAL=50 STATE=/tmp/crvs-state-$LABEL bash bench/crvs-load.sh > $OUT/crvs.txt 2>&1; grep -iE "RESULT|p50|p95|births/s|pdf|errors" $OUT/crvs.txt | head -20
echo "-- legislation-search"; ConnectionStrings__Nokor="Host=127.0.0.1;Port=5545;Username=postgres;Database=nokor_leg" ACTS=10000 DURATION=20s CONNECTIONS="1 4" INDEX=/tmp/leg-index-$LABEL bash bench/legislation-search.sh > $OUT/leg.txt 2>&1; grep -E "RESULT|index built" $OUT/leg.txt
echo "== done $LABEL $(date -u +%H:%M:%S)"
