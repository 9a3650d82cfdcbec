package org.tezuo.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the figures of one load run as a Markdown fragment ({@code load-report.md} in the output directory) for
 * docs/benchmarks.md, and prints it. The goals are those of the load target: no errors, no lost or duplicated
 * permit, p95 round trip under 300 ms, heap under 2 GiB.
 */
final class LoadReport {

    static final double P95_GOAL_MILLIS = 300;
    static final long HEAP_GOAL_MIB = 2048;

    /** Everything the report shows; {@code elapsed} is from the first virtual user's start to the last one's end. */
    record Figures(LoadOptions options, String arguments, Duration elapsed, int permitsStarted,
            List<Recorder.Summary> latencies, long requests, long errors, Map<String, Long> errorsByStatus,
            List<String> errorSamples, PermitVerifier.Result verification, long maxHeapUsedMib,
            long maxHeapCommittedMib, long heapSamples, boolean appExited, String loadAverageBefore,
            double maxLoadAverage, String loadAverageAfter) {
    }

    private LoadReport() {
    }

    /** Writes the report and returns whether every goal was met. */
    static boolean write(Figures figures) throws IOException {
        String text = render(figures);
        System.out.println(text);
        Path file = figures.options().outputDirectory().resolve("load-report.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return met(figures);
    }

    private static boolean met(Figures figures) {
        return figures.errors() == 0 && figures.verification().passed() && allRequests(figures).p95() < P95_GOAL_MILLIS
                && figures.maxHeapUsedMib() < HEAP_GOAL_MIB && !figures.appExited();
    }

    private static Recorder.Summary allRequests(Figures figures) {
        return figures.latencies().getLast();
    }

    private static String render(Figures figures) {
        LoadOptions options = figures.options();
        double seconds = figures.elapsed().toMillis() / 1000.0;
        PermitVerifier.Result verification = figures.verification();
        StringBuilder text = new StringBuilder();
        text.append("Driver arguments: `").append(figures.arguments()).append("`\n\n");
        text.append(format("%d virtual users, think time %s s (uniform 0.5× to 1.5×), ramp-up %s s, planned duration "
                + "%s s, measured %.0f s (permits in progress at the end were finished). Load average: %s before, "
                + "%.2f max (1 min, sampled every 5 s), %s after.%n%n", options.users(),
                options.thinkTime().toMillis() / 1000.0, options.rampUp().toSeconds(), options.duration().toSeconds(),
                seconds, figures.loadAverageBefore(), figures.maxLoadAverage(), figures.loadAverageAfter()));
        text.append(format("Permits started %d, created %d, issued %d (%.2f issued/s); requests %d (%.1f/s); failed "
                + "requests %d.%n%n", figures.permitsStarted(), verification.created(), verification.issued(),
                verification.issued() / seconds, figures.requests(), figures.requests() / seconds, figures.errors()));

        text.append("| Step (client round trip on loopback, ms) | Requests | p50 | p95 | p99 | max |\n");
        text.append("|---|---|---|---|---|---|\n");
        for (Recorder.Summary summary : figures.latencies()) {
            text.append(format("| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", summary.step(), summary.count(),
                    summary.p50(), summary.p95(), summary.p99(), summary.max()));
        }
        text.append('\n');

        if (figures.errorsByStatus().isEmpty()) {
            text.append("Failed requests: none.\n\n");
        } else {
            text.append("Failed requests by step and status:\n\n");
            figures.errorsByStatus().forEach((key, count) -> text.append("- ").append(key).append(": ").append(count)
                    .append('\n'));
            text.append("\nFirst failures:\n\n");
            figures.errorSamples().forEach(sample -> text.append("- `").append(sample.replace('`', '\'').replace('\n',
                    ' ')).append("`\n"));
            text.append('\n');
        }

        text.append(format("Database check: %d created, %d issued as the driver saw them, status of created permits "
                + "%s; lost %s, ids returned twice %s, permits the driver never created %s, issued permits that "
                + "differ %s, duplicate permit numbers %s.%n%n", verification.created(), verification.issued(),
                verification.statesOfCreated(), verification.lost(), verification.duplicateIds(),
                verification.unexpected(), verification.wrongState(), verification.duplicateNumbers()));

        text.append(format("Heap of the app (`jcmd GC.heap_info`, %d samples, -Xmx%s): max used %d MiB, max committed "
                + "%d MiB%s.%n%n", figures.heapSamples(), options.appHeap(), figures.maxHeapUsedMib(),
                figures.maxHeapCommittedMib(), figures.appExited() ? "; THE APP EXITED DURING THE RUN" : ""));

        Recorder.Summary all = allRequests(figures);
        text.append("| Goal | Target | Measured | Measured / target | Met |\n|---|---|---|---|---|\n");
        text.append(goal("Failed requests", "0", Long.toString(figures.errors()), "—", figures.errors() == 0));
        text.append(goal("Lost or duplicated permits", "0", Integer.toString(verification.lost().size()
                + verification.duplicateIds().size() + verification.unexpected().size()
                + verification.duplicateNumbers().size() + verification.wrongState().size()), "—",
                verification.passed()));
        text.append(goal("p95 round trip, all requests", "< 300 ms", format("%.1f ms", all.p95()),
                format("%.2f", all.p95() / P95_GOAL_MILLIS), all.p95() < P95_GOAL_MILLIS));
        text.append(goal("Max heap used", "< 2,048 MiB", figures.maxHeapUsedMib() + " MiB",
                format("%.2f", figures.maxHeapUsedMib() / (double) HEAP_GOAL_MIB),
                figures.maxHeapUsedMib() < HEAP_GOAL_MIB && !figures.appExited()));
        text.append(format("%nAll goals met: %s.%n", met(figures) ? "yes" : "no"));
        return text.toString();
    }

    private static String goal(String name, String target, String measured, String ratio, boolean met) {
        return "| " + name + " | " + target + " | " + measured + " | " + ratio + " | " + (met ? "yes" : "no") + " |\n";
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
