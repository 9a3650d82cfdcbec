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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.QualificationStore.CertificateData;
import org.tezuo.core.qualification.QualificationStore.PersonData;
import org.tezuo.core.qualification.verification.LifecyclePolicyResolver;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The certificate-lifecycle endpoints over real HTTP with HTTP Basic, against real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CertificateLifecycleApiTest {

    private static final String PASSWORD = "Anquan-2026";
    private static final String ID_NUMBER = "110101199105061234";
    private static final String MASKED_CERT_NUMBER = "T1101**********1234";

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    UserAccounts accounts;

    @Autowired
    QualificationStore qualifications;

    @Autowired
    JsonMapper json;

    @Autowired
    MetadataStore metadata;

    private final HttpClient http = HttpClient.newHttpClient();
    private long tenantId;
    private String admin;
    private String leader;
    private String director;
    private Person welder;
    private Certificate certificate;

    @BeforeEach
    void seedTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        tenantId = tenants.create("api-life-" + suffix, "接口测试企业", null, ZoneId.of("Asia/Shanghai")).id();
        admin = "admin-" + suffix;
        leader = "leader-" + suffix;
        accounts.create(tenantId, admin, PASSWORD, "系统管理员", Set.of("SYSTEM_ADMIN"), null, null);
        accounts.create(tenantId, leader, PASSWORD, "班组长", Set.of("TEAM_LEADER"), null, null);
        director = "director-" + suffix;
        accounts.create(tenantId, director, PASSWORD, "安全总监", Set.of("SAFETY_DIRECTOR"), null, null);
        welder = qualifications.upsertPerson(tenantId, new PersonData("赵焊工", "男", "110101199105061234", "维修车间",
                "焊工"));
        certificate = qualifications.upsertCertificate(tenantId, welder.id(), new CertificateData(
                "T110101199105061234", "焊接与热切割作业", "熔化焊接与热切割作业", LocalDate.of(2024, 3, 5),
                DatePrecision.DAY, LocalDate.of(2024, 3, 5), LocalDate.of(2030, 3, 5), DatePrecision.DAY,
                LocalDate.of(2027, 3, 5), null, "北京市应急管理局"), CertificateState.VALID);
    }

    @Test
    void administratorRevokesWithReason() throws Exception {
        HttpResponse<String> response = send(admin, "POST", "/api/certificates/" + certificate.id() + "/revocation",
                "{\"reason\": \"撤销决定书〔2026〕7号\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("state").asString()).isEqualTo("REVOKED");
        assertThat(body.path("stateZh").asString()).isEqualTo("已撤销（吊销）");
        assertThat(body.path("stateReason").asString()).isEqualTo("撤销决定书〔2026〕7号");
    }

    @Test
    void revocationFreezesHolderAtOnce() throws Exception {
        metadata.saveAndPublish(tenantId, MetadataKind.RULESET, LifecyclePolicyResolver.RULESET_KEY,
                json.readTree(getClass().getResourceAsStream(
                        "/org/tezuo/packs/special-operations/certificate-lifecycle.ruleset.json")), admin);

        HttpResponse<String> response = send(admin, "POST", "/api/certificates/" + certificate.id() + "/revocation",
                "{\"reason\": \"撤销决定书〔2026〕8号\"}");
        HttpResponse<String> freeze = send(admin, "GET", "/api/persons/" + welder.id() + "/freeze", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(freeze.body()).path("frozen").asBoolean()).as(freeze.body()).isTrue();
    }

    @Test
    void blankReasonIsRejected() throws Exception {
        HttpResponse<String> response = send(admin, "POST",
                "/api/certificates/" + certificate.id() + "/cancellation", "{\"reason\": \"\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("须填写原因");
    }

    @Test
    void missingReasonIsRejected() throws Exception {
        HttpResponse<String> response = send(admin, "POST",
                "/api/certificates/" + certificate.id() + "/revocation", "{}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("须填写原因");
    }

    @Test
    void teamLeaderCannotRevoke() throws Exception {
        HttpResponse<String> response = send(leader, "POST",
                "/api/certificates/" + certificate.id() + "/revocation", "{\"reason\": \"越权\"}");

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void absenceStepsAreRecorded() throws Exception {
        String base = "/api/persons/" + welder.id() + "/post-absence/";
        send(admin, "POST", base + "leave", "{\"on\": \"2026-01-10\"}");
        send(admin, "POST", base + "return", "{\"on\": \"2026-08-01\"}");

        HttpResponse<String> response = send(admin, "POST", base + "practical-reexam", "{\"on\": \"2026-08-05\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("leftOn").asString()).isEqualTo("2026-01-10");
        assertThat(body.path("returnedOn").asString()).isEqualTo("2026-08-01");
        assertThat(body.path("reexamPassedOn").asString()).isEqualTo("2026-08-05");
    }

    @Test
    void unfrozenPersonShowsNoFreeze() throws Exception {
        HttpResponse<String> response = send(leader, "GET", "/api/persons/" + welder.id() + "/freeze", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("frozen").asBoolean()).isFalse();
    }

    @Test
    void directorReadsMaskedNumbersAndRuleName() throws Exception {
        metadata.saveAndPublish(tenantId, MetadataKind.RULESET, LifecyclePolicyResolver.RULESET_KEY,
                json.readTree(getClass().getResourceAsStream(
                        "/org/tezuo/packs/special-operations/certificate-lifecycle.ruleset.json")), admin);

        HttpResponse<String> revoked = send(director, "POST", "/api/certificates/" + certificate.id() + "/revocation",
                "{\"reason\": \"撤销决定书〔2026〕10号\"}");
        HttpResponse<String> freeze = send(director, "GET", "/api/persons/" + welder.id() + "/freeze", null);
        HttpResponse<String> freezeForAdmin = send(admin, "GET", "/api/persons/" + welder.id() + "/freeze", null);

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(json.readTree(revoked.body()).path("certNumber").asString()).isEqualTo(MASKED_CERT_NUMBER);
        JsonNode view = json.readTree(freeze.body());
        assertThat(freeze.body()).doesNotContain(ID_NUMBER);
        assertThat(view.path("certNumber").asString()).isEqualTo(MASKED_CERT_NUMBER);
        assertThat(view.path("ruleId").asString()).isEqualTo("freeze-0");
        assertThat(view.path("ruleName").asString()).isEqualTo("失效当天冻结作业票提交并收回门禁权限");
        assertThat(view.path("reason").asString()).startsWith("特种作业操作证 " + MASKED_CERT_NUMBER + "（熔化焊接与热切割作业）已被撤销");
        assertThat(json.readTree(freezeForAdmin.body()).path("certNumber").asString()).isEqualTo("T" + ID_NUMBER);
        HttpResponse<String> warnings = send(leader, "GET", "/api/persons/" + welder.id() + "/warnings", null);
        assertThat(warnings.statusCode()).as(warnings.body()).isEqualTo(200);
        assertThat(warnings.body()).doesNotContain(ID_NUMBER).contains(MASKED_CERT_NUMBER);
    }

    @Test
    void missingDateIsRejectedInChinese() throws Exception {
        HttpResponse<String> extension = send(admin, "POST", "/api/certificates/" + certificate.id()
                + "/review-extension", "{}");
        HttpResponse<String> leave = send(admin, "POST", "/api/persons/" + welder.id() + "/post-absence/leave", "{}");

        assertThat(extension.statusCode()).as(extension.body()).isEqualTo(422);
        assertThat(json.readTree(extension.body()).path("message").asString())
                .isEqualTo("请填写批准日期（格式“年-月-日”，如 2026-12-01）后重试");
        assertThat(leave.statusCode()).as(leave.body()).isEqualTo(422);
        assertThat(json.readTree(leave.body()).path("message").asString()).startsWith("请填写离岗日期");
    }

    @Test
    void reexamInFutureIsRejected() throws Exception {
        send(admin, "POST", "/api/persons/" + welder.id() + "/post-absence/leave", "{\"on\": \"2026-01-10\"}");
        send(admin, "POST", "/api/persons/" + welder.id() + "/post-absence/return", "{\"on\": \"2026-08-01\"}");

        HttpResponse<String> reexam = send(admin, "POST", "/api/persons/" + welder.id()
                + "/post-absence/practical-reexam", "{\"on\": \"2099-01-01\"}");

        assertThat(reexam.statusCode()).as(reexam.body()).isEqualTo(422);
        assertThat(json.readTree(reexam.body()).path("message").asString())
                .startsWith("赵焊工 的实际操作考试合格日期 2099-01-01 晚于今天");
    }

    @Test
    void workerCannotReadAnotherPersonsWarnings() throws Exception {
        String worker = "worker-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(tenantId, worker, PASSWORD, "作业人员", Set.of("WORKER"), null, null);

        HttpResponse<String> warnings = send(worker, "GET", "/api/persons/" + welder.id() + "/warnings", null);

        assertThat(warnings.statusCode()).isEqualTo(403);
    }

    @Test
    void personsApiMasksCertificateNumbersExceptForAdministrator() throws Exception {
        qualifications.setPermitFreeze(tenantId, welder.id(), true, "证书 T" + ID_NUMBER + " 已过期");

        HttpResponse<String> list = send(leader, "GET", "/api/persons", null);
        HttpResponse<String> detail = send(leader, "GET", "/api/persons/" + welder.id(), null);
        HttpResponse<String> certificates = send(leader, "GET", "/api/certificates", null);
        HttpResponse<String> detailForAdmin = send(admin, "GET", "/api/persons/" + welder.id(), null);

        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(ID_NUMBER).contains("证书 " + MASKED_CERT_NUMBER + " 已过期");
        assertThat(detail.body()).doesNotContain(ID_NUMBER);
        JsonNode certificateView = json.readTree(detail.body()).path("certificates").get(0);
        assertThat(certificateView.path("certNumber").asString()).isEqualTo(MASKED_CERT_NUMBER);
        assertThat(certificateView.path("certificateClassZh").asString()).isEqualTo("特种作业操作证");
        assertThat(certificates.body()).doesNotContain(ID_NUMBER);
        assertThat(json.readTree(detailForAdmin.body()).path("certificates").get(0).path("certNumber").asString())
                .isEqualTo("T" + ID_NUMBER);
    }

    @Test
    void refusedExtensionNamesReasonWithMaskedNumber() throws Exception {
        metadata.saveAndPublish(tenantId, MetadataKind.RULESET, LifecyclePolicyResolver.RULESET_KEY,
                json.readTree(getClass().getResourceAsStream(
                        "/org/tezuo/packs/special-operations/certificate-lifecycle.ruleset.json")), admin);

        HttpResponse<String> response = send(admin, "POST", "/api/certificates/" + certificate.id()
                + "/review-extension", "{\"on\": \"2026-01-05\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).doesNotContain(ID_NUMBER).contains("证书 " + MASKED_CERT_NUMBER
                + " 初领日期为 2024-03-05，至批准日期 2026-01-05 不满 10 年");
    }

    private HttpResponse<String> send(String username, String method, String path, String body)
            throws IOException, InterruptedException {
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .header("Accept-Language", "zh-CN")
                .method(method, publisher)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
