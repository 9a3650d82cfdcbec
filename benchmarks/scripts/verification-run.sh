#!/usr/bin/env bash
# Runs VerificationRunBenchmark once: a tenant's registry verification run over many certificates against the
# loopback registry stub, which delays each response. Prints run time, requests/s, certificates/s and peak heap.
#
# Usage: benchmarks/scripts/verification-run.sh [certificates] [maxConcurrentRequests] [responseDelayMs] [requestsPerSecond]
#        (defaults: 100000 16 20 1000)
# Environment: TEZUO_BENCH_DB (default jdbc:postgresql://127.0.0.1:5432/tz_bench_verify; its public schema is
# dropped), JAVA_HOME, HEAP (maximum heap, default 1g).
# Build first: mvn -B -o -pl benchmarks -am package -DskipTests
set -euo pipefail

cd "$(dirname "$0")/../.."
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
db=${TEZUO_BENCH_DB:-jdbc:postgresql://127.0.0.1:5432/tz_bench_verify}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
"$java" -Xmx"${HEAP:-1g}" -Dtezuo.bench.db="$db" \
    -cp benchmarks/target/benchmarks.jar org.tezuo.benchmarks.verification.VerificationRunBenchmark "$@"
