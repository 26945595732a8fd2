#!/usr/bin/env bash
# JMH microbenchmarks of the inner loops: bench/jmh.sh [TIER] [JMH options...]
# Generates the tier (default M) with ../shared/bench/genprofile.py if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
tier="${1:-M}"; shift || true
mkdir -p bench/out; [[ -f "bench/out/$tier.cur.pb.gz" ]] || python3 ../shared/bench/genprofile.py --tier "$tier" --seed 1 --pair "bench/out/$tier"
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main \
  PipelineBenchmark -p file="bench/out/$tier.cur.pb.gz" "$@"
