package org.tezuo.core.connector.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback stand-in for the national certificate registry, serving in-memory records in the shape that
 * {@link HttpCertificateRegistryClient} reads. The demo mode of the app fills it with demo records; tests switch
 * its {@link Behaviour} to make it fail, hang or return garbage, delay every response or fail the next few requests,
 * and the verification benchmark uses the delay to stand in for a distant registry. Binds to 127.0.0.1 only.
 */
public final class RegistryStubServer implements AutoCloseable {

    /** The stub's response mode, applied to every request until switched again. */
    public enum Behaviour {
        /** Responds from the stored records: 200 with the record, 404 when unknown. */
        NORMAL,
        /** Responds with 500. */
        SERVER_ERROR,
        /** Sends no response until the stub is switched back or closed (at most 10 minutes). */
        HANG,
        /** Responds with 200 and a body that is not JSON. */
        GARBAGE
    }

    private static final Logger log = LoggerFactory.getLogger(RegistryStubServer.class);
    private static final long MAX_HANG_MINUTES = 10;

    private final HttpServer server;
    private final String basePath;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, StoredRecord> recordsByCertNumber = new ConcurrentHashMap<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final List<Long> requestNanos = new ArrayList<>();
    private volatile Behaviour behaviour = Behaviour.NORMAL;
    private volatile CountDownLatch hangRelease = new CountDownLatch(1);
    private volatile @Nullable String requiredApiKey;
    private volatile Duration responseDelay = Duration.ZERO;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;

    private record StoredRecord(String idNumber, RegistryCertificateRecord record) {
    }

    private RegistryStubServer(int port, String basePath) throws IOException {
        this.basePath = basePath;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(executor);
        server.createContext(basePath + "/certificates", this::handle);
    }

    /** Starts a stub on 127.0.0.1 serving {@code /certificates}; port 0 picks a free port. */
    public static RegistryStubServer start(int port) throws IOException {
        return start(port, "");
    }

    /**
     * Starts a stub on 127.0.0.1 serving {@code basePath + "/certificates"}.
     *
     * @param basePath path prefix such as {@code /registry}, or empty
     */
    public static RegistryStubServer start(int port, String basePath) throws IOException {
        RegistryStubServer stub = new RegistryStubServer(port, basePath);
        stub.server.start();
        log.info("Registry stub listening on {}", stub.baseUrl());
        return stub;
    }

    /** Returns the URL to put into a connector document's {@code baseUrl}, including the base path. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + basePath);
    }

    /** Stores or replaces the record of a certificate, held by the person with {@code idNumber}. */
    public void put(String idNumber, RegistryCertificateRecord record) {
        recordsByCertNumber.put(record.certNumber(), new StoredRecord(idNumber, record));
    }

    /** Removes a certificate, so that queries for it return 404. */
    public void remove(String certNumber) {
        recordsByCertNumber.remove(certNumber);
    }

    /** Returns the stored record of a certificate. */
    public Optional<RegistryCertificateRecord> find(String certNumber) {
        return Optional.ofNullable(recordsByCertNumber.get(certNumber)).map(StoredRecord::record);
    }

    /** Switches how the stub responds; switching away from {@link Behaviour#HANG} releases hanging requests. */
    public void setBehaviour(Behaviour next) {
        Behaviour previous = behaviour;
        if (previous == Behaviour.HANG && next != Behaviour.HANG) {
            hangRelease.countDown();
        }
        if (next == Behaviour.HANG && previous != Behaviour.HANG) {
            hangRelease = new CountDownLatch(1);
        }
        behaviour = next;
    }

    /** Delays every response by {@code delay} before it is sent; {@link Duration#ZERO} turns the delay off. */
    public void setResponseDelay(Duration delay) {
        this.responseDelay = delay;
    }

    /**
     * Responds to the next {@code count} requests with {@code status} and an error body, whatever the behaviour.
     * The requests after them get the behaviour's response again.
     */
    public void failNext(int count, int status) {
        this.failureStatus = status;
        this.failuresLeft.set(count);
    }

    /** Makes the stub respond with 401 unless a request carries this {@code X-Api-Key}; null accepts every request. */
    public void requireApiKey(@Nullable String apiKey) {
        this.requiredApiKey = apiKey;
    }

    /** Returns the number of requests received since start. */
    public int requestCount() {
        return requestCount.get();
    }

    /** Returns the {@link System#nanoTime()} at which each request arrived, oldest first. */
    public List<Long> requestNanos() {
        synchronized (requestNanos) {
            return List.copyOf(requestNanos);
        }
    }

    @Override
    public void close() {
        hangRelease.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requestCount.incrementAndGet();
        synchronized (requestNanos) {
            requestNanos.add(System.nanoTime());
        }
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "{}");
                return;
            }
            String apiKey = requiredApiKey;
            if (apiKey != null && !apiKey.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
                send(exchange, 401, "{}");
                return;
            }
            pause(responseDelay);
            if (failuresLeft.getAndUpdate(left -> Math.max(left - 1, 0)) > 0) {
                send(exchange, failureStatus, "{\"error\": \"unavailable\"}");
                return;
            }
            switch (behaviour) {
                case SERVER_ERROR -> send(exchange, 500, "{\"error\": \"internal\"}");
                case HANG -> hangThenClose();
                case GARBAGE -> send(exchange, 200, "<html>系统维护中</html>");
                case NORMAL -> answer(exchange);
            }
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void hangThenClose() {
        try {
            hangRelease.await(MAX_HANG_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = parameters(exchange.getRequestURI().getRawQuery());
        Optional<StoredRecord> match = lookup(parameters.get("certNumber"), parameters.get("idNumber"),
                parameters.get("name"));
        if (match.isEmpty()) {
            send(exchange, 404, RegistryRecordCodec.notFoundBody());
            return;
        }
        send(exchange, 200, RegistryRecordCodec.write(match.get().record()).toString());
    }

    private Optional<StoredRecord> lookup(@Nullable String certNumber, @Nullable String idNumber,
            @Nullable String name) {
        if (certNumber != null) {
            return Optional.ofNullable(recordsByCertNumber.get(certNumber))
                    .filter(stored -> idNumber == null || stored.idNumber().equals(idNumber));
        }
        return recordsByCertNumber.values().stream()
                .filter(stored -> stored.idNumber().equals(idNumber))
                .filter(stored -> name == null || stored.record().name().equals(name))
                .findFirst();
    }

    private static Map<String, String> parameters(@Nullable String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
