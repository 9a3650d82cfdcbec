package org.tezuo.core.connector.weather;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback HTTP server on 127.0.0.1 that serves {@code /v7/weather/now} in the QWeather JSON shape, gzip
 * compressed as QWeather does, with observations set by the demo or a test. Requests without the configured API
 * key get HTTP 401.
 */
public final class QWeatherStubServer implements AutoCloseable {

    private static final DateTimeFormatter OBSERVATION_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");

    /** A canned response: HTTP status and body. */
    private record Response(int status, String body) {
    }

    private final HttpServer server;
    private final String apiKey;
    private final AtomicReference<Response> response = new AtomicReference<>(new Response(200,
            "{\"code\":\"204\"}"));
    private final AtomicReference<String> lastLocation = new AtomicReference<>("");

    private QWeatherStubServer(HttpServer server, String apiKey) {
        this.server = server;
        this.apiKey = apiKey;
    }

    /** Starts a stub on a free port of 127.0.0.1 that accepts {@code apiKey}. */
    public static QWeatherStubServer start(String apiKey) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            QWeatherStubServer stub = new QWeatherStubServer(server, apiKey);
            server.createContext("/v7/weather/now", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the base URL to configure the client with, for example {@code http://127.0.0.1:41234}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Serves an observation from now on. Values are given as QWeather sends them: wind speed in km/h and the
     * wind scale as text such as "3-4".
     */
    public void setObservation(String windSpeedKilometresPerHour, String windScale, String temperatureCelsius,
            String humidityPercent, OffsetDateTime observedAt) {
        String body = """
                {"code":"200","updateTime":"%1$s","fxLink":"http://127.0.0.1/stub",\
                "now":{"obsTime":"%1$s","temp":"%2$s","feelsLike":"%2$s","icon":"100","text":"晴",\
                "wind360":"270","windDir":"西风","windScale":"%3$s","windSpeed":"%4$s","humidity":"%5$s",\
                "precip":"0.0","pressure":"1012","vis":"20","cloud":"10","dew":"-5"},\
                "refer":{"sources":["stub"],"license":["stub"]}}"""
                .formatted(observedAt.format(OBSERVATION_TIME), temperatureCelsius, windScale,
                        windSpeedKilometresPerHour, humidityPercent);
        setResponse(200, body);
    }

    /** Serves {@code body} with {@code status} from now on, for malformed payloads and provider errors. */
    public void setResponse(int status, String body) {
        response.set(new Response(status, body));
    }

    /** Returns the {@code location} parameter of the last request, or an empty string. */
    public String lastLocation() {
        return lastLocation.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            lastLocation.set(query == null ? "" : java.net.URLDecoder.decode(
                    query.replaceFirst("^.*location=([^&]*).*$", "$1"), StandardCharsets.UTF_8));
            Response current = apiKey.equals(exchange.getRequestHeaders().getFirst("X-QW-Api-Key"))
                    ? response.get()
                    : new Response(401, "{\"error\":{\"status\":401,\"type\":\"https://dev.qweather.com/docs/"
                            + "resource/error-code/#unauthorized\",\"title\":\"Unauthorized\"}}");
            byte[] body = gzip(current.body());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(current.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
