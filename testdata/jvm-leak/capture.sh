#!/bin/sh
# Captures the class-histogram series in histograms/ from the leaking program in src/:
# one step of work (2000 requests), then `jcmd PID GC.class_histogram`, six times.
# Each file is named by its capture time (UTC), so the series orders the same wherever it is copied.
# Usage: testdata/jvm-leak/capture.sh [OUTDIR]   (JDK 17 or later: javac, java, jcmd on PATH)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/histograms}
classes=$(mktemp -d)
fifo=$classes/in
trap 'rm -rf "$classes"' EXIT
javac -d "$classes" "$here"/src/leak/*.java
mkfifo "$fifo"
java -Xmx256m -cp "$classes" leak.Main <"$fifo" >"$classes/log" &
exec 3>"$fifo"
until grep -q '^ready' "$classes/log" 2>/dev/null; do sleep 0.1; done
pid=$(sed -n 's/^ready //p' "$classes/log")
for step in 1 2 3 4 5 6; do
    echo step >&3
    until grep -q "^step $step " "$classes/log"; do sleep 0.1; done
    jcmd "$pid" GC.class_histogram >"$out/histo-$(date -u +%Y%m%dT%H%M%SZ).txt"
    sleep 1
done
echo quit >&3
wait
