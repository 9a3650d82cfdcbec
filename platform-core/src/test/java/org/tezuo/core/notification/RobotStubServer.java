package org.tezuo.core.notification;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A loopback server on 127.0.0.1 that responds like the WeCom and DingTalk group robot webhooks:
 * {@code POST /cgi-bin/webhook/send?key=…} and {@code POST /robot/send?access_token=…[&timestamp=…&sign=…]}, each
 * with {@code {"errcode":0,"errmsg":"ok"}} on success. A wrong key or token gets the robots' own error codes
 * (WeCom 93000, DingTalk 300001), a wrong signature DingTalk's 310000, and a message without {@code msgtype} 40008.
 */
final class RobotStubServer implements AutoCloseable {

    /** One request the stub received. */
    record Received(String path, Map<String, String> query, String body) {
    }

    private final HttpServer server;
    private final String token;
    private final @Nullable String signingSecret;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int failuresLeft;

    private RobotStubServer(HttpServer server, String token, @Nullable String signingSecret) {
        this.server = server;
        this.token = token;
        this.signingSecret = signingSecret;
    }

    /** Starts a stub that accepts {@code token} and, when not null, checks DingTalk signatures with the secret. */
    static RobotStubServer start(String token, @Nullable String signingSecret) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RobotStubServer stub = new RobotStubServer(server, token, signingSecret);
            server.createContext("/cgi-bin/webhook/send", exchange -> stub.handle(exchange, "key", 93000,
                    "invalid webhook url"));
            server.createContext("/robot/send", exchange -> stub.handle(exchange, "access_token", 300001,
                    "token is not exist"));
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

    /** Responds to the next {@code count} requests with HTTP 502, as a proxy in front of an unreachable robot does. */
    void failNext(int count) {
        failuresLeft = count;
    }

    private void handle(HttpExchange exchange, String tokenParameter, int badTokenCode, String badTokenMessage)
            throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            received.add(new Received(exchange.getRequestURI().getPath(), query, body));
            if (failuresLeft > 0) {
                failuresLeft--;
                reply(exchange, 502, "Bad Gateway");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "");
            } else if (!token.equals(query.get(tokenParameter))) {
                reply(exchange, 200, error(badTokenCode, badTokenMessage));
            } else if (tokenParameter.equals("access_token") && signingSecret != null && !signed(query)) {
                reply(exchange, 200, error(310000, "sign not match"));
            } else if (!body.contains("\"msgtype\"")) {
                reply(exchange, 200, error(40008, "invalid message type"));
            } else {
                reply(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
            }
        }
    }

    private boolean signed(Map<String, String> query) {
        String timestamp = query.get("timestamp");
        String sign = query.get("sign");
        return timestamp != null && sign != null
                && sign.equals(DingTalkRobotSender.sign(Long.parseLong(timestamp), signingSecret));
    }

    private static String error(int code, String message) {
        return "{\"errcode\":" + code + ",\"errmsg\":\"" + message + "\"}";
    }

    private static Map<String, String> query(@Nullable String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] parts = pair.split("=", 2);
                values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
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
