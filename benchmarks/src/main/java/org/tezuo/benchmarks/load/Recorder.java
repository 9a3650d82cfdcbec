package org.tezuo.benchmarks.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects the round-trip time of every request by step, and every failed request by step and HTTP status. Safe for
 * many virtual users at once.
 */
final class Recorder {

    /** Latencies of one step in microseconds, in arrival order. */
    private static final class Samples {
        private long[] micros = new long[1024];
        private int size;

        synchronized void add(long value) {
            if (size == micros.length) {
                micros = Arrays.copyOf(micros, size * 2);
            }
            micros[size++] = value;
        }

        synchronized long[] snapshot() {
            return Arrays.copyOf(micros, size);
        }
    }

    /** Percentiles of one step, or of all steps together, in milliseconds. */
    record Summary(String step, int count, double p50, double p95, double p99, double max) {
    }

    private static final int MAX_ERROR_SAMPLES = 20;

    private final Map<String, Samples> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final List<String> errorSamples = new ArrayList<>();

    void record(String step, long nanos) {
        latencies.computeIfAbsent(step, ignored -> new Samples()).add(nanos / 1000);
    }

    /** Counts a failed request; {@code status} is the HTTP status, or 0 when no response came. */
    void recordError(String step, int status, String detail) {
        errors.computeIfAbsent(step + " " + (status == 0 ? "no response" : "HTTP " + status), ignored -> new AtomicLong())
                .incrementAndGet();
        synchronized (errorSamples) {
            if (errorSamples.size() < MAX_ERROR_SAMPLES) {
                errorSamples.add(step + " " + status + ": " + detail);
            }
        }
    }

    long requestCount() {
        return latencies.values().stream().mapToLong(samples -> samples.snapshot().length).sum();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Returns failed requests by step and status, sorted by that key. */
    Map<String, Long> errorsByStatus() {
        Map<String, Long> sorted = new TreeMap<>();
        errors.forEach((key, count) -> sorted.put(key, count.get()));
        return sorted;
    }

    List<String> errorSamples() {
        synchronized (errorSamples) {
            return List.copyOf(errorSamples);
        }
    }

    /** Returns one summary per step in step order, then the summary over all requests under the name "all". */
    List<Summary> summaries() {
        List<Summary> summaries = new ArrayList<>();
        List<long[]> all = new ArrayList<>();
        new TreeMap<>(latencies).forEach((step, samples) -> {
            long[] micros = samples.snapshot();
            all.add(micros);
            summaries.add(summarize(step, micros));
        });
        long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
        summaries.add(summarize("all", merged));
        return summaries;
    }

    private static Summary summarize(String step, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return new Summary(step, sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1000.0;
    }
}
