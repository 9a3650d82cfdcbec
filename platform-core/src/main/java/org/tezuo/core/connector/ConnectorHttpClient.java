package org.tezuo.core.connector;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Sends JSON requests to the system a {@link ConnectorDefinition} describes: applies its connect and read
 * time-outs, its request rate and its credentials (an {@code X-Api-Key} header, HTTP basic authentication or
 * both). Thread-safe.
 */
public final class ConnectorHttpClient {

    private final ConnectorDefinition definition;
    private final UnaryOperator<@Nullable String> environment;
    private final HttpClient http;
    private final RequestRateLimiter rateLimiter;

    /**
     * Creates a client.
     *
     * @param environment reads a secret by environment-variable name, {@code System::getenv} outside tests
     */
    public ConnectorHttpClient(ConnectorDefinition definition, UnaryOperator<@Nullable String> environment) {
        this.definition = definition;
        this.environment = environment;
        this.http = HttpClient.newBuilder()
                .connectTimeout(definition.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.rateLimiter = new RequestRateLimiter(definition.requestsPerSecond());
    }

    public ConnectorDefinition definition() {
        return definition;
    }

    /**
     * Sends a request and returns the response with its body as UTF-8 text.
     *
     * @param method HTTP method, for example {@code GET}
     * @param pathAndQuery appended to the base URL; starts with a slash and is already URL-encoded
     * @param jsonBody request body sent as {@code application/json}, or null for none
     * @throws java.net.http.HttpTimeoutException when the connection or the response exceeds its time-out
     * @throws ConnectorException when an environment variable named in the credentials is unset
     */
    public HttpResponse<String> send(String method, String pathAndQuery, @Nullable String jsonBody)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(definition.resolve(pathAndQuery))
                .timeout(definition.readTimeout())
                .header("Accept", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json; charset=utf-8");
        }
        addCredentials(request);

        rateLimiter.acquire();
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void addCredentials(HttpRequest.Builder request) {
        ConnectorDefinition.Credentials credentials = definition.credentials();
        if (credentials.apiKeyEnv() != null) {
            request.header("X-Api-Key", secret(credentials.apiKeyEnv()));
        }
        if (credentials.username() != null && credentials.passwordEnv() != null) {
            String pair = credentials.username() + ":" + secret(credentials.passwordEnv());
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private String secret(String variable) {
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new ConnectorException("connector.secretMissing", definition.key(), variable);
        }
        return value;
    }
}
