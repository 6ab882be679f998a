#!/usr/bin/env bash
# Runs the test suite (README's "mvn verify", or the Maven arguments given) with every core kept busy by
# CPU burners (same priority as the build), as on a shared CI runner or a developer's laptop, ROUNDS times in a row (default 3). Tests must not
# depend on an idle machine: timing tests assert what the code decided, with generous bounds.
#   bench/busy.sh                          # mvn -B -ntp verify, 3 rounds
#   ROUNDS=1 bench/busy.sh -pl perf-engine test
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${ROUNDS:-3}"
args=("$@")
if [ ${#args[@]} -eq 0 ]; then args=(verify); fi
burners=()
stop_burners() { for pid in "${burners[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_burners EXIT
for _ in $(seq "$(nproc)"); do
  sh -c 'while :; do :; done' &
  burners+=("$!")
done
echo "busy.sh: $(nproc) CPU burners running; $rounds round(s) of: mvn -B -ntp ${args[*]}"
for round in $(seq "$rounds"); do
  start=$(date +%s)
  if mvn -B -ntp "${args[@]}" > "${TMPDIR:-/tmp}/busy-round-$round.log" 2>&1; then
    echo "round $round: passed in $(( $(date +%s) - start )) s"
  else
    echo "round $round: FAILED in $(( $(date +%s) - start )) s; see ${TMPDIR:-/tmp}/busy-round-$round.log"
    grep -E "Tests run:.*Fail|FAILURE|ERROR\]" "${TMPDIR:-/tmp}/busy-round-$round.log" | head -20
    exit 1
  fi
done
echo "busy.sh: $rounds of $rounds rounds passed with every core busy"
