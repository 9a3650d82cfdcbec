package org.tezuo.core.connector;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A published connector document, parsed. Secrets are never part of the document: it names the environment
 * variables that hold them.
 *
 * @param key document key within the tenant, for example {@code national-registry}
 * @param version published version the definition was read from
 * @param baseUrl URL that request paths are appended to, without a trailing slash
 * @param requestsPerSecond maximum request rate the client keeps to; null means no limit
 * @param location free-text location the connector serves (a weather station, a site), if any
 * @param resilience retry, circuit-breaker and concurrency settings of clients that use them
 * @param maxDataAge oldest live value (a detector reading, an equipment state) the platform still treats as current;
 *     null when the document leaves it out
 */
public record ConnectorDefinition(
        String key,
        int version,
        ConnectorType type,
        URI baseUrl,
        Credentials credentials,
        Duration connectTimeout,
        Duration readTimeout,
        @Nullable BigDecimal requestsPerSecond,
        @Nullable String location,
        Resilience resilience,
        @Nullable Duration maxDataAge) {

    public ConnectorDefinition {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(resilience, "resilience");
        String text = baseUrl.toString();
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** Creates a definition without a maximum data age. */
    public ConnectorDefinition(String key, int version, ConnectorType type, URI baseUrl, Credentials credentials,
            Duration connectTimeout, Duration readTimeout, @Nullable BigDecimal requestsPerSecond,
            @Nullable String location, Resilience resilience) {
        this(key, version, type, baseUrl, credentials, connectTimeout, readTimeout, requestsPerSecond, location,
                resilience, null);
    }

    /** Creates a definition with {@link Resilience#DEFAULT} settings. */
    public ConnectorDefinition(String key, int version, ConnectorType type, URI baseUrl, Credentials credentials,
            Duration connectTimeout, Duration readTimeout, @Nullable BigDecimal requestsPerSecond,
            @Nullable String location) {
        this(key, version, type, baseUrl, credentials, connectTimeout, readTimeout, requestsPerSecond, location,
                Resilience.DEFAULT);
    }

    /** Returns {@code baseUrl} followed by {@code pathAndQuery}, which starts with a slash. */
    public URI resolve(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    /**
     * Names of the environment variables holding the secrets; every part may be absent.
     *
     * @param apiKeyEnv variable whose value is sent as the {@code X-Api-Key} header
     * @param username user name for HTTP basic authentication, sent with the password from {@code passwordEnv}
     */
    public record Credentials(@Nullable String apiKeyEnv, @Nullable String username, @Nullable String passwordEnv) {

        public static final Credentials NONE = new Credentials(null, null, null);
    }

    /**
     * Retry, circuit-breaker and concurrency settings of a client.
     *
     * @param maxAttempts attempts per request including the first; 1 turns retries off
     * @param retryInitialDelay upper bound of the random wait before the first retry; it doubles for every further
     *     retry up to {@code retryMaxDelay} (exponential backoff with full jitter)
     * @param retryMaxDelay upper bound of any single wait between attempts
     * @param circuitFailureThreshold consecutive failed requests (after their retries) that open the circuit
     * @param circuitOpenDuration how long an open circuit rejects requests before it lets one probe through
     * @param maxConcurrentRequests requests a verification run keeps in flight at once
     */
    public record Resilience(int maxAttempts, Duration retryInitialDelay, Duration retryMaxDelay,
            int circuitFailureThreshold, Duration circuitOpenDuration, int maxConcurrentRequests) {

        // NOTE: defaults for documents that leave these settings out. None comes from a measurement of a real
        // registry, so a deployment tunes them in its connector document.
        public static final Resilience DEFAULT = new Resilience(3, Duration.ofMillis(200), Duration.ofSeconds(5), 5,
                Duration.ofSeconds(60), 4);

        public Resilience {
            if (maxAttempts < 1 || circuitFailureThreshold < 1 || maxConcurrentRequests < 1) {
                throw new IllegalArgumentException("maxAttempts, circuitFailureThreshold and maxConcurrentRequests "
                        + "must be at least 1");
            }
        }
    }
}
