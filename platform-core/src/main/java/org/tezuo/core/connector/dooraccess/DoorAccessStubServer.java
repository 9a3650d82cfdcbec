package org.tezuo.core.connector.dooraccess;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loopback stand-in for a door-access system that records every revoke and restore call it accepts, for the
 * demo mode of the app and for tests. Binds to 127.0.0.1 only.
 */
public final class DoorAccessStubServer implements AutoCloseable {

    /** The action a call requested of the door system. */
    public enum Action {
        REVOKE,
        RESTORE
    }

    /** One accepted call. */
    public record Call(Action action, String personReference, String personName, String reason) {

        @Override
        public String toString() {
            return "Call[" + action + ", personName=" + personName + ", reason=" + reason + "]";
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DoorAccessStubServer.class);

    private final HttpServer server;
    private final String basePath;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Call> calls = new ArrayList<>();
    private volatile boolean failing;

    private DoorAccessStubServer(int port, String basePath) throws IOException {
        this.basePath = basePath;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(executor);
        server.createContext(basePath + "/access/revoke", exchange -> handle(exchange, Action.REVOKE));
        server.createContext(basePath + "/access/restore", exchange -> handle(exchange, Action.RESTORE));
    }

    /** Starts a stub on 127.0.0.1 serving {@code /access/revoke} and {@code /access/restore}; port 0 picks one. */
    public static DoorAccessStubServer start(int port) throws IOException {
        return start(port, "");
    }

    /**
     * Starts a stub on 127.0.0.1 under a path prefix.
     *
     * @param basePath path prefix such as {@code /door-access}, or empty
     */
    public static DoorAccessStubServer start(int port, String basePath) throws IOException {
        DoorAccessStubServer stub = new DoorAccessStubServer(port, basePath);
        stub.server.start();
        log.info("Door-access stub listening on {}", stub.baseUrl());
        return stub;
    }

    /** Returns the URL to put into a connector document's {@code baseUrl}, including the base path. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + basePath);
    }

    /** Makes the stub respond with 503 to every call (true) or accept calls again (false). */
    public void setFailing(boolean failing) {
        this.failing = failing;
    }

    /** Returns the accepted calls, oldest first. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Returns the accepted calls for one person, oldest first. */
    public List<Call> callsFor(String personReference) {
        return calls().stream().filter(call -> call.personReference().equals(personReference)).toList();
    }

    /** Forgets the recorded calls. */
    public void clearCalls() {
        synchronized (calls) {
            calls.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange, Action action) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405);
                return;
            }
            if (failing) {
                send(exchange, 503);
                return;
            }
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (JacksonException e) {
                send(exchange, 400);
                return;
            }
            if (!body.hasNonNull("personReference") || !body.hasNonNull("reason")) {
                send(exchange, 400);
                return;
            }
            synchronized (calls) {
                calls.add(new Call(action, body.get("personReference").asString(),
                        body.path("personName").asString(""), body.get("reason").asString()));
            }
            send(exchange, 204);
        }
    }

    private static void send(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        try (OutputStream out = exchange.getResponseBody()) {
            out.flush();
        }
    }
}
