package org.tezuo.core.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback SMS gateway on 127.0.0.1: {@code POST /sms/send} with a JSON body and the {@code X-Api-Key} header.
 * It responds with 200 {@code {"code":"OK"}}, or 401 when the key is wrong.
 */
final class SmsGatewayStubServer implements AutoCloseable {

    /** One request the stub received. */
    record Received(String apiKey, String contentType, String body) {
    }

    private final HttpServer server;
    private final String apiKey;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private SmsGatewayStubServer(HttpServer server, String apiKey) {
        this.server = server;
        this.apiKey = apiKey;
    }

    static SmsGatewayStubServer start(String apiKey) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SmsGatewayStubServer stub = new SmsGatewayStubServer(server, apiKey);
            server.createContext("/sms/send", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = String.valueOf(exchange.getRequestHeaders().getFirst("X-Api-Key"));
            received.add(new Received(key, String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            boolean accepted = apiKey.equals(key);
            byte[] reply = (accepted ? "{\"code\":\"OK\"}" : "{\"code\":\"UNAUTHORIZED\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(accepted ? 200 : 401, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
