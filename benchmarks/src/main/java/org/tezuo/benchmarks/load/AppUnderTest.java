package org.tezuo.benchmarks.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app the load runs against: either one already running at a given address, or the packaged jar started here
 * on a free port of 127.0.0.1 against a freshly created PostgreSQL database, with the demo tenant and a capped heap.
 */
final class AppUnderTest implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AppUnderTest.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final URI baseUrl;
    private final @Nullable Process process;

    private AppUnderTest(URI baseUrl, @Nullable Process process) {
        this.baseUrl = baseUrl;
        this.process = process;
    }

    /** Starts the app or targets the running one, and returns once the demo users can call the API. */
    static AppUnderTest startOrTarget(LoadOptions options, HttpClient http, String password)
            throws IOException, SQLException, InterruptedException {
        if (!options.startsApp()) {
            AppUnderTest app = new AppUnderTest(URI.create(options.baseUrl()), null);
            app.awaitDemoUsers(http, password);
            return app;
        }
        recreateDatabase(options);
        int port = freePort();
        Process process = start(options, port);
        AppUnderTest app = new AppUnderTest(URI.create("http://127.0.0.1:" + port), process);
        log.info("Started the app as process {} on port {}; its log is {}", process.pid(), port,
                options.outputDirectory().resolve("app.log"));
        try {
            app.awaitDemoUsers(http, password);
        } catch (IOException | InterruptedException | RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** Returns the process id of the app when this driver started it. */
    @Nullable Long pid() {
        return process == null ? null : process.pid();
    }

    /** Tells whether the started app has exited, for example because its heap ran out. */
    boolean exited() {
        return process != null && !process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            log.warn("The app (process {}) did not stop within {}; killing it", process.pid(), STOP_TIMEOUT);
            process.destroyForcibly().waitFor();
        }
    }

    private static Process start(LoadOptions options, int port) throws IOException {
        Path out = options.outputDirectory().toAbsolutePath();
        Files.createDirectories(out.resolve("data"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // NOTE: productionMode because the offline Maven repository lacks vaadin-maven-plugin, so the jar holds no
        // frontend bundle and no dev server. The REST API does not need either, the Vaadin screens do.
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + options.appHeap(),
                "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + out.resolve("gc.log"),
                "-Dvaadin.productionMode=true", "-Dserver.address=127.0.0.1"));
        for (String property : options.appProperties().split(",")) {
            if (!property.isBlank()) {
                command.add("-D" + property.strip().replaceFirst(":", "="));
            }
        }
        command.addAll(List.of("-jar", options.appJar().toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(Map.of(
                "TEZUO_DB_URL", options.databaseUrl(),
                "TEZUO_DB_USER", options.databaseUser(),
                "TEZUO_DB_PASSWORD", options.databasePassword(),
                "TEZUO_PORT", Integer.toString(port),
                "TEZUO_DATA_DIR", out.resolve("data").toString(),
                "TEZUO_DEMO", "true"));
        builder.redirectErrorStream(true).redirectOutput(out.resolve("app.log").toFile());
        return builder.start();
    }

    /** Drops and creates the app's database, connected to the server's {@code postgres} database. */
    private static void recreateDatabase(LoadOptions options) throws SQLException {
        String url = options.databaseUrl();
        int slash = url.lastIndexOf('/');
        String name = url.substring(slash + 1).replaceAll("\\?.*", "");
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Invalid database name '" + name + "' in " + url
                    + ": use lower-case letters, digits and underscores");
        }
        try (Connection connection = DriverManager.getConnection(url.substring(0, slash + 1) + "postgres",
                options.databaseUser(), options.databasePassword());
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        log.info("Created database {} afresh", name);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the last demo user the seeder creates can call the API. */
    private void awaitDemoUsers(HttpClient http, String password) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString(("worker:" + password)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/api/me"))
                .header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(10)).GET().build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (exited()) {
                throw new IllegalStateException("The app exited with status " + process.exitValue()
                        + " during start; see app.log in the output directory");
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                log.debug("App not answering yet: {}", e.toString());
            }
            Thread.sleep(2000);
        }
        throw new IOException("The demo user 'worker' could not call " + baseUrl + "/api/me within " + START_TIMEOUT);
    }
}
