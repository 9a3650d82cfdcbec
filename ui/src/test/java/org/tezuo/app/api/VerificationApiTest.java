package org.tezuo.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.connector.registry.RegistryCertificateRecord;
import org.tezuo.core.connector.registry.RegistryStubServer;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.QualificationStore.CertificateData;
import org.tezuo.core.qualification.QualificationStore.PersonData;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The /api/verification endpoints over real HTTP against the loopback registry stub and real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerificationApiTest {

    private static final String PASSWORD = "Anquan-2026";
    private static final String ID_NUMBER = "320102199001011234";

    static RegistryStubServer registry;

    @LocalServerPort
    int port;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MetadataStore metadata;

    @Autowired
    QualificationStore qualifications;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private long tenantId;
    private String admin;
    private String worker;

    @BeforeAll
    static void startRegistry() throws IOException {
        registry = RegistryStubServer.start(0);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @BeforeEach
    void installTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TemplateInstaller.Installation installation = installer.createTenant("api-verify-" + suffix, "核验接口测试企业",
                "lng-terminal", ZoneId.of("Asia/Shanghai"), "test");
        tenantId = installation.tenant().id();
        admin = "admin-" + suffix;
        worker = "worker-" + suffix;
        accounts.create(tenantId, admin, PASSWORD, "系统管理员", Set.of("SYSTEM_ADMIN"),
                installation.orgUnitIds().get("HQ"), null);
        accounts.create(tenantId, worker, PASSWORD, "李强", Set.of("WORKER"), installation.orgUnitIds().get("MAINT"),
                null);
        metadata.saveAndPublish(tenantId, MetadataKind.CONNECTOR, "certificate-registry", json.readTree(
                "{\"type\": \"certificate-registry\", \"baseUrl\": \"" + registry.baseUrl() + "\"}"), "test");
    }

    @Test
    void runReportListsMismatchWithMaskedNumber() throws Exception {
        Person holder = qualifications.upsertPerson(tenantId, new PersonData("张伟", "男", ID_NUMBER, "维修班", "焊工"));
        LocalDate validUntil = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusYears(4);
        Certificate certificate = qualifications.upsertCertificate(tenantId, holder.id(), new CertificateData(
                "T" + ID_NUMBER, "焊接与热切割作业", "熔化焊接与热切割作业", validUntil.minusYears(6), DatePrecision.DAY,
                validUntil.minusYears(6).plusDays(1), validUntil, DatePrecision.DAY, null, null, "某市应急管理局"),
                CertificateState.VALID);
        registry.put(ID_NUMBER, new RegistryCertificateRecord(certificate.certNumber(), "张伟", "男", "焊接与热切割作业",
                "气割作业", certificate.firstIssuedOn(), certificate.validFrom(), validUntil, null, null,
                "某市应急管理局", "有效"));

        HttpResponse<String> started = send(admin, "POST", "/api/verification/runs");
        long runId = json.readTree(started.body()).path("verification").path("id").asLong();
        HttpResponse<String> mismatches = send(admin, "GET", "/api/verification/runs/" + runId + "/mismatches");
        HttpResponse<String> changes = send(admin, "GET", "/api/verification/runs/" + runId + "/changes?limit=10");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(mismatches.statusCode()).as(mismatches.body()).isEqualTo(200);
        JsonNode mismatch = json.readTree(mismatches.body()).get(0);
        assertThat(mismatch.path("certNumber").asString()).isEqualTo("T3201**********1234");
        assertThat(mismatch.path("field").asString()).isEqualTo("ITEM");
        assertThat(mismatch.path("ledgerValue").asString()).isEqualTo("熔化焊接与热切割作业");
        assertThat(mismatch.path("registryValue").asString()).isEqualTo("气割作业");
        assertThat(changes.statusCode()).as(changes.body()).isEqualTo(200);
        JsonNode change = json.readTree(changes.body()).get(0);
        assertThat(change.path("stateBefore").asString()).isEqualTo("VALID");
        assertThat(change.path("stateAfter").asString()).isEqualTo("REGISTRY_MISMATCH");
        assertThat(changes.body()).doesNotContain(ID_NUMBER);
    }

    @Test
    void unknownRunIsNotFound() throws Exception {
        HttpResponse<String> response = send(admin, "GET", "/api/verification/runs/999999999/changes");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).path("code").asString()).isEqualTo("verification.runNotFound");
    }

    @Test
    void workerCannotReadReport() throws Exception {
        HttpResponse<String> response = send(worker, "GET", "/api/verification/runs/1/mismatches");

        assertThat(response.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> send(String username, String method, String path)
            throws IOException, InterruptedException {
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .header("Accept-Language", "zh-CN")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
