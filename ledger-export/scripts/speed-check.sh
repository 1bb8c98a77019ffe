#!/usr/bin/env bash
# Speed check of `ledger-export aggregate` (issue 4): a ledger of 1,000,000 calls must aggregate in
# under 10 s of wall time with a 1 GiB heap on 2 cores. Not a unit test (timings have no place there):
# run it by hand and read the numbers.
#
#   ledger-export/scripts/speed-check.sh [CALLS] [DIR]
#
# Builds harness-core and ledger-export (tests skipped, test classes compiled), writes a deterministic
# ledger of CALLS calls (default 1000000, about 600 MB) with the test-scope GenerateLedger, then runs the
# shaded jar with -Xmx1g (the heap bound: it would fail with OutOfMemoryError above it) and 2 processors,
# under /usr/bin/time -v when present (wall time, max RSS), and keeps a GC log beside the report.
# Files go to DIR (default: $TMPDIR or /tmp): inferbench-speed.jsonl, .md, -gc.log.
set -euo pipefail

calls="${1:-1000000}"
dir="${2:-${TMPDIR:-/tmp}}"
cd "$(dirname "$0")/../.."

ledger="$dir/inferbench-speed.jsonl"
report="$dir/inferbench-speed.md"
gclog="$dir/inferbench-speed-gc.log"

./mvnw -B -q -pl harness-core,ledger-export -am package -DskipTests

rm -f "$ledger"
java -cp ledger-export/target/test-classes:ledger-export/target/ledger-export.jar \
    org.inferbench.export.testing.GenerateLedger "$ledger" "$calls"
ls -l "$ledger"

run=(java -Xmx1g -XX:ActiveProcessorCount=2 "-Xlog:gc:file=$gclog"
     -jar ledger-export/target/ledger-export.jar aggregate "$ledger" -o "$report")
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "${run[@]}" 2>&1 | grep -E 'Elapsed|Maximum resident|User time|System time|Exit status'
else
    time "${run[@]}"
fi
echo "GC: $(grep -c 'Pause' "$gclog") pauses; last: $(tail -n 1 "$gclog")"
echo "report: $report ($(wc -l < "$report") lines)"
