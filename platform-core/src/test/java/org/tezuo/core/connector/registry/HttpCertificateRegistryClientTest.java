package org.tezuo.core.connector.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tezuo.core.connector.ConnectorDefinition;
import org.tezuo.core.connector.ConnectorType;

class HttpCertificateRegistryClientTest {

    private static final String ID_NUMBER = "110101199001011234";
    private static final RegistryCertificateRecord RECORD = new RegistryCertificateRecord("T" + ID_NUMBER, "张伟",
            "男", "电工作业", "低压电工作业", LocalDate.of(2020, 5, 10), LocalDate.of(2020, 5, 10),
            LocalDate.of(2026, 5, 9), LocalDate.of(2023, 5, 9), LocalDate.of(2023, 4, 20), "北京市应急管理局", "有效");

    static RegistryStubServer stub;

    @BeforeAll
    static void start() throws IOException {
        stub = RegistryStubServer.start(0);
        stub.put(ID_NUMBER, RECORD);
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @BeforeEach
    void reset() {
        stub.setBehaviour(RegistryStubServer.Behaviour.NORMAL);
        stub.requireApiKey(null);
    }

    /** Time-out for tests that expect a response. It is generous so that a loaded build machine does not fail them. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private static ConnectorDefinition definition(ConnectorDefinition.Credentials credentials) {
        return definition(credentials, ANSWER_TIMEOUT);
    }

    private static ConnectorDefinition definition(ConnectorDefinition.Credentials credentials, Duration timeout) {
        return new ConnectorDefinition("national-registry", 1, ConnectorType.CERTIFICATE_REGISTRY,
                stub.baseUrl(), credentials, timeout, timeout, BigDecimal.TEN, null);
    }

    @Test
    void recordRoundTripsThroughChineseKeys() {
        var client = new HttpCertificateRegistryClient(definition(ConnectorDefinition.Credentials.NONE));

        var found = client.find(new RegistryQuery(RECORD.certNumber(), null, null));

        assertThat(found).contains(RECORD);
        assertThat(RegistryRecordCodec.write(RECORD).get("实际复审日期").asString()).isEqualTo("2023-04-20");
    }

    @Test
    void lookupByIdNumberAndName() {
        var client = new HttpCertificateRegistryClient(definition(ConnectorDefinition.Credentials.NONE));

        assertThat(client.find(new RegistryQuery(null, ID_NUMBER, "张伟"))).contains(RECORD);
        assertThat(client.find(new RegistryQuery(null, ID_NUMBER, "李四"))).isEmpty();
    }

    @Test
    void apiKeyIsReadFromNamedVariable() {
        stub.requireApiKey("key-123");
        var credentials = new ConnectorDefinition.Credentials("REGISTRY_API_KEY", null, null);
        var client = new HttpCertificateRegistryClient(definition(credentials),
                name -> "REGISTRY_API_KEY".equals(name) ? "key-123" : null);

        assertThat(client.find(new RegistryQuery(RECORD.certNumber(), null, null))).contains(RECORD);
    }

    @Test
    void wrongApiKeyIsUnavailable() {
        stub.requireApiKey("key-123");
        var credentials = new ConnectorDefinition.Credentials("REGISTRY_API_KEY", null, null);
        var client = new HttpCertificateRegistryClient(definition(credentials), name -> "wrong");

        assertThatThrownBy(() -> client.find(new RegistryQuery(RECORD.certNumber(), null, null)))
                .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("证书查询平台连接器“national-registry”返回 HTTP 401；"
                        + "本次未能核验，证书状态保持不变，下次核验时重试"));
    }

    @Test
    void unsetSecretIsNamedWhenRejected() {
        stub.requireApiKey("key-123");
        var credentials = new ConnectorDefinition.Credentials("REGISTRY_API_KEY", null, null);
        var client = new HttpCertificateRegistryClient(definition(credentials), name -> null);

        assertThatThrownBy(() -> client.find(new RegistryQuery(RECORD.certNumber(), null, null)))
                .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                        "连接器“national-registry”所需的环境变量 REGISTRY_API_KEY 未设置；请在服务器上设置该变量后重试"));
    }

    @Test
    void unsetSecretIsSkippedWhenNotRequired() {
        var credentials = new ConnectorDefinition.Credentials("REGISTRY_API_KEY", null, null);
        var client = new HttpCertificateRegistryClient(definition(credentials), name -> null);

        assertThat(client.find(new RegistryQuery(RECORD.certNumber(), null, null))).contains(RECORD);
    }

    @Test
    void stubServesUnderBasePath() throws IOException {
        try (RegistryStubServer prefixed = RegistryStubServer.start(0, "/registry")) {
            prefixed.put(ID_NUMBER, RECORD);
            var client = new HttpCertificateRegistryClient(new ConnectorDefinition("national-registry", 1,
                    ConnectorType.CERTIFICATE_REGISTRY, prefixed.baseUrl(), ConnectorDefinition.Credentials.NONE,
                    ANSWER_TIMEOUT, ANSWER_TIMEOUT, null, null));

            var found = client.find(new RegistryQuery(RECORD.certNumber(), null, null));

            assertThat(prefixed.baseUrl().getPath()).isEqualTo("/registry");
            assertThat(found).contains(RECORD);
        }
    }

    @Test
    void wrongPathIsNotMistakenForUnknownCertificate() {
        var client = new HttpCertificateRegistryClient(new ConnectorDefinition("national-registry", 1,
                ConnectorType.CERTIFICATE_REGISTRY, stub.baseUrl().resolve("/wrong"),
                ConnectorDefinition.Credentials.NONE, ANSWER_TIMEOUT, ANSWER_TIMEOUT, null, null));

        assertThatThrownBy(() -> client.find(new RegistryQuery(RECORD.certNumber(), null, null)))
                .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("证书查询平台连接器“national-registry”对 "
                        + "/wrong/certificates 返回 HTTP 404，但不是“查无此证”应答；本次未能核验，证书状态保持不变，请检查连接器地址"));
    }

    @Test
    void hangingRegistryTimesOut() {
        stub.setBehaviour(RegistryStubServer.Behaviour.HANG);
        var client = new HttpCertificateRegistryClient(definition(ConnectorDefinition.Credentials.NONE,
                Duration.ofMillis(500)));

        assertThatThrownBy(() -> client.find(new RegistryQuery(RECORD.certNumber(), null, null)))
                .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> assertThat(
                        e.message(Locale.ENGLISH)).isEqualTo("Certificate registry connector \"national-registry\" "
                        + "did not answer within 500 ms; the certificate is unverified, its state is unchanged and "
                        + "the next run retries it"));
    }
}
