#!/usr/bin/env bash
# What tracking costs a test (PerfTracker.track per call, @TrackPerformance per test method), tracking off and on.
# Needs `mvn install -DskipTests` done once. Usage: bench/track.sh
set -euo pipefail
cd "$(dirname "$0")"
out="$PWD/out"
mkdir -p "$out/track-classes"
[ -d ../perf-junit/target/classes ] || { echo "build first: mvn install -DskipTests" >&2; exit 1; }
(cd ../perf-junit && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$out/track-classpath.txt" >/dev/null)
cp="$(cat "$out/track-classpath.txt"):$(cd .. && pwd)/perf-junit/target/classes"
javac -d "$out/track-classes" -cp "$cp" TrackBench.java
java -Xmx512m -cp "$cp:$out/track-classes" TrackBench 2>&1 | grep -v '^\[perf\]'
