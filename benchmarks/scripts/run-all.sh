#!/usr/bin/env bash
# Builds the benchmarks and runs all of them: the JMH benchmarks, the approval-throughput and verification-run
# scripts and the main-job load driver. Then it writes the generated section of docs/benchmarks.md (between the
# "run-all" markers) with the command, the machine, the figures and their ratios to the goals. Earlier sections of
# that page are kept.
#
# Usage: benchmarks/scripts/run-all.sh
# Environment (defaults in brackets):
#   JMH_OPTS        JMH settings of every JMH benchmark         [-f 1 -wi 2 -w 2s -i 3 -r 2s]
#   JMH_PATTERNS    JMH benchmarks to run, space-separated       [RiskEvaluationBenchmark FormValidationBenchmark
#                                                                 FormRenderBenchmark org.tezuo.core.query]
#   APPROVAL_ROUNDS rounds of approval-throughput.sh, 0 skips it [1]
#   APPROVAL_THREADS thread counts of approval-throughput.sh    [1 2]
#   VERIFY_CERTS    certificates of verification-run.sh, 0 skips [10000]
#   USERS           virtual users of the load driver, 0 skips    [20]
#   DURATION        seconds during which the load driver starts new permits [60]
#   THINK           mean think time of a virtual user in seconds [5]
#   LOAD_ARGS       further key=value arguments of the load driver, see LoadOptions
#   DB_PREFIX       prefix of the PostgreSQL databases on 127.0.0.1:5432, each dropped and created [tz_bench]
#   SKIP_BUILD      1 skips the Maven build                       [0]
#   DOC             page to update                                [docs/benchmarks.md]
# The load driver needs the app jar ui/target/tezuo.jar, which the build makes.
set -euo pipefail

cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
jmh_opts=${JMH_OPTS:--f 1 -wi 2 -w 2s -i 3 -r 2s}
read -r -a patterns <<< "${JMH_PATTERNS:-RiskEvaluationBenchmark FormValidationBenchmark FormRenderBenchmark org.tezuo.core.query}"
approval_rounds=${APPROVAL_ROUNDS:-1}
read -r -a approval_threads <<< "${APPROVAL_THREADS:-1 2}"
verify_certs=${VERIFY_CERTS:-10000}
users=${USERS:-20}
duration=${DURATION:-60}
think=${THINK:-5}
prefix=${DB_PREFIX:-tz_bench}
doc=${DOC:-docs/benchmarks.md}
out=benchmarks/target/run-all
rm -rf "$out"
mkdir -p "$out"
command_line="$0 (JMH_OPTS='$jmh_opts' JMH_PATTERNS='${patterns[*]}' APPROVAL_ROUNDS=$approval_rounds APPROVAL_THREADS='${approval_threads[*]}' VERIFY_CERTS=$verify_certs USERS=$users DURATION=$duration THINK=$think ${LOAD_ARGS:+LOAD_ARGS='$LOAD_ARGS'})"

fresh_db() { # name
    psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $1 with (force)" -c "create database $1"
}

{
    echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "nproc=$(nproc)"
    echo "memory=$(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
    echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
    echo "jdk=$(java -version 2>&1 | head -1)"
    echo "postgres=$(psql -h 127.0.0.1 -U postgres -Atc 'show server_version')"
    echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    mvn -B -o -q -pl benchmarks -am package -DskipTests
fi

for pattern in "${patterns[@]}"; do
    name=${pattern##*.}
    echo "JMH $pattern, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    extra=()
    if [ "$pattern" = org.tezuo.core.query ]; then
        fresh_db "${prefix}_query"
        extra=(-Dtezuo.bench.db="jdbc:postgresql://127.0.0.1:5432/${prefix}_query")
    fi
    # shellcheck disable=SC2086
    java "${extra[@]}" -jar benchmarks/target/benchmarks.jar "$pattern" $jmh_opts \
        -rf json -rff "$out/jmh-$name.json" > "$out/jmh-$name.log" 2>&1 \
        || echo "JMH $pattern failed, see $out/jmh-$name.log"
done

if [ "$approval_rounds" -gt 0 ]; then
    fresh_db "${prefix}_approval"
    TEZUO_BENCH_DB="jdbc:postgresql://127.0.0.1:5432/${prefix}_approval" OUT="$out/approval" \
        benchmarks/scripts/approval-throughput.sh "$approval_rounds" "${approval_threads[@]}" > "$out/approval.txt" \
        2> "$out/approval.err" \
        || echo "approval-throughput.sh failed, see $out/approval.txt and approval.err"
fi

if [ "$verify_certs" -gt 0 ]; then
    fresh_db "${prefix}_verify"
    TEZUO_BENCH_DB="jdbc:postgresql://127.0.0.1:5432/${prefix}_verify" \
        benchmarks/scripts/verification-run.sh "$verify_certs" > "$out/verification.txt" 2> "$out/verification.err" \
        || echo "verification-run.sh failed, see $out/verification.txt and verification.err"
fi

if [ "$users" -gt 0 ]; then
    echo "load driver, $users users for $duration s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    # shellcheck disable=SC2086
    java -cp benchmarks/target/benchmarks.jar org.tezuo.benchmarks.load.LoadDriver users="$users" \
        duration="$duration" thinkTime="$think" db="jdbc:postgresql://127.0.0.1:5432/${prefix}_load" \
        out="$out/load" ${LOAD_ARGS:-} > "$out/load.log" 2>&1 \
        || echo "the load driver reported missed goals or failed, see $out/load.log"
fi
echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"

python3 benchmarks/scripts/write-results.py "$out" "$doc" "$command_line"
echo "updated $doc"
