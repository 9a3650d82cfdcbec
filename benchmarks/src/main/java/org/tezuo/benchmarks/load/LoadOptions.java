package org.tezuo.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Settings of one load run, read from {@code key=value} arguments.
 *
 * @param users virtual users running at the same time
 * @param duration time after which no virtual user starts another permit; permits in progress are finished
 * @param maxIterations permits to submit in total, over all virtual users; 0 for no bound
 * @param thinkTime mean pause between two steps of a user; each pause is drawn uniformly from 0.5× to 1.5× of it
 * @param rampUp time over which the virtual users start, evenly spread
 * @param finishGrace how long permits in progress may take to finish after {@code duration}
 * @param baseUrl address of a running app; empty when the driver starts {@code appJar} itself
 * @param appJar the packaged app ({@code ui/target/tezuo.jar}) to start on a free port of 127.0.0.1
 * @param appHeap maximum heap of the started app, as for {@code -Xmx}
 * @param appProperties Spring properties for the started app, {@code key:value} pairs separated by commas, such as
 *     {@code spring.datasource.hikari.maximum-pool-size:20}
 * @param databaseUrl the PostgreSQL database the app uses; dropped and created again when the driver starts the app
 * @param databaseUser user of that database
 * @param databasePassword password of that database
 * @param outputDirectory where the app log, the GC log and the report go
 */
record LoadOptions(int users, Duration duration, int maxIterations, Duration thinkTime, Duration rampUp,
        Duration finishGrace, String baseUrl, Path appJar, String appHeap, String appProperties, String databaseUrl, String databaseUser,
        String databasePassword, Path outputDirectory) {

    private static final Set<String> KEYS = Set.of("users", "duration", "maxIterations", "thinkTime", "rampUp",
            "finishGrace", "baseUrl", "appJar", "appHeap", "appProperties", "db", "dbUser", "dbPassword", "out");

    /** Reads {@code key=value} arguments; durations are ISO-8601 ({@code PT10M}) or seconds ({@code 600}). */
    static LoadOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String key = equals < 0 ? arg : arg.substring(0, equals);
            if (equals < 0 || !KEYS.contains(key)) {
                throw new IllegalArgumentException("Invalid argument '" + arg + "': expected key=value with key one of "
                        + KEYS);
            }
            values.put(key, arg.substring(equals + 1));
        }
        return new LoadOptions(
                Integer.parseInt(values.getOrDefault("users", "20")),
                duration(values.getOrDefault("duration", "60")),
                Integer.parseInt(values.getOrDefault("maxIterations", "0")),
                duration(values.getOrDefault("thinkTime", "5")),
                duration(values.getOrDefault("rampUp", "30")),
                duration(values.getOrDefault("finishGrace", "180")),
                values.getOrDefault("baseUrl", ""),
                Path.of(values.getOrDefault("appJar", "ui/target/tezuo.jar")),
                values.getOrDefault("appHeap", "2g"),
                values.getOrDefault("appProperties", ""),
                values.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/tz_load"),
                values.getOrDefault("dbUser", "postgres"),
                values.getOrDefault("dbPassword", ""),
                Path.of(values.getOrDefault("out", "benchmarks/target/load")));
    }

    /** Tells whether the driver starts the app itself. */
    boolean startsApp() {
        return baseUrl.isEmpty();
    }

    /** Tells whether {@code started} more permits may still start. */
    boolean allowsIteration(int started) {
        return maxIterations == 0 || started < maxIterations;
    }

    private static Duration duration(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Missing duration: give seconds (600) or ISO-8601 (PT10M)");
        }
        return text.startsWith("P") ? Duration.parse(text) : Duration.ofMillis(Math.round(Double.parseDouble(text)
                * 1000));
    }
}
