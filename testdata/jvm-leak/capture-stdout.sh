#!/bin/sh
# Captures stdout/service-TIME.log: the standard output of the leaking program in src/ run with
# -XX:+PrintClassHistogram, where `kill -3` writes a thread dump and then a class histogram between
# the program's own lines. One step of work (2000 requests), kill -3, two more steps, kill -3 again;
# the file is named by the time of the second (UTC), the histogram that counts.
# Usage: testdata/jvm-leak/capture-stdout.sh [OUTDIR]   (JDK 17 or later: javac, java on PATH)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/stdout}
classes=$(mktemp -d)
fifo=$classes/in
log=$classes/stdout
trap 'rm -rf "$classes"' EXIT
javac -d "$classes" "$here"/src/leak/*.java
mkfifo "$fifo"
java -Xmx256m -XX:+PrintClassHistogram -cp "$classes" leak.Main <"$fifo" >"$log" 2>&1 &
exec 3>"$fifo"
until grep -q '^ready' "$log" 2>/dev/null; do sleep 0.1; done
pid=$(sed -n 's/^ready //p' "$log")
dump() { # kill -3, then wait for its histogram's Total line
    kill -3 "$pid"
    until [ "$(grep -c '^Total' "$log")" -ge "$1" ]; do sleep 0.1; done
}
step() {
    echo step >&3
    until grep -q "^step $1 " "$log"; do sleep 0.1; done
}
step 1
dump 1
step 2
step 3
dump 2
time=$(date -u +%Y%m%dT%H%M%SZ)
echo quit >&3
wait
cp "$log" "$out/service-$time.log"
