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
        @Nullable String location) {

    public ConnectorDefinition {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String text = baseUrl.toString();
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
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
}
