package org.tezuo.core.connector.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tezuo.core.connector.ConnectorDefinition;
import org.tezuo.core.connector.ConnectorType;
import org.tezuo.core.qualification.verification.MutableClock;

/** Runs the resilient client against the loopback registry stub with its delay and failure switches. */
class ResilientCertificateRegistryClientTest {

    private static final RegistryCertificateRecord RECORD = new RegistryCertificateRecord("T320102199001011234",
            "张伟", "男", "焊接与热切割作业", "熔化焊接与热切割作业", LocalDate.of(2023, 6, 30),
            LocalDate.of(2023, 7, 1), LocalDate.of(2029, 6, 30), LocalDate.of(2026, 6, 30), null, "某市应急管理局", "有效");
    private static final RegistryQuery QUERY = new RegistryQuery(RECORD.certNumber(), "320102199001011234", "张伟");

    RegistryStubServer registry;
    MutableClock clock = new MutableClock();

    @BeforeEach
    void startRegistry() throws IOException {
        registry = RegistryStubServer.start(0);
        registry.put("320102199001011234", RECORD);
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    private ResilientCertificateRegistryClient client(Duration readTimeout, int maxAttempts, int failureThreshold) {
        ConnectorDefinition definition = new ConnectorDefinition("national-registry", 1,
                ConnectorType.CERTIFICATE_REGISTRY, registry.baseUrl(), ConnectorDefinition.Credentials.NONE,
                Duration.ofMillis(500), readTimeout, null, null,
                new ConnectorDefinition.Resilience(maxAttempts, Duration.ofMillis(5), Duration.ofMillis(20),
                        failureThreshold, Duration.ofSeconds(30), 1));
        // Waiting no time between attempts keeps the test fast; FullJitterBackoffTest covers the waits.
        return new ResilientCertificateRegistryClient(new HttpCertificateRegistryClient(definition), definition, clock,
                new FullJitterBackoff(Duration.ofMillis(5), Duration.ofMillis(20), bound -> 0));
    }

    @Test
    void retrySucceedsAfterTransient503s() {
        ResilientCertificateRegistryClient client = client(Duration.ofSeconds(2), 3, 5);
        registry.failNext(2, 503);

        assertThat(client.find(QUERY)).contains(RECORD);
        assertThat(registry.requestCount()).isEqualTo(3);
        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void clientErrorIsNotRetried() {
        ResilientCertificateRegistryClient client = client(Duration.ofSeconds(2), 3, 5);
        registry.failNext(1, 400);

        assertThatThrownBy(() -> client.find(QUERY))
                .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("registry.errorStatus");
                    assertThat(e.isTransient()).isFalse();
                });
        assertThat(registry.requestCount()).isEqualTo(1);
    }

    @Test
    void slowAnswerTimesOutOnEveryAttempt() {
        ResilientCertificateRegistryClient client = client(Duration.ofMillis(150), 2, 5);
        registry.setResponseDelay(Duration.ofMillis(600));

        assertThatThrownBy(() -> client.find(QUERY))
                .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("registry.timedOut");
                    assertThat(e.isTransient()).isTrue();
                });
        // The stub counts a request when its handler starts, which for a timed-out request can come after the
        // client gave up.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(registry.requestCount()).isEqualTo(2));
    }

    @Test
    void outageOpensCircuitAndStopsCalls() {
        ResilientCertificateRegistryClient client = client(Duration.ofSeconds(2), 2, 3);
        registry.setBehaviour(RegistryStubServer.Behaviour.SERVER_ERROR);

        for (int lookup = 0; lookup < 3; lookup++) {
            assertThatThrownBy(() -> client.find(QUERY)).isInstanceOf(RegistryUnavailableException.class);
        }
        int requestsUntilOpen = registry.requestCount();

        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(requestsUntilOpen).isEqualTo(6);
        assertThatThrownBy(() -> client.find(QUERY))
                .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("证书查询平台连接器“national-registry”连续 3 次"
                        + "未能查询，已暂停调用 30 秒；本次未能核验，证书状态保持不变，下次核验时重试"));
        assertThat(registry.requestCount()).isEqualTo(requestsUntilOpen);
    }

    @Test
    void probeAfterCoolDownClosesCircuit() {
        ResilientCertificateRegistryClient client = client(Duration.ofSeconds(2), 1, 2);
        registry.setBehaviour(RegistryStubServer.Behaviour.SERVER_ERROR);
        for (int lookup = 0; lookup < 2; lookup++) {
            assertThatThrownBy(() -> client.find(QUERY)).isInstanceOf(RegistryUnavailableException.class);
        }
        registry.setBehaviour(RegistryStubServer.Behaviour.NORMAL);
        clock.set(clock.instant().plusSeconds(31));

        assertThat(client.find(QUERY)).contains(RECORD);
        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void failedProbeOpensCircuitAgain() {
        ResilientCertificateRegistryClient client = client(Duration.ofSeconds(2), 1, 2);
        registry.setBehaviour(RegistryStubServer.Behaviour.SERVER_ERROR);
        for (int lookup = 0; lookup < 2; lookup++) {
            assertThatThrownBy(() -> client.find(QUERY)).isInstanceOf(RegistryUnavailableException.class);
        }
        clock.set(clock.instant().plusSeconds(31));

        assertThatThrownBy(() -> client.find(QUERY)).isInstanceOf(RegistryUnavailableException.class);
        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(registry.requestCount()).isEqualTo(3);
    }
}
