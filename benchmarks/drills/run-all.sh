#!/usr/bin/env bash
# Runs every fault drill and prints the table of results (drill, tried, passed, details); the same lines are in
# benchmarks/target/drills/results.txt. Each drill starts its own PostgreSQL cluster and app processes on free
# loopback ports and stops them at the end.
#
# Usage, from the repository root:
#   mvn -B -o -q -DskipTests package          # builds ui/target/tezuo.jar
#   benchmarks/drills/run-all.sh
# The registry outage and slow-answer drills are JUnit tests against the loopback registry stub, run here too.
# Environment: SKIP_REGISTRY=1 leaves them out; see lib.sh and each drill for the counts of rounds.
set -euo pipefail
cd "$(dirname "$0")/../.."
source benchmarks/drills/lib.sh
[ -f "$TEZUO_JAR" ] || { echo "build the jar first: mvn -B -o -q -DskipTests package" >&2; exit 2; }
: >"$RESULTS"

# The kill drill spends most of its time waiting for app restarts, so it runs beside the other two. Each drill has
# its own PostgreSQL cluster, ports and files.
failed=0
log "=== kill-drill (beside the others; output in $DRILL_WORK/kill-drill.out)"
bash benchmarks/drills/kill-drill.sh >"$DRILL_WORK/kill-drill.out" 2>&1 &
kill_drill=$!
for drill in two-node-drill pg-restart-drill; do
    log "=== $drill"
    bash "benchmarks/drills/$drill.sh" || { log "$drill stopped with an error"; failed=$((failed + 1)); }
done
wait "$kill_drill" || { log "kill-drill stopped with an error"; tail -20 "$DRILL_WORK/kill-drill.out"; failed=$((failed + 1)); }

if [ "${SKIP_REGISTRY:-0}" != 1 ]; then
    log "=== registry outage and slow answers (JUnit)"
    # The tests need a database of their own on the drill cluster.
    pg_start registry
    out="$DRILL_WORK/registry-tests.log"
    if TEZUO_TEST_DB_URL="$DB_URL" PATH="$JAVA_HOME/bin:$PATH" mvn -B -o -pl platform-core -am test \
            -Dtest='VerificationRunResilienceTest,ResilientCertificateRegistryClientTest' \
            -Dsurefire.failIfNoSpecifiedTests=false >"$out" 2>&1; then :; else failed=$((failed + 1)); fi
    pg_stop
    sed -nE 's/.*Tests run: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+).* -- in (.*)/\4 \1 \2 \3/p' "$out" \
        | while read -r test run failures errors; do
            result "registry: ${test##*.}" "$run" "$((run - failures - errors))" "JUnit, loopback registry stub; $out"
        done
fi

echo
column -t -s $'\t' "$RESULTS"
exit "$failed"
