#!/usr/bin/env bash
# Issue 21's measurement: the open model at high rates on one pinned core, from a cold start, as a user runs it.
# nginx (one worker, ~100-byte JSON) is pinned to core 0 and `mvn perf:run` to core 1 with taskset; no warm-up
# stage; a fresh history each run. Prints one table row per rate.
# Needs: nginx (apt-get install nginx-light), and `mvn install -DskipTests` done once.
# Usage: bench/open.sh [rate/s ...]            (default: 10000 20000 40000), each for 10 s
#        PINNED=0 bench/open.sh 20000          (not pinned: perf and nginx share both cores)
#        WARMUP=false bench/open.sh            (perf.warmup: auto, the default, true or false)
set -euo pipefail
cd "$(dirname "$0")"
rates=("$@")
[ $# -eq 0 ] && rates=(10000 20000 40000)
out="$PWD/out"
. ./nginx.sh
project="$out/open-project"
mkdir -p "$project/src/test/perf"
cp open-project/pom.xml "$project/pom.xml"
pin_nginx=(taskset -c 0); pin_perf=(taskset -c 1)
if [ "${PINNED:-1}" = 0 ]; then pin_nginx=(); pin_perf=(); fi

start_nginx "${pin_nginx[@]}"
trap stop_nginx EXIT

echo "| rate × 10 s | arrivals sent | dropped at maxInFlight | connections opened | send lag p99 / max | latency p99 |"
echo "|---|---|---|---|---|---|"
for rate in "${rates[@]}"; do
  rm -rf "$project/src/test/perf"/* "$project/target" "$out/open-history.db"
  cat > "$project/src/test/perf/open.yaml" <<YAML
name: open-$rate
target: { baseUrl: "http://127.0.0.1:18090" }
requests: [ { name: get, path: / } ]
load: { rate: $rate/s, duration: 10s }
YAML
  (cd "$project" && "${pin_perf[@]}" mvn -o -B perf:run -Dperf.history="$out/open-history.db" \
      -Dperf.failOnThreshold=false -Dperf.progressInterval=0 -Dperf.warmup="${WARMUP:-auto}" \
      > "$out/open-$rate.log" 2>&1) || true
  summary=$(ls -d "$project"/target/perf/*-open-"$rate"-*/summary.json 2>/dev/null | head -1)
  if [ -z "$summary" ]; then echo "| $rate/s | no result: see $out/open-$rate.log |"; continue; fi
  python3 - "$summary" "$rate" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); rate = int(sys.argv[2])
o, g = s["overall"], s["generator"]
planned = rate * 10
sent = o["count"]
fmt = lambda v: "n/a" if v is None else f"{v:,.0f}" if v >= 100 else f"{v:.1f}"
print(f"| {rate:,}/s | {sent / planned * 100:.2f}% ({sent:,}) | {o['dropped'] / planned * 100:.2f}% | "
      f"{g['connectionsOpened']:,} | {fmt(g['sendLagP99Ms'])} / {fmt(g['sendLagMaxMs'])} ms | {fmt(o['latencyMs']['p99'])} ms |")
PY
done
