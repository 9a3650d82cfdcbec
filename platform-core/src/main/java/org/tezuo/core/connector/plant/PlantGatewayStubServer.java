package org.tezuo.core.connector.plant;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A loopback HTTP server on 127.0.0.1 that speaks Tezuo's plant-gateway format (see {@link PlantGatewayClient}):
 * fixed-detector readings and equipment states set by the demo or a test. {@link #setOutage(boolean)} makes every
 * request return 503, like a gateway that is down.
 */
public final class PlantGatewayStubServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> readings = new ConcurrentHashMap<>();
    private final Map<String, String> equipment = new ConcurrentHashMap<>();
    private volatile boolean outage;

    private PlantGatewayStubServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a stub on a free port of 127.0.0.1. */
    public static PlantGatewayStubServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            PlantGatewayStubServer stub = new PlantGatewayStubServer(server);
            server.createContext("/detectors/readings", stub::handleReadings);
            server.createContext("/equipment/", stub::handleEquipment);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the base URL to configure the connector with, for example {@code http://127.0.0.1:41234}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves a detector reading from now on; {@code value} is the number as text, or null for none. */
    public void setReading(String tag, String gas, String unit, String value, boolean fault, OffsetDateTime time) {
        readings.put(tag, """
                {"tag":"%s","gas":"%s","unit":"%s","value":%s,"alarm":"normal","fault":%s,"time":"%s"}"""
                .formatted(tag, gas, unit, value == null ? "null" : value, fault, time));
    }

    /** Serves an equipment state from now on. */
    public void setEquipmentState(String tag, String pressureMpa, String valvePosition, String isolationStatus,
            OffsetDateTime time) {
        equipment.put(tag, """
                {"tag":"%s","pressureMpa":%s,"valvePosition":"%s","isolationStatus":"%s","time":"%s"}"""
                .formatted(tag, pressureMpa, valvePosition, isolationStatus, time));
    }

    /** Makes every request return HTTP 503 while {@code down} is true. */
    public void setOutage(boolean down) {
        this.outage = down;
    }

    private void handleReadings(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String tags = query == null ? "" : URLDecoder.decode(query.replaceFirst("^.*tags=([^&]*).*$", "$1"),
                StandardCharsets.UTF_8);
        String body = Arrays.stream(tags.split(",")).map(readings::get).filter(reading -> reading != null)
                .collect(Collectors.joining(",", "{\"readings\":[", "]}"));
        respond(exchange, 200, body);
    }

    private void handleEquipment(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String tag = path.replaceFirst("^/equipment/(.*)/state$", "$1");
        String state = equipment.get(tag);
        respond(exchange, state == null ? 404 : 200, state == null ? "{\"error\":\"unknown tag\"}" : state);
    }

    private void respond(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            byte[] bytes = (outage ? "{\"error\":\"gateway down\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(outage ? 503 : status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
