package org.tezuo.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the REST requests of the scenario as one of the demo users (HTTP Basic on every request, as a phone bridge
 * does) and times each one on the client: the round trip on loopback, from sending the request to reading the whole
 * body. A status other than the expected one is recorded as an error and raised as {@link StepFailedException}.
 */
final class ApiClient {

    /** Raised when a request fails, after the recorder has counted it; ends the virtual user's current permit. */
    static final class StepFailedException extends Exception {
        StepFailedException(String message) {
            super(message);
        }
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_ERROR_BODY = 300;

    private final HttpClient http;
    private final URI baseUrl;
    private final String password;
    private final JsonMapper json;
    private final Recorder recorder;

    ApiClient(HttpClient http, URI baseUrl, String password, JsonMapper json, Recorder recorder) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.password = password;
        this.json = json;
        this.recorder = recorder;
    }

    JsonNode get(String step, String user, String path) throws StepFailedException {
        return send(step, user, request(user, path).GET(), 200);
    }

    JsonNode post(String step, String user, String path, @Nullable Object body, int expectedStatus)
            throws StepFailedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        return send(step, user, request(user, path).header("Content-Type", "application/json").POST(publisher),
                expectedStatus);
    }

    /** Fetches a binary resource such as the e-permit PDF and returns its size in bytes. */
    int download(String step, String user, String path) throws StepFailedException {
        HttpResponse<byte[]> response = exchange(step, request(user, path).GET(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw failed(step, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body().length;
    }

    /** Records an answer that had the expected status but lacked what the scenario needs, as an error. */
    StepFailedException missing(String step, String detail) {
        return failed(step, 200, detail);
    }

    private JsonNode send(String step, String user, HttpRequest.Builder request, int expectedStatus)
            throws StepFailedException {
        HttpResponse<String> response = exchange(step, request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw failed(step, response.statusCode(), user + ": " + response.body());
        }
        return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
    }

    private <T> HttpResponse<T> exchange(String step, HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws StepFailedException {
        long start = System.nanoTime();
        try {
            HttpResponse<T> response = http.send(request.build(), body);
            recorder.record(step, System.nanoTime() - start);
            return response;
        } catch (IOException e) {
            recorder.record(step, System.nanoTime() - start);
            throw failed(step, 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailedException(step + " interrupted");
        }
    }

    private StepFailedException failed(String step, int status, String detail) {
        String shortDetail = detail.length() > MAX_ERROR_BODY ? detail.substring(0, MAX_ERROR_BODY) + "…" : detail;
        recorder.recordError(step, status, shortDetail);
        return new StepFailedException(step + " failed with " + (status == 0 ? "no response" : "HTTP " + status) + ": "
                + shortDetail);
    }

    private HttpRequest.Builder request(String user, String path) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Basic " + credentials);
    }
}
