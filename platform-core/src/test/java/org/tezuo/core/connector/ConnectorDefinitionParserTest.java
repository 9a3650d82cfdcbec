package org.tezuo.core.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ConnectorDefinitionParserTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ConnectorDefinitionParser parser = new ConnectorDefinitionParser();

    @Test
    void fullDocumentIsParsed() {
        var definition = parser.parse("national-registry", 3, json.readTree("""
                {"type": "certificate-registry", "baseUrl": "http://127.0.0.1:8090/api/",
                 "credentials": {"apiKeyEnv": "REGISTRY_KEY", "username": "tezuo", "passwordEnv": "REGISTRY_PASSWORD"},
                 "connectTimeoutMs": 1500, "readTimeoutMs": 4000, "requestsPerSecond": 2.5}"""));

        assertThat(definition.type()).isEqualTo(ConnectorType.CERTIFICATE_REGISTRY);
        assertThat(definition.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8090/api"));
        assertThat(definition.resolve("/certificates")).isEqualTo(URI.create("http://127.0.0.1:8090/api/certificates"));
        assertThat(definition.credentials()).isEqualTo(
                new ConnectorDefinition.Credentials("REGISTRY_KEY", "tezuo", "REGISTRY_PASSWORD"));
        assertThat(definition.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(definition.readTimeout()).isEqualTo(Duration.ofMillis(4000));
        assertThat(definition.requestsPerSecond()).isEqualByComparingTo(new BigDecimal("2.5"));
        assertThat(definition.version()).isEqualTo(3);
    }

    @Test
    void missingTimeOutsTakeDefaults() {
        var definition = parser.parse("site-doors", 1, json.readTree("""
                {"type": "door-access", "baseUrl": "http://127.0.0.1:8091"}"""));

        assertThat(definition.connectTimeout()).isEqualTo(ConnectorDefinitionParser.DEFAULT_CONNECT_TIMEOUT);
        assertThat(definition.readTimeout()).isEqualTo(ConnectorDefinitionParser.DEFAULT_READ_TIMEOUT);
        assertThat(definition.requestsPerSecond()).isNull();
        assertThat(definition.credentials()).isEqualTo(new ConnectorDefinition.Credentials(null, null, null));
    }

    @Test
    void resilienceSettingsAreParsed() {
        var definition = parser.parse("national-registry", 1, json.readTree("""
                {"type": "certificate-registry", "baseUrl": "http://127.0.0.1:8090",
                 "retry": {"maxAttempts": 4, "initialDelayMs": 250, "maxDelayMs": 8000},
                 "circuitBreaker": {"failureThreshold": 10, "openMs": 120000}, "maxConcurrentRequests": 8}"""));

        assertThat(definition.resilience()).isEqualTo(new ConnectorDefinition.Resilience(4, Duration.ofMillis(250),
                Duration.ofMillis(8000), 10, Duration.ofMinutes(2), 8));
    }

    @Test
    void missingResilienceSettingsTakeDefaults() {
        var definition = parser.parse("national-registry", 1, json.readTree("""
                {"type": "certificate-registry", "baseUrl": "http://127.0.0.1:8090", "retry": {"maxAttempts": 1}}"""));

        assertThat(definition.resilience().maxAttempts()).isEqualTo(1);
        assertThat(definition.resilience().retryInitialDelay())
                .isEqualTo(ConnectorDefinition.Resilience.DEFAULT.retryInitialDelay());
        assertThat(definition.resilience().circuitFailureThreshold())
                .isEqualTo(ConnectorDefinition.Resilience.DEFAULT.circuitFailureThreshold());
        assertThat(definition.resilience().maxConcurrentRequests())
                .isEqualTo(ConnectorDefinition.Resilience.DEFAULT.maxConcurrentRequests());
    }

    @Test
    void rateLimiterIntervalFollowsRate() {
        assertThat(new RequestRateLimiter(new BigDecimal("4")).intervalNanos()).isEqualTo(250_000_000L);
        assertThat(new RequestRateLimiter(null).intervalNanos()).isZero();
    }
}
