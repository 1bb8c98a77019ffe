#!/usr/bin/env bash
# Speed check of `ledger-export ship` (issue 12): a ledger of 1,000,000 calls shipped to a real single-node
# OpenSearch 2.19 through _bulk, with the command's wall time and peak memory. Not a unit test (timings have
# no place there): run it by hand and read the numbers.
#
#   ledger-export/scripts/ship-speed.sh [CALLS] [DIR]
#
# Builds harness-core and ledger-export (tests skipped, test classes compiled), writes a deterministic ledger
# of CALLS calls (default 1000000, about 600 MB) with the test-scope GenerateLedger, starts the test's
# OpenSearch node in its own JVM (SearchNodeMain, 1 GiB heap, loopback, data under DIR), then runs the shaded
# jar's `ship` with -Xmx256m (the heap bound: the ledger is streamed, never held) under /usr/bin/time -v
# (wall time, max RSS), and counts the documents the node holds afterwards. Both JVMs share the machine.
# Files go to DIR (default: $TMPDIR or /tmp): inferbench-ship.jsonl, inferbench-ship-node/, -gc.log.
set -euo pipefail

calls="${1:-1000000}"
dir="${2:-${TMPDIR:-/tmp}}"
cd "$(dirname "$0")/../.."

ledger="$dir/inferbench-ship.jsonl"
gclog="$dir/inferbench-ship-gc.log"
nodedir="$dir/inferbench-ship-node"
classpath=ledger-export/target/ship-speed.classpath

./mvnw -B -q -pl harness-core,ledger-export -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/ship-speed.classpath -Dmdep.includeScope=test

rm -f "$ledger"
java -cp ledger-export/target/test-classes:ledger-export/target/ledger-export.jar \
    org.inferbench.export.testing.GenerateLedger "$ledger" "$calls"
ls -l "$ledger"

# The node reads its standard input until it closes: a FIFO held open by this script, closed on exit.
rm -rf "$nodedir" && mkdir -p "$nodedir"
fifo="$nodedir/stdin" && mkfifo "$fifo"
java -Xmx1g -cp "ledger-export/target/test-classes:ledger-export/target/classes:$(cat "$classpath")" \
    org.inferbench.export.search.SearchNodeMain "$nodedir" < "$fifo" > "$nodedir/node.out" 2>&1 &
node_pid=$!
exec 3> "$fifo"
trap 'exec 3>&-; wait "$node_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    grep -q '^url: ' "$nodedir/node.out" 2>/dev/null && break
    kill -0 "$node_pid" 2>/dev/null || { cat "$nodedir/node.out"; exit 1; }
    sleep 1
done
url="$(sed -n 's/^url: //p' "$nodedir/node.out")"
[ -n "$url" ] || { echo "the node did not start in 120 s"; cat "$nodedir/node.out"; exit 1; }
echo "node: $url"

run=(java -Xmx256m "-Xlog:gc:file=$gclog" -jar ledger-export/target/ledger-export.jar ship "$ledger" --to "$url"
     --index-prefix speed)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "${run[@]}" 2>&1 | grep -E 'shipped|Elapsed|Maximum resident|User time|System time|Exit status'
else
    time "${run[@]}"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
echo "GC: $(grep -c 'Pause' "$gclog") pauses; last: $(tail -n 1 "$gclog")"
curl -s -XPOST "$url/speed-*/_refresh" > /dev/null
echo "documents in the store: $(curl -s "$url/speed-*/_count")"
