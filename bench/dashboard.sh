#!/usr/bin/env bash
# How long the dashboard takes to render from a large history, and how big its pages get.
# Needs `mvn install -Pdemo` done once (its soak run is the template each synthetic run copies).
# Usage: bench/dashboard.sh [runs=1000] [scenarios=10]
set -euo pipefail
cd "$(dirname "$0")"
runs="${1:-1000}"
scenarios="${2:-10}"
out="$PWD/out"
mkdir -p "$out/dashboard-classes"
template=$(ls -d ../sample-scenarios/target/perf/*-soak 2>/dev/null | sort | tail -1)
[ -n "$template" ] || { echo "run mvn install -Pdemo first: its soak run is the template" >&2; exit 1; }
(cd ../dashboard-templates && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$out/dashboard-classpath.txt" >/dev/null)
cp="$(cat "$out/dashboard-classpath.txt"):$(cd .. && pwd)/dashboard-templates/target/classes"
javac -d "$out/dashboard-classes" -cp "$cp" DashboardBench.java
java -Xmx1g -cp "$cp:$out/dashboard-classes" DashboardBench "$template" "$runs" "$scenarios" "$out/dashboard"
