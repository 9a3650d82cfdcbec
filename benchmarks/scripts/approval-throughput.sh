#!/usr/bin/env bash
# Runs ApprovalThroughputBenchmark in interleaved rounds and prints permits/s, the Java CPU time per permit and
# the Tezuo/raw Flowable ratio for each thread count.
#
# Each round runs one JMH fork of rawFlowable and one of tezuo for every thread count, so a change in the load of
# a shared machine falls on both benchmarks alike instead of on whichever JMH would have run second.
#
# Usage: benchmarks/scripts/approval-throughput.sh [rounds] [thread counts...]   (defaults: 3 rounds, 1 and 2)
# Environment: TEZUO_BENCH_DB (default jdbc:postgresql://127.0.0.1:5432/tz_bench; its public schema is dropped),
# JAVA_HOME, OUT (result directory, default benchmarks/target/approval-throughput).
# Build first: mvn -B -o -pl benchmarks -am package -DskipTests
set -euo pipefail

cd "$(dirname "$0")/../.."
rounds=${1:-3}
shift || true
threads=("${@:-1 2}")
read -r -a threads <<< "${threads[*]}"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
db=${TEZUO_BENCH_DB:-jdbc:postgresql://127.0.0.1:5432/tz_bench}
out=${OUT:-benchmarks/target/approval-throughput}
mkdir -p "$out"

for round in $(seq 1 "$rounds"); do
    for t in "${threads[@]}"; do
        for benchmark in rawFlowable tezuo; do
            echo "round $round, $t thread(s), $benchmark, load average $(cut -d' ' -f1-3 /proc/loadavg)"
            "$java" -Dtezuo.bench.db="$db" -jar benchmarks/target/benchmarks.jar \
                "ApprovalThroughputBenchmark.$benchmark\$" -f 1 -wi 4 -w 5s -i 5 -r 5s -t "$t" \
                -rf json -rff "$out/$benchmark-t$t-r$round.json" > "$out/$benchmark-t$t-r$round.log" 2>&1
        done
    done
done

python3 - "$out" <<'PY'
import glob, json, statistics, sys
from math import sqrt

# Two-sided 99.9 % Student t quantiles, as JMH prints its error margins.
T999 = {4: 8.610, 9: 4.781, 14: 4.140, 19: 3.883, 24: 3.745, 29: 3.659, 39: 3.551, 49: 3.496}

def t_quantile(df):
    return T999[min((k for k in T999 if k >= df), default=49)]

results = {}
for path in sorted(glob.glob(f"{sys.argv[1]}/*.json")):
    try:
        runs = json.load(open(path))
    except ValueError:
        print(f"skipped {path}: no JMH result, see the .log file next to it")
        continue
    for run in runs:
        name = run["benchmark"].rsplit(".", 1)[1]
        entry = results.setdefault((run["threads"], name), {"scores": [], "cpu": 0, "permits": 0})
        entry["scores"] += [s for fork in run["primaryMetric"]["rawData"] for s in fork]
        secondary = run["secondaryMetrics"]
        entry["cpu"] += sum(s for fork in secondary["cpuMicros"]["rawData"] for s in fork)
        entry["permits"] += sum(s for fork in secondary["permits"]["rawData"] for s in fork)

print(f"{'threads':>7} {'benchmark':>12} {'permits/s':>10} {'± 99.9 %':>9} {'n':>3} {'CPU ms/permit':>14}")
for (threads, name), entry in sorted(results.items()):
    scores = entry["scores"]
    mean = statistics.mean(scores)
    error = t_quantile(len(scores) - 1) * statistics.stdev(scores) / sqrt(len(scores)) if len(scores) > 1 else 0
    entry["mean"] = mean
    print(f"{threads:>7} {name:>12} {mean:>10.1f} {error:>9.1f} {len(scores):>3} "
          f"{entry['cpu'] / entry['permits'] / 1000:>14.2f}")
for threads in sorted({t for t, _ in results}):
    raw, tezuo = results.get((threads, "rawFlowable")), results.get((threads, "tezuo"))
    if raw and tezuo:
        print(f"{threads} thread(s): Tezuo/raw cost per permit {raw['mean'] / tezuo['mean']:.2f} by throughput, "
              f"{tezuo['cpu'] / tezuo['permits'] / (raw['cpu'] / raw['permits']):.2f} by Java CPU time")
PY
