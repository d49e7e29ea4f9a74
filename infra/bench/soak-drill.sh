#!/usr/bin/env bash
# The crash drill on repeat (issue 13's soak): runs CrashDrillIT N times (default 20) against the
# built tree, each with a fresh seed, and prints one line per round and the tally. Not a timed
# test: about 4-6 min per round on 2 cores. Build first (./emo test or mvn -DskipTests install).
#   infra/bench/soak-drill.sh [N] [TEST]     logs in .emo/soak/round-K.log
# TEST defaults to the whole class (both drills); `CrashDrillIT#threeConcurrentRunsSurviveTwoWorkerKillsAndAnApiKill`
# repeats only issue 13's drill (three runs, two worker kills, an API kill), in about half the time.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
N="${1:-20}"
TEST="${2:-CrashDrillIT}"
LOGS="$ROOT/.emo/soak"
mkdir -p "$LOGS"
export EMO_PYTHON="${EMO_PYTHON:-$ROOT/.emo/venv/bin/python}"
pass=0
start=$(date +%s)
for ((k = 1; k <= N; k++)); do
  t0=$(date +%s)
  mvn -o -B verify -pl infra/stack -Dit.test="$TEST" -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
    -Demo.it.required=true > "$LOGS/round-$k.log" 2>&1
  rc=$?
  seed=$(grep -o 'drill: seed [0-9]*' "$LOGS/round-$k.log" | head -1 | awk '{print $3}')
  if (( rc == 0 )); then pass=$((pass + 1)); verdict=pass; else verdict=FAIL; fi
  echo "soak: round $k/$N $verdict in $(( $(date +%s) - t0 )) s (seed ${seed:-?}, log $LOGS/round-$k.log)"
done
echo "soak: $pass/$N rounds of $TEST passed in $(( $(date +%s) - start )) s"
(( pass == N ))
