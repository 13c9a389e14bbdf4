#!/usr/bin/env bash
# Needs PostgreSQL on 5545 started with shared_preload_libraries=pg_stat_statements and the template nokor_bench_base (see bench/compare-headline.sh). Usage: bench/crvs-sql-count.sh TREE LABEL; the counts land in /tmp/pgss-LABEL.tsv.
# Counts the SQL a short births run sends, per statement, for one tree.
TREE=$1; LABEL=$2
PG="psql -h 127.0.0.1 -p 5545 -U postgres -qAt"
$PG -d postgres -c "DROP DATABASE IF EXISTS nokor_bench WITH (FORCE)" -c "CREATE DATABASE nokor_bench TEMPLATE nokor_bench_base"
$PG -d nokor_bench -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
cd $TREE
export DataRoot=/tmp/pgss-data-$LABEL Database__Provider=Postgres ConnectionStrings__Nokor="Host=127.0.0.1;Port=5545;Username=postgres;Database=nokor_bench"
rm -rf /tmp/pgss-state-$LABEL
# setup runs in process first; reset the counters right before the load by a marker: we reset after setup via the script's own order
BIRTHS=300 WARMUP=0 COMMUNES=10 CERTIFICATES=10 CERTIFICATES_SERIAL=5 STATE=/tmp/pgss-state-$LABEL bash bench/crvs-load.sh > /tmp/pgss-$LABEL.txt 2>&1
$PG -d nokor_bench -F $'\t' -c "SELECT calls, round(total_exec_time::numeric,1), left(regexp_replace(query, '\s+', ' ', 'g'), 160) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname='nokor_bench') ORDER BY calls DESC LIMIT 60" > /tmp/pgss-$LABEL.tsv
$PG -d nokor_bench -c "SELECT sum(calls), round(sum(total_exec_time)::numeric) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname='nokor_bench')"
