package org.tezuo.benchmarks.load;

import ch.qos.logback.classic.Level;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the main job with many concurrent virtual users against the app on 127.0.0.1 and PostgreSQL, then checks
 * the permits in the database and writes the report. Arguments are {@code key=value}, see {@link LoadOptions};
 * for example {@code users=200 duration=600 thinkTime=5}. Exits with 0 when every goal was met, 1 when not.
 *
 * <p>All virtual users share the eight demo logins, because the demo tenant has one user per role and the
 * qualification gate needs applicants and workers with valid certificates in the ledger.
 */
public final class LoadDriver {

    private static final Logger log = LoggerFactory.getLogger(LoadDriver.class);
    private static final String DEMO_PASSWORD = "Demo@2026";
    private static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(5);

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        LoadOptions options = LoadOptions.parse(args);
        Files.createDirectories(options.outputDirectory());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        boolean met;
        try (AppUnderTest app = AppUnderTest.startOrTarget(options, http, DEMO_PASSWORD)) {
            met = run(options, String.join(" ", args), app, http);
        }
        System.exit(met ? 0 : 1);
    }

    private static boolean run(LoadOptions options, String arguments, AppUnderTest app, HttpClient http)
            throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        Recorder recorder = new Recorder();
        PermitVerifier verifier = new PermitVerifier(options);
        long highestIdBefore = verifier.highestPermitId();
        PermitScenario scenario = new PermitScenario(new ApiClient(http, app.baseUrl(), DEMO_PASSWORD, json, recorder),
                new HotWorkPermitData(json, Clock.systemUTC()));
        Queue<Long> created = new ConcurrentLinkedQueue<>();
        Queue<PermitScenario.Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicInteger iterations = new AtomicInteger();
        String loadBefore = ResourceSampler.loadAverages();
        Long pid = app.pid();
        ResourceSampler sampler = new ResourceSampler(pid == null ? -1 : pid, SAMPLE_INTERVAL);

        log.info("Starting {} virtual users for {} against {}", options.users(), options.duration(), app.baseUrl());
        Instant start = Instant.now();
        Instant endOfRun = start.plus(options.duration());
        try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int number = 0; number < options.users(); number++) {
                Duration delay = options.rampUp().multipliedBy(number).dividedBy(options.users());
                users.submit(new VirtualUser(number, scenario, options, delay, endOfRun, iterations, created,
                        outcomes));
            }
            users.shutdown();
            Duration limit = options.duration().plus(options.finishGrace());
            if (!users.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Virtual users still busy {} after the start; interrupting them", limit);
                users.shutdownNow();
            }
        }
        Duration elapsed = Duration.between(start, Instant.now());
        sampler.close();
        log.info("Virtual users finished after {}; checking the database", elapsed);

        PermitVerifier.Result verification = verifier.verify(highestIdBefore, created, outcomes);
        return LoadReport.write(new LoadReport.Figures(options, arguments, elapsed,
                Math.min(iterations.get(), options.maxIterations() == 0 ? Integer.MAX_VALUE : options.maxIterations()),
                recorder.summaries(), recorder.requestCount(), recorder.errorCount(), recorder.errorsByStatus(),
                recorder.errorSamples(), verification, sampler.maxUsedMib(), sampler.maxCommittedMib(),
                sampler.sampleCount(), app.exited(), loadBefore, sampler.maxLoadAverage(),
                ResourceSampler.loadAverages()));
    }
}
