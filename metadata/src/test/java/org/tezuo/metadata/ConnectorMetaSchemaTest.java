package org.tezuo.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ConnectorMetaSchemaTest {

    private final MetaSchemaValidator validator = new MetaSchemaValidator();
    private final JsonMapper json = JsonMapper.builder().build();

    private List<MetaSchemaViolation> validate(String extraJson) {
        return validator.validate(MetadataKind.CONNECTOR, json.readTree("""
                {"type": "certificate-registry", "baseUrl": "http://127.0.0.1:18091/registry"%s}""".formatted(
                extraJson)), Locale.ENGLISH);
    }

    @Test
    void resilienceSettingsAreAccepted() {
        assertThat(validate("""
                , "retry": {"maxAttempts": 3, "initialDelayMs": 500, "maxDelayMs": 10000},
                "circuitBreaker": {"failureThreshold": 5, "openMs": 300000}, "maxConcurrentRequests": 2""")).isEmpty();
    }

    @Test
    void zeroAttemptsAreRejected() {
        assertThat(validate(", \"retry\": {\"maxAttempts\": 0}"))
                .extracting(MetaSchemaViolation::path).containsExactly("/retry/maxAttempts");
    }

    @Test
    void unknownCircuitBreakerSettingIsRejected() {
        assertThat(validate(", \"circuitBreaker\": {\"failureRate\": 50}"))
                .extracting(MetaSchemaViolation::path).contains("/circuitBreaker");
    }

    @Test
    void tooManyConcurrentRequestsAreRejected() {
        assertThat(validate(", \"maxConcurrentRequests\": 65"))
                .extracting(MetaSchemaViolation::path).containsExactly("/maxConcurrentRequests");
    }
}
