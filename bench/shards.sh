#!/usr/bin/env bash
# Two shards on the machine's two cores next to one generator on one core, against nginx (one worker) sharing core 1:
# the combined load and how accurate the merged run's rate is. Each row is one generator JVM; "merge" is the merged run.
# Needs: nginx (apt-get install nginx-light), and `mvn install -DskipTests` done once.
# Usage: bench/shards.sh [SCENARIO...]   (default: rate-20000 closed-50; names from bench/scenarios)
set -euo pipefail
cd "$(dirname "$0")"
out="$PWD/out/shards"
rm -rf "$out"
mkdir -p "$out/nginx/tmp" "$out/perf"
cp nginx.conf "$out/nginx/nginx.conf"
(cd ../perf-engine && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" >/dev/null)
cp="$(cat "$out/classpath.txt"):$(cd .. && pwd)/perf-engine/target/classes"
mkdir -p "$out/classes"
javac -d "$out/classes" -cp "$cp" ShardBench.java
java=(java -Xmx1g -cp "$cp:$out/classes" ShardBench)

taskset -c 1 nginx -p "$out/nginx" -c nginx.conf &
nginx_pid=$!
trap 'kill $nginx_pid 2>/dev/null; wait $nginx_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null http://127.0.0.1:18090/ && break; sleep 0.1; done

for name in "${@:-rate-20000 closed-50}"; do
  for scenario in $name; do
    rm -rf "$out/perf"/* && cp "scenarios/$scenario.yaml" "$out/perf/"
    echo "== $scenario: one generator on core 0"
    taskset -c 0 "${java[@]}" whole "$out/perf" "$out/whole-$scenario"
    echo "== $scenario: two shards, on core 0 and core 1 (with nginx), starting together"
    start=$(date -u -d '+6 seconds' +%Y-%m-%dT%H:%M:%S.%3NZ)
    taskset -c 0 "${java[@]}" shard "$out/perf" "$out/$scenario/shard-1" 1 2 "$start" &
    one=$!
    taskset -c 1 "${java[@]}" shard "$out/perf" "$out/$scenario/shard-2" 2 2 "$start"
    wait $one
    "${java[@]}" merge "$out/perf" "$out/merged-$scenario" "$scenario/shard-*" "$out"
  done
done
