#!/bin/sh
# How long perf:validate takes for the worst inputs, in a 256 MB heap. Needs `mvn install -DskipTests` first.
set -e
cd "$(dirname "$0")"
out=../perf-engine/target/bench
mkdir -p "$out"
(cd ../perf-engine && mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$(pwd)/target/bench/classpath.txt" >/dev/null)
cp="$(cat "$out/classpath.txt"):$(cd .. && pwd)/perf-engine/target/classes"
java -Xmx256m -cp "$cp" ValidateBench.java
