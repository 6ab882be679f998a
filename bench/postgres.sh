#!/usr/bin/env bash
# The history on PostgreSQL next to SQLite: 1 000 runs recorded, then the dashboard rendered from them (twice), with
# DashboardBench. Starts its own PostgreSQL from Debian's package (initdb + pg_ctl in bench/out, port 18449; as the
# postgres user when run as root) and stops it after.
# Needs: apt-get install postgresql, `mvn install -DskipTests` once, and a run folder as the template of every run
# (by default the newest under target/perf of any module, e.g. after mvn install -Pdemo).
# Usage: bench/postgres.sh [runs=1000] [scenarios=10] [template run folder]
set -euo pipefail
cd "$(dirname "$0")"
runs="${1:-1000}"
scenarios="${2:-10}"
template="${3:-$(ls -d ../*/target/perf/*-*/ ../*/target/it/*/target/perf/*-*/ 2>/dev/null | grep -v tracked | tail -1)}"
[ -f "$template/summary.json" ] || { echo "no template run folder: run mvn install -Pdemo first, or give one" >&2; exit 1; }
out="$PWD/out"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed: apt-get install postgresql" >&2; exit 1; }
pg="$out/postgres"
rm -rf "$pg" && mkdir -p "$pg" "$out/dashboard-classes"
echo "bench-Pa55" > "$pg/password"
as_server=()
if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$pg"; as_server=(runuser -u postgres --); fi
"${as_server[@]}" "$bin/initdb" -D "$pg/data" -U perf --pwfile="$pg/password" --auth=scram-sha-256 -E UTF8 --locale=C >/dev/null
"${as_server[@]}" "$bin/pg_ctl" -D "$pg/data" -w -l "$pg/server.log" -o "-p 18449 -k $pg -c listen_addresses=127.0.0.1" start >/dev/null
trap '"${as_server[@]}" "$bin/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null' EXIT
PGPASSWORD=bench-Pa55 "$bin/psql" -q -h 127.0.0.1 -p 18449 -U perf -d postgres -c "CREATE DATABASE perf"

(cd ../dashboard-templates && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$out/dashboard-classpath.txt" >/dev/null)
cp="$(cat "$out/dashboard-classpath.txt"):$(cd .. && pwd)/dashboard-templates/target/classes"
javac -d "$out/dashboard-classes" -cp "$cp" DashboardBench.java
echo "== SQLite"
java -Xmx1g -cp "$cp:$out/dashboard-classes" DashboardBench "$template" "$runs" "$scenarios" "$out/dashboard-sqlite"
echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on loopback"
PERF_HISTORY_USER=perf PERF_HISTORY_PASSWORD=bench-Pa55 java -Xmx1g -cp "$cp:$out/dashboard-classes" DashboardBench \
  "$template" "$runs" "$scenarios" "$out/dashboard-postgres" "jdbc:postgresql://127.0.0.1:18449/perf"
