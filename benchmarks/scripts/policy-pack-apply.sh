#!/usr/bin/env bash
# Runs PackApplyBenchmark once: two app nodes (Spring contexts) on one PostgreSQL database; node 1 applies a signed
# pack whose ruleset has 1,000 rules, and the driver measures until the first evaluation on node 1 and on node 2 uses
# the new thresholds. Then it restarts node 2 and measures until its first evaluation, for comparison.
#
# Usage: benchmarks/scripts/policy-pack-apply.sh [rounds] [rules]   (defaults: 10 1000)
# Environment: TEZUO_BENCH_DB (default jdbc:postgresql://127.0.0.1:5432/tz_bench_packs; tables are created when
# missing and each run adds a tenant), JAVA_HOME, HEAP (maximum heap, default 1g).
# Build first: mvn -B -o -pl benchmarks -am package -DskipTests
set -euo pipefail

cd "$(dirname "$0")/../.."
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
db=${TEZUO_BENCH_DB:-jdbc:postgresql://127.0.0.1:5432/tz_bench_packs}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
"$java" -Xmx"${HEAP:-1g}" -Dtezuo.bench.db="$db" \
    -cp benchmarks/target/benchmarks.jar org.tezuo.benchmarks.pack.PackApplyBenchmark "$@"
