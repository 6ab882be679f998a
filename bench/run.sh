#!/usr/bin/env bash
# Benchmarks the engine against nginx on loopback, next to wrk, in one sitting.
# nginx is pinned to core 1, the generator (wrk, then perf) to core 0.
# Needs: nginx and wrk (apt-get install nginx-light wrk), and `mvn install -DskipTests` done once.
# Usage: [JAVA_OPTS=...] bench/run.sh [all|throughput|ceiling|http2|rates|stages|memory|startup]   (memory runs 10 million requests: a few minutes)
#        ceiling: wrk, a bare AsyncHttpClient loop (BareAhc.java, no recording) and perf, alternating, ROUNDS=3 rounds
set -euo pipefail
cd "$(dirname "$0")"
what="${1:-all}"
out="$PWD/out"
. ./nginx.sh

(cd ../perf-engine && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" >/dev/null)
cp="$(cat "$out/classpath.txt"):$(cd .. && pwd)/perf-engine/target/classes"
[ -d ../perf-engine/target/classes ] || { echo "build first: mvn install -DskipTests" >&2; exit 1; }
mkdir -p "$out/classes"
javac -d "$out/classes" -cp "$cp" Bench.java

start_nginx taskset -c 1
trap stop_nginx EXIT

perf() { # scenario [warmup]
  taskset -c 0 java -Xmx1g ${JAVA_OPTS:-} -cp "$cp:$out/classes" Bench "scenarios/$1.yaml" 1 ${2:+"scenarios/$2.yaml"}
}

if [[ "$what" == all || "$what" == throughput ]]; then
  echo "== wrk -t1 -c50 -d15s (generator pinned to core 0)"
  wrk_out=$(taskset -c 0 wrk -t1 -c50 -d15s http://127.0.0.1:18090/)
  echo "$wrk_out" | grep -E "Requests/sec|Latency"
  /usr/bin/time -f "wrk CPU: user %U s, sys %S s" taskset -c 0 wrk -t1 -c50 -d5s http://127.0.0.1:18090/ 2>&1 | grep -E "CPU|Requests/sec"
  echo "== perf closed model, 50 users, 15 s (after a 5 s warm-up)"
  perf closed-50 warmup
fi
if [[ "$what" == ceiling ]]; then
  javac -d "$out/classes" -cp "$cp" BareAhc.java
  for round in $(seq "${ROUNDS:-3}"); do
    echo "== round $round: wrk -t1 -c50, a bare AsyncHttpClient loop (50 connections, 5 s warm-up), perf closed-50"
    /usr/bin/time -f "wrk CPU: %U s user + %S s sys" taskset -c 0 wrk -t1 -c50 -d15s http://127.0.0.1:18090/ 2>&1 \
      | grep -E "Requests/sec|CPU"
    taskset -c 0 java -Xmx1g -cp "$cp:$out/classes" BareAhc 15 5
    perf closed-50 warmup | grep -oE "[0-9]+ req/s|CPU [0-9.]+ us/request"
  done
fi
if [[ "$what" == all || "$what" == http2 ]]; then
  echo "== perf closed model, 50 users, 15 s, HTTP/1.1 then HTTP/2 by prior knowledge (h2c) to the same nginx"
  perf closed-50 warmup
  perf closed-50-h2c warmup
fi
if [[ "$what" == all || "$what" == rates ]]; then
  echo "== perf open model at 2 000/s and 20 000/s for 15 s"
  perf rate-2000 warmup-open
  perf rate-20000 warmup-open
fi
if [[ "$what" == all || "$what" == stages ]]; then
  echo "== perf open model through stages: a spike 1 000/s -> 10 000/s and back, and steps 2 000 to 16 000/s"
  perf spike-stages warmup-open
  perf rate-steps warmup-open
fi
if [[ "$what" == all || "$what" == memory ]]; then
  echo "== memory: 10 000 requests vs 10 000 000 requests (closed model, 50 users, -Xmx1g)"
  perf requests-10k
  perf requests-10m
fi
if [[ "$what" == all || "$what" == startup ]]; then
  echo "== start-up: mvn validate vs mvn perf:run (one request) on a minimal project, 5 runs each, offline"
  for goal in validate perf:run; do
    start=$(date +%s%N)
    for _ in 1 2 3 4 5; do (cd startup-project && mvn -q -o -B "$goal" -Dperf.outputDirectory="$out/startup" >/dev/null); done
    echo "mvn $goal: $(( ($(date +%s%N) - start) / 5000000 )) ms per run"
  done
fi
