package org.tezuo.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the machine's 1-minute load average from {@code /proc/loadavg} and the app JVM's heap with {@code jcmd <pid> GC.heap_info} at a fixed interval and keeps the maximum of the
 * used and the committed heap. "Used" includes garbage not yet collected, so its maximum is an upper bound of the
 * live heap; the app's GC log, which the driver turns on, has the heap after each collection.
 */
final class ResourceSampler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResourceSampler.class);
    /** The first line of the heap summary of JDK 25's G1: "total reserved 2097152K, committed 302080K, used 219136K". */
    private static final Pattern HEAP_LINE = Pattern.compile("committed (\\d+)K, used (\\d+)K");

    private final long pid;
    private final Path jcmd;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong maxUsedKib = new AtomicLong();
    private final AtomicLong maxCommittedKib = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong maxLoadAverageHundredths = new AtomicLong();

    /** Starts sampling; a negative {@code pid} samples the load average only, for an app this driver did not start. */
    ResourceSampler(long pid, Duration interval) {
        this.pid = pid;
        this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        scheduler.scheduleAtFixedRate(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    long maxUsedMib() {
        return maxUsedKib.get() / 1024;
    }

    long maxCommittedMib() {
        return maxCommittedKib.get() / 1024;
    }

    double maxLoadAverage() {
        return maxLoadAverageHundredths.get() / 100.0;
    }

    long sampleCount() {
        return samples.get();
    }

    /** Returns the 1-, 5- and 15-minute load averages of the machine, as /proc/loadavg prints them. */
    static String loadAverages() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private void sample() {
        String load = loadAverages();
        if (!load.startsWith("unknown")) {
            maxLoadAverageHundredths.accumulateAndGet(Math.round(Double.parseDouble(load.split(" ")[0]) * 100),
                    Math::max);
        }
        if (pid < 0) {
            return;
        }
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            Matcher matcher = HEAP_LINE.matcher(output);
            if (matcher.find()) {
                maxCommittedKib.accumulateAndGet(Long.parseLong(matcher.group(1)), Math::max);
                maxUsedKib.accumulateAndGet(Long.parseLong(matcher.group(2)), Math::max);
                samples.incrementAndGet();
            } else {
                log.warn("jcmd GC.heap_info of process {} printed no heap summary: {}", pid, output.strip());
            }
        } catch (IOException e) {
            log.warn("jcmd GC.heap_info of process {} failed: {}", pid, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
