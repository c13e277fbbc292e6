#!/usr/bin/env bash
# npm run test:stress: proves the node and renderer layers do not depend on the machine's speed.
# Not part of CI (it takes several times as long as the layers themselves). Two runs, both must pass:
#   1. the main and renderer projects pinned to one core (taskset -c 0);
#   2. two copies of the same projects at once, each competing with the other for the cores.
# Prints each run's wall time and result, and exits non-zero if any run failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1

command -v taskset >/dev/null 2>&1 || {
  echo 'taskset is missing (Debian package util-linux): apt-get install -y util-linux' >&2
  exit 1
}
mkdir -p reports/stress
projects=(--project main --project renderer)

# One vitest run; its JSON report goes to reports/stress/<name>.json, its output to <name>.log.
run() {
  local name=$1
  shift
  "$@" npx vitest run "${projects[@]}" --reporter=dot --reporter=json \
    --outputFile.json="reports/stress/$name.json" >"reports/stress/$name.log" 2>&1
}

report() {
  local name=$1 status=$2 started=$3
  local summary
  summary=$(node scripts/vitest-summary.mjs "reports/stress/$name.json" 2>/dev/null | head -1)
  printf '%-22s %s  %4ds  %s\n' "$name" "$([ "$status" = 0 ] && echo green || echo RED)" \
    "$(($(date +%s) - started))" "${summary:-no report}"
}

failed=0
started=$(date +%s)
run one-core taskset -c 0
status=$?
report one-core "$status" "$started"
((status)) && failed=1

started=$(date +%s)
run side-by-side-a &
first=$!
run side-by-side-b &
second=$!
wait "$first"
status_a=$?
wait "$second"
status_b=$?
report side-by-side-a "$status_a" "$started"
report side-by-side-b "$status_b" "$started"
((status_a || status_b)) && failed=1

((failed)) && echo 'Stress: a run failed; its log is in reports/stress/.' >&2
exit $failed
