#!/usr/bin/env bash
# Runs a fuzzing campaign over every fuzz target, one after the other, each for DURATION (default 1m;
# e.g. scripts/fuzz-all.sh 10m). Findings land in src/test/resources/<package>/<Class>Inputs/<method>/
# (they then fail `mvn verify` until fixed: keep them as regression tests); the growing corpus in
# .cifuzz-corpus/. Prints one line per target and exits non-zero if any target found something.
set -uo pipefail
duration="${1:-1m}"
cd "$(dirname "$0")/.."
failed=0
while IFS= read -r target; do
  start=$SECONDS
  if JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" mvn -B -ntp -o -q test -Dtest="$target" \
      -Dsurefire.failIfNoSpecifiedTests=false > "target/fuzz-${target//[#\/]/_}.log" 2>&1; then
    echo "$target: no finding in $((SECONDS - start)) s"
  else
    echo "$target: FINDING or failure, see target/fuzz-${target//[#\/]/_}.log"
    failed=1
  fi
done < <(grep -rl '@FuzzTest' src/test/java | sort | while read -r f; do
  cls="$(basename "$f" .java)"
  grep -A1 '@FuzzTest' "$f" | sed -n 's/.*void \([a-zA-Z0-9_]*\)(.*/\1/p' | sed "s/^/$cls#/"
done)
exit $failed
