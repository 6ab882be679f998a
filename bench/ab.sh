#!/usr/bin/env bash
# Compares the engine of an earlier commit with the working tree's, closed model against nginx, alternating builds in
# one sitting so that the shared machine's drift hits both alike. nginx pinned to core 1, the generator to core 0.
# Needs: nginx (apt-get install nginx-light), and `mvn install -DskipTests` done once.
# Usage: bench/ab.sh <earlier-commit> [rounds=3] [scenario=closed-50]
#        COLD=1 bench/ab.sh <earlier-commit> 3 rate-20000   (no warm-up scenario first: each JVM starts cold, as
#                                                           bench/open.sh has it; the engine's own warm-up still runs)
set -euo pipefail
cd "$(dirname "$0")"
rev="$1"; rounds="${2:-3}"; scenario="${3:-closed-50}"
out="$PWD/out"
old="$out/ab-old"
. ./nginx.sh

(cd ../perf-engine && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" >/dev/null)
deps="$(cat "$out/classpath.txt")"
rm -rf "$old" && git -C .. worktree prune && git -C .. worktree add -q --detach "$old" "$rev"
trap 'git -C .. worktree remove --force "$old" 2>/dev/null || true' EXIT
(cd "$old" && mvn -q -B compile -pl perf-engine >/dev/null)
for side in old new; do
  classes=$([ "$side" = old ] && echo "$old/perf-engine/target/classes" || echo "$(cd .. && pwd)/perf-engine/target/classes")
  mkdir -p "$out/ab-$side"
  javac -d "$out/ab-$side" -cp "$deps:$classes" Bench.java
  echo "$deps:$classes:$out/ab-$side" > "$out/ab-$side.cp"
done

start_nginx taskset -c 1
trap 'stop_nginx; git -C .. worktree remove --force "$old" 2>/dev/null || true' EXIT

for round in $(seq "$rounds"); do
  for side in old new; do
    echo "== round $round: $side ($([ "$side" = old ] && echo "$rev" || echo "working tree")), $scenario"
    warmup=scenarios/warmup.yaml; [ "${COLD:-0}" = 1 ] && warmup=
    taskset -c 0 java -Xmx1g -cp "$(cat "$out/ab-$side.cp")" Bench "scenarios/$scenario.yaml" 1 $warmup \
      | grep -E "req/s|CPU" || true
  done
done
