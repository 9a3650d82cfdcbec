package org.tezuo.core.connector;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;

/**
 * Parses connector documents into {@link ConnectorDefinition}s. The meta-schema has already checked the body when it
 * was saved, so this parser only applies defaults.
 */
public final class ConnectorDefinitionParser {

    // NOTE: defaults for documents that leave the time-outs out; neither comes from a measurement of a real system.
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);

    /** Parses a published connector document. */
    public ConnectorDefinition parse(MetadataDocument document) {
        if (document.kind() != MetadataKind.CONNECTOR) {
            throw new IllegalArgumentException("Not a connector document: " + document.reference());
        }
        return parse(document.key(), document.version(), document.body());
    }

    /** Parses the body of a connector document saved under {@code key}. */
    public ConnectorDefinition parse(String key, int version, JsonNode body) {
        JsonNode credentials = body.path("credentials");
        return new ConnectorDefinition(
                key,
                version,
                ConnectorType.fromCode(body.path("type").asString()),
                URI.create(body.path("baseUrl").asString()),
                new ConnectorDefinition.Credentials(text(credentials, "apiKeyEnv"), text(credentials, "username"),
                        text(credentials, "passwordEnv")),
                millis(body, "connectTimeoutMs", DEFAULT_CONNECT_TIMEOUT),
                millis(body, "readTimeoutMs", DEFAULT_READ_TIMEOUT),
                body.hasNonNull("requestsPerSecond") ? body.get("requestsPerSecond").decimalValue() : null,
                text(body, "location"),
                resilience(body),
                body.hasNonNull("maxDataAgeSeconds") ? Duration.ofSeconds(body.get("maxDataAgeSeconds").asLong())
                        : null);
    }

    private static ConnectorDefinition.Resilience resilience(JsonNode body) {
        ConnectorDefinition.Resilience defaults = ConnectorDefinition.Resilience.DEFAULT;
        JsonNode retry = body.path("retry");
        JsonNode circuitBreaker = body.path("circuitBreaker");
        return new ConnectorDefinition.Resilience(
                integer(retry, "maxAttempts", defaults.maxAttempts()),
                millis(retry, "initialDelayMs", defaults.retryInitialDelay()),
                millis(retry, "maxDelayMs", defaults.retryMaxDelay()),
                integer(circuitBreaker, "failureThreshold", defaults.circuitFailureThreshold()),
                millis(circuitBreaker, "openMs", defaults.circuitOpenDuration()),
                integer(body, "maxConcurrentRequests", defaults.maxConcurrentRequests()));
    }

    private static int integer(JsonNode node, String field, int fallback) {
        return node.hasNonNull(field) ? node.get(field).asInt() : fallback;
    }

    private static @Nullable String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }

    private static Duration millis(JsonNode node, String field, Duration fallback) {
        return node.hasNonNull(field) ? Duration.ofMillis(node.get(field).asLong()) : fallback;
    }
}
