package org.tezuo.core.connector;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends JSON requests to the system a {@link ConnectorDefinition} describes: applies its connect and read
 * time-outs, its request rate and its credentials (an {@code X-Api-Key} header, HTTP basic authentication or
 * both). Thread-safe.
 */
public final class ConnectorHttpClient {

    private static final Logger log = LoggerFactory.getLogger(ConnectorHttpClient.class);

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
        missingSecret().ifPresent(variable -> log.warn(
                "Connector '{}' names the unset environment variable {}; requests go out without that secret",
                definition.key(), variable));
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

    /**
     * Returns the first environment variable named in the credentials that is unset. Requests go out without that
     * secret, because a system that does not require it (such as the loopback stubs) still works. Clients name the
     * variable when the system rejects a request with 401 or 403.
     */
    public Optional<String> missingSecret() {
        ConnectorDefinition.Credentials credentials = definition.credentials();
        return Stream.of(credentials.apiKeyEnv(), credentials.passwordEnv())
                .filter(Objects::nonNull)
                .filter(variable -> secret(variable).isEmpty())
                .findFirst();
    }

    /**
     * Throws {@link ConnectorException} naming the unset variable when the response is 401 or 403 and a secret
     * named in the credentials is unset.
     */
    public void requireSecretsWhenRejected(HttpResponse<?> response) {
        int status = response.statusCode();
        Optional<String> missing = missingSecret();
        if ((status == 401 || status == 403) && missing.isPresent()) {
            throw new ConnectorException("connector.secretMissing", definition.key(), missing.get());
        }
    }

    private void addCredentials(HttpRequest.Builder request) {
        ConnectorDefinition.Credentials credentials = definition.credentials();
        if (credentials.apiKeyEnv() != null) {
            secret(credentials.apiKeyEnv()).ifPresent(apiKey -> request.header("X-Api-Key", apiKey));
        }
        if (credentials.username() != null && credentials.passwordEnv() != null) {
            secret(credentials.passwordEnv()).ifPresent(password -> {
                String pair = credentials.username() + ":" + password;
                request.header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            });
        }
    }

    private Optional<String> secret(String variable) {
        String value = environment.apply(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
