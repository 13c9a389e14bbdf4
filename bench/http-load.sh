#!/usr/bin/env bash
# Concurrent HTTP load on the Population Registry: KIDC lookups and name searches, 32 connections,
# every request audited. Needs a populated database (bench/generate.sh) and wrk (Debian package).
#
#   Database__Provider=Postgres ConnectionStrings__Nokor="Host=127.0.0.1;Port=5545;Username=postgres;Database=nokor_bench" bench/http-load.sh
#   Database__Provider=Sqlite ConnectionStrings__Nokor="Data Source=/tmp/bench.db" bench/http-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-5080}
PASSWORD="bench-password-$RANDOM-$RANDOM"
OUT=$(mktemp -d)

echo "== build (Release)"
dotnet build -c Release -v q src/Nokor.Web >/dev/null
dotnet build -c Release -v q src/Nokor.Cli >/dev/null
CLI=(dotnet src/Nokor.Cli/bin/Release/net10.0/nokor.dll)

echo "== bench account"
printf '%s\n' "$PASSWORD" | "${CLI[@]}" users create --user "bench.$RANDOM" --role registrar --national --password-stdin | tee "$OUT/user.txt"
USER=$(sed -n "s/Created account '\(.*\)'.*/\1/p" "$OUT/user.txt")

echo "== samples"
case "${Database__Provider:-Sqlite}" in
  Postgres|postgres)
    python3 - "$ConnectionStrings__Nokor" "$OUT" <<'PY'
import subprocess, sys, urllib.parse
cs = dict(p.split('=', 1) for p in sys.argv[1].split(';') if p)
env = {'PGPASSWORD': cs.get('Password', '')}
args = ['psql', '-h', cs.get('Host', '127.0.0.1'), '-p', cs.get('Port', '5432'), '-U', cs.get('Username', 'postgres'), '-d', cs['Database'], '-At', '-F', '\t', '-c']
q = 'SELECT "Kidc", "SurnameKm", "GivenNameKm", "BirthYear" FROM pop_persons TABLESAMPLE SYSTEM (1) LIMIT 5000'
rows = [l.split('\t') for l in subprocess.run(args + [q], capture_output=True, text=True, env=env, check=True).stdout.splitlines()]
open(sys.argv[2] + '/kidcs.txt', 'w').write('\n'.join(r[0] for r in rows) + '\n')
open(sys.argv[2] + '/names.txt', 'w').write('\n'.join('q=' + urllib.parse.quote(r[1] + ' ' + r[2]) + '&birthDate=' + r[3] for r in rows) + '\n')
PY
    ;;
  *)
    python3 - "$ConnectionStrings__Nokor" "$OUT" <<'PY'
import sqlite3, sys, urllib.parse
path = sys.argv[1].split('=', 1)[1].split(';')[0]
rows = sqlite3.connect(path).execute('SELECT Kidc, SurnameKm, GivenNameKm, BirthYear FROM pop_persons ORDER BY random() LIMIT 5000').fetchall()
open(sys.argv[2] + '/kidcs.txt', 'w').write('\n'.join(r[0] for r in rows) + '\n')
open(sys.argv[2] + '/names.txt', 'w').write('\n'.join('q=' + urllib.parse.quote(r[1] + ' ' + r[2]) + '&birthDate=' + str(r[3]) for r in rows) + '\n')
PY
    ;;
esac
wc -l "$OUT/kidcs.txt"

echo "== web host on 127.0.0.1:$PORT"
ASPNETCORE_ENVIRONMENT=Production Auth__RequireTotpForRoles=none Auth__SignIn__PerAddressPerMinute=100000 Nokor__AnonymousRequestsPerMinute=100000000 Logging__LogLevel__Default=Warning \
  dotnet src/Nokor.Web/bin/Release/net10.0/Nokor.Web.dll --urls "http://127.0.0.1:$PORT" >"$OUT/host.log" 2>&1 &
HOST_PID=$!
trap 'kill $HOST_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 1; done
TOKEN=$(curl -fs -H 'Content-Type: application/json' -d "{\"userName\":\"$USER\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PORT/api/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')

max_rss() { awk '/VmHWM/ {print $2/1024 " MiB"}' "/proc/$HOST_PID/status"; }

for kind in kidc search; do
  file=kidcs.txt; prefix=/api/population/persons/
  if [ $kind = search ]; then file=names.txt; prefix='/api/population/persons?'; fi
  echo "== warm-up $kind"
  wrk -t2 -c"$CONNECTIONS" -d5s -s bench/http/population.lua "http://127.0.0.1:$PORT" -- "$OUT/$file" "$TOKEN" "$prefix" >/dev/null
  echo "== $kind: $CONNECTIONS connections, $DURATION"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/http/population.lua "http://127.0.0.1:$PORT" -- "$OUT/$file" "$TOKEN" "$prefix" | tee "$OUT/$kind.txt" | grep RESULT
  echo "   host peak RSS so far: $(max_rss)"
done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {print int($2/1048576) " GiB"}' /proc/meminfo), provider ${Database__Provider:-Sqlite}"
