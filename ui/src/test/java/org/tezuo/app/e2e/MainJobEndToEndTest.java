package org.tezuo.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.connector.dooraccess.DoorAccessStubServer;
import org.tezuo.core.connector.registry.RegistryCertificateRecord;
import org.tezuo.core.connector.registry.RegistryStubServer;
import org.tezuo.core.connector.weather.QWeatherStubServer;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateCatalog;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the main job through the REST API on PostgreSQL with a real Flowable engine and loopback registry,
 * door-access and weather servers. The steps are ledger import, registry verification, states, warnings and the
 * freeze. Then a hot-work permit is refused for wind, an unqualified worker and a false identity. It is then
 * submitted, approved through four steps with risk re-confirmation and issued with a QR e-permit. The audit trail
 * is checked last. The clock is pinned to 2026-12-04 10:00 in Shanghai, the day the demo ledger's states are computed for,
 * while the JVM runs in UTC. The context with the pinned clock is closed after the class, so later tests never
 * share a JVM with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainJobEndToEndTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = OffsetDateTime.parse("2026-12-04T10:00:00+08:00").toInstant();
    private static final String PASSWORD = "E2e@2026-secret";
    private static final String LI_QIANG = "320623198509230318";
    private static final String WANG_JIANGUO = "320623197804120133";
    private static final String ZHOU_TAO = "320623198207300931";
    private static final String SUN_HAO = "320623198811050713";

    @TestConfiguration
    static class PinnedClock {
        @Bean
        @Primary
        Clock pinnedClock() {
            return Clock.fixed(NOW, SHANGHAI);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    TemplateCatalog templates;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MetadataStore metadata;

    @Autowired
    QualificationStore qualifications;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private RegistryStubServer registry;
    private DoorAccessStubServer doorAccess;
    private QWeatherStubServer weather;
    private long tenantId;
    private long permitId;

    @BeforeAll
    void createTenantAndStubs() throws IOException {
        registry = RegistryStubServer.start(0, "/registry");
        doorAccess = DoorAccessStubServer.start(0, "/door-access");
        weather = QWeatherStubServer.start("");
        var installation = installer.createTenant("e2e-" + UUID.randomUUID(), "端到端测试化工", "lng-terminal", SHANGHAI,
                "test");
        tenantId = installation.tenant().id();
        Map<String, Long> units = installation.orgUnitIds();
        accounts.create(tenantId, user("admin"), PASSWORD, "管理员", Set.of("SYSTEM_ADMIN"), units.get("HQ"), null);
        accounts.create(tenantId, user("director"), PASSWORD, "刘安全", Set.of("SAFETY_DIRECTOR"), units.get("SAFETY"), null);
        accounts.create(tenantId, user("engineer"), PASSWORD, "陈工", Set.of("SAFETY_ENGINEER"), units.get("SAFETY"), null);
        accounts.create(tenantId, user("unithead"), PASSWORD, "马主任", Set.of("UNIT_HEAD"), units.get("MAINT"), null);
        accounts.create(tenantId, user("teamlead"), PASSWORD, "何班长", Set.of("TEAM_LEADER"), units.get("MAINT"), null);
        accounts.create(tenantId, user("hrbp"), PASSWORD, "林芳", Set.of("HRBP"), units.get("HR"), null);
        accounts.create(tenantId, user("leader"), PASSWORD, "王建国", Set.of("WORK_LEADER"), units.get("MAINT"), WANG_JIANGUO);
        accounts.create(tenantId, user("worker"), PASSWORD, "李强", Set.of("WORKER"), units.get("MAINT"), LI_QIANG);
        repoint("certificate-registry", registry.baseUrl());
        repoint("door-access", doorAccess.baseUrl());
        repoint("weather", weather.baseUrl());
    }

    @AfterAll
    void stopStubs() {
        registry.close();
        doorAccess.close();
        weather.close();
    }

    @Test
    @Order(1)
    void ledgerImportKeepsGoodRowsAndListsBadOnes() throws Exception {
        byte[] ledger = templates.resource("lng-terminal", "demo/roster.csv");

        JsonNode first = upload("admin", "持证台账.csv", ledger);
        JsonNode again = upload("admin", "持证台账.csv", ledger);
        HttpResponse<byte[]> errors = http.send(request("admin", "/api/roster/imports/"
                + first.path("batchId").asLong() + "/errors.xlsx").GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(first.path("created").asInt()).isEqualTo(51);
        assertThat(first.path("rejected").asInt()).isEqualTo(6);
        assertThat(first.path("errors").valueStream().map(error -> error.path("message").asString()).toList())
                .as("messages are Chinese when the request names no language")
                .anySatisfy(message -> assertThat(message).startsWith("第 ").contains("行").contains("身份证号"));
        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(51);
        assertThat(errors.statusCode()).isEqualTo(200);
        assertThat(errors.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .contains("spreadsheetml"));
        assertThat(get("admin", "/api/persons")).hasSize(51);
    }

    @Test
    @Order(2)
    void registryOutageChangesNoState() throws Exception {
        loadRegistryFromLedger();
        JsonNode countsBefore = get("admin", "/api/certificates/counts");
        registry.setBehaviour(RegistryStubServer.Behaviour.SERVER_ERROR);

        JsonNode run = post("admin", "/api/verification/runs", null, 200);

        registry.setBehaviour(RegistryStubServer.Behaviour.NORMAL);
        assertThat(run.path("verification").path("unverifiable").asInt()).isEqualTo(51);
        assertThat(get("admin", "/api/certificates/counts")).isEqualTo(countsBefore);
    }

    @Test
    @Order(3)
    void verificationSetsStatesWarningsAndFreeze() throws Exception {
        JsonNode run = post("admin", "/api/verification/runs", null, 200);

        assertThat(run.path("verification").path("checked").asInt()).isEqualTo(51);
        assertThat(run.path("verification").path("mismatches").asInt()).isEqualTo(1);
        assertThat(stateOf(SUN_HAO)).isEqualTo("REGISTRY_MISMATCH");
        assertThat(stateOf(ZHOU_TAO)).isEqualTo("EXPIRED");
        assertThat(stateOf(LI_QIANG)).isEqualTo("VALID");

        JsonNode zhou = personByName("周涛");
        assertThat(zhou.path("permitFrozen").asBoolean()).isTrue();
        assertThat(zhou.path("freezeReason").asString()).contains("T" + ZHOU_TAO).contains("已过期");
        assertThat(doorAccess.callsFor(ZHOU_TAO)).extracting(call -> call.action().name()).contains("REVOKE");

        JsonNode teamLeaderTodos = get("teamlead", "/api/warnings/mine");
        JsonNode zhaoTodo = teamLeaderTodos.valueStream()
                .filter(todo -> todo.path("message").asString().contains("赵磊")).findFirst().orElseThrow();
        JsonNode afterTeamLeader = post("teamlead", "/api/warnings/" + zhaoTodo.path("id").asLong() + "/confirm",
                null, 200);
        JsonNode afterHrbp = post("hrbp", "/api/warnings/" + zhaoTodo.path("id").asLong() + "/confirm", null, 200);
        assertThat(afterTeamLeader.path("status").asString()).isEqualTo("OPEN");
        assertThat(afterHrbp.path("status").asString()).isEqualTo("DONE");
    }

    @Test
    @Order(4)
    void formErrorsAreAllReturnedWithTheirPaths() throws Exception {
        ObjectNode data = permitData(List.of(worker("李强", LI_QIANG)));
        data.remove("location");
        data.remove("areaClass");
        data.put("grade", "三级");
        long draft = post("worker", "/api/permits", Map.of("type", "hot-work", "data", data), 201).path("id").asLong();

        JsonNode refusal = post("worker", "/api/permits/" + draft + "/submit", null, 422);

        assertThat(refusal.path("code").asString()).isEqualTo("permit.refused.form");
        assertThat(refusal.path("details").valueStream().map(detail -> detail.path("path").asString()).toList())
                .contains("$.location", "$.areaClass")
                .doesNotContain("$.grade");
    }

    @Test
    @Order(5)
    void windOfLevelFiveBlocksOpenAirHotWork() throws Exception {
        weather.setObservation("30", "5", "16", "55", OffsetDateTime.ofInstant(NOW, SHANGHAI).minusMinutes(10));
        permitId = post("worker", "/api/permits", Map.of("type", "hot-work", "data",
                permitData(List.of(worker("李强", LI_QIANG), worker("王建国", WANG_JIANGUO)))), 201).path("id").asLong();
        post("worker", "/api/permits/" + permitId + "/gas-readings", gasReading("GD-07", 5, false), 201);

        JsonNode refusal = post("worker", "/api/permits/" + permitId + "/submit", null, 422);

        assertThat(refusal.path("code").asString()).isEqualTo("permit.refused.risk");
        assertThat(refusal.path("details").valueStream().map(detail -> detail.path("message").asString()).toList())
                .anySatisfy(message -> assertThat(message)
                        .startsWith("当前风速 8.3 m/s（5级），达到露天动火停止条件 — GB 30871-2022 5.2.15（动火作业；"
                                + "限值：5级风下限风速 8 m/s（来源：")
                        .endsWith("依据 GB/T 28591-2012（5级 8.0–10.7 m/s）；GB 30871-2022 5.2.15））"));
    }

    @Test
    @Order(6)
    void unqualifiedWorkerIsNamedAndRefused() throws Exception {
        weather.setObservation("12", "2", "18", "60", OffsetDateTime.ofInstant(NOW, SHANGHAI).minusMinutes(10));
        long other = post("worker", "/api/permits", Map.of("type", "hot-work", "data",
                permitData(List.of(worker("李强", LI_QIANG), worker("周涛", ZHOU_TAO)))), 201).path("id").asLong();
        post("worker", "/api/permits/" + other + "/gas-readings", gasReading("GD-07", 5, false), 201);

        JsonNode refusal = post("worker", "/api/permits/" + other + "/submit", null, 422);

        assertThat(refusal.path("code").asString()).isEqualTo("permit.refused.qualification");
        assertThat(refusal.path("details").valueStream().map(detail -> detail.path("message").asString()).toList())
                .anySatisfy(message -> assertThat(message).contains("周涛").contains("已过期"))
                .anySatisfy(message -> assertThat(message).contains("周涛").contains("冻结"));
    }

    @Test
    @Order(6)
    void falseWorkerIdentityIsRefused() throws Exception {
        ObjectNode impostor = worker("王建国", LI_QIANG);
        long other = post("worker", "/api/permits", Map.of("type", "hot-work", "data",
                permitData(List.of(worker("李强", LI_QIANG), impostor))), 201).path("id").asLong();
        post("worker", "/api/permits/" + other + "/gas-readings", gasReading("GD-07", 5, false), 201);

        JsonNode refusal = post("worker", "/api/permits/" + other + "/submit", null, 422);

        assertThat(refusal.path("code").asString()).isEqualTo("permit.refused.qualification");
        assertThat(refusal.path("details").valueStream().map(detail -> detail.path("message").asString()).toList())
                .anySatisfy(message -> assertThat(message).contains("王建国").contains("出现了两次"));
    }

    @Test
    @Order(6)
    void gasReadingWithoutValuesIsRejected() throws Exception {
        ObjectNode empty = json.createObjectNode();
        empty.put("detectorId", "GD-09");
        empty.put("measuredAt", rfc3339(OffsetDateTime.ofInstant(NOW, SHANGHAI)));

        JsonNode refusal = post("worker", "/api/permits/" + permitId + "/gas-readings", empty, 422);

        assertThat(refusal.path("code").asString()).isEqualTo("permit.gasReadingEmpty");
        assertThat(refusal.path("message").asString()).contains("GD-09");
    }

    @Test
    @Order(7)
    void permitIsApprovedStepByStepWithRiskReconfirmation() throws Exception {
        JsonNode submitted = post("worker", "/api/permits/" + permitId + "/submit", null, 200);
        assertThat(submitted.path("status").asString()).isEqualTo("IN_APPROVAL");
        assertThat(submitted.path("data").path("grade").asString()).isEqualTo("一级");
        assertThat(submitted.path("data").path("gradeBasis").asString()).isEqualTo("first.pipe-rack");
        List<String> riskCodes = submitted.path("riskItems").valueStream()
                .map(item -> item.path("code").asString()).toList();
        assertThat(riskCodes).isNotEmpty();
        assertThat(submitted.path("riskItems").valueStream().map(item -> item.path("severity").asString()))
                .doesNotContain("BLOCK");
        assertThat(submitted.path("riskScore").path("total").isInt()).isTrue();
        assertThat(submitted.path("riskScore").path("items").size()).isGreaterThanOrEqualTo(3);

        for (String approver : List.of("leader", "unithead", "engineer", "director")) {
            JsonNode task = taskFor(approver);
            String taskId = task.path("taskId").asString();

            JsonNode early = post(approver, "/api/tasks/" + taskId + "/approve", Map.of("comment", "同意"), 422);
            assertThat(early.path("code").asString()).isEqualTo("permit.riskNotConfirmed");
            JsonNode silentReject = post(approver, "/api/tasks/" + taskId + "/reject", Map.of(), 422);
            assertThat(silentReject.path("message").asString()).isNotBlank();

            List<Map<String, String>> confirmations = new ArrayList<>();
            for (String code : riskCodes) {
                confirmations.add(Map.of("itemCode", code, "decision", "VERIFIED_ON_SITE", "note", "现场已核查"));
            }
            post(approver, "/api/tasks/" + taskId + "/risk-confirmations", confirmations, 204);
            post(approver, "/api/tasks/" + taskId + "/approve", Map.of("comment", approver + " 同意"), 200);
        }

        JsonNode issued = get("worker", "/api/permits/" + permitId);
        assertThat(issued.path("status").asString()).isEqualTo("ISSUED");
        assertThat(issued.path("permitNumber").asString()).isEqualTo("DH-20261204-0001");
        assertThat(get("worker", "/api/permits/" + permitId + "/history")).hasSize(4);
        assertThat(get("worker", "/api/permits/" + permitId + "/confirmations")).hasSize(4 * riskCodes.size());

        String qrUrl = issued.path("qrUrl").asString();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(qrUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<byte[]> png = http.send(request("worker", "/api/permits/" + permitId + "/qr.png").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(qrUrl).matches(".*/e-permit/[A-Za-z0-9_-]{43}");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');

        HttpResponse<byte[]> pdf = http.send(request("worker", "/api/permits/" + permitId + "/e-permit.pdf").GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> publicPdf = http.send(HttpRequest.newBuilder(URI.create(qrUrl + "/pdf")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        PdfReader reader = new PdfReader(pdf.body());
        StringBuilder pdfText = new StringBuilder();
        for (int pdfPage = 1; pdfPage <= reader.getNumberOfPages(); pdfPage++) {
            pdfText.append(new PdfTextExtractor(reader).getTextFromPage(pdfPage)).append('\n');
        }
        String printed = pdfText.toString().replace(qrUrl, "");
        assertThat(printed).contains("电子作业票 动火安全作业票").contains("DH-20261204-0001").contains("同意");
        assertThat(printed).contains("风险评分", " 分 · ", "分项：作业类型与等级", "1. ", "作业人员与资格", "李强",
                "3206**********0318", "王建国", "3206**********0133", "作业人员", "现场实时状态（截至 2026-12-04 10:00）",
                "已签发，待接票", "作业负责人尚未接票", "[需确认]");
        assertThat(printed).doesNotContain(LI_QIANG, WANG_JIANGUO, "hot-work.", "CONFIRM", "BLOCK",
                "VERIFIED_ON_SITE", "WORKER", "ISSUED");
        assertThat(publicPdf.statusCode()).isEqualTo(200);
        assertThat(publicPdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    }

    @Test
    @Order(8)
    void everyStepIsInTheAuditTrail() throws Exception {
        JsonNode permitTrail = get("admin", "/api/audit?subjectType=permit&subjectId=" + permitId);
        JsonNode recent = get("admin", "/api/audit?limit=1000");

        assertThat(permitTrail.valueStream().map(entry -> entry.path("action").asString()).toList())
                .contains("permit.create", "permit.gas-reading", "permit.submit-refused", "permit.submit",
                        "permit.risk-confirm", "permit.approve", "permit.issue");
        assertThat(recent.valueStream().map(entry -> entry.path("action").asString()).distinct().toList())
                .contains("tenant.create-from-template", "roster.import", "roster.certificate.create",
                        "verification.run");
        assertThat(recent.valueStream().map(entry -> entry.path("actor").asString()))
                .contains(user("worker"), user("leader"), user("director"));
    }

    @Test
    @Order(9)
    void scheduleIsRepublishedWithoutRestart() throws Exception {
        ObjectNode schedule = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.SCHEDULE,
                "nightly-verification").body().deepCopy();
        schedule.put("cron", "every night");

        JsonNode invalid = put("admin", "/api/metadata/schedule/nightly-verification/draft", schedule, 422);
        schedule.put("cron", "0 30 1 * * *");
        put("admin", "/api/metadata/schedule/nightly-verification/draft", schedule, 200);
        JsonNode published = post("admin", "/api/metadata/schedule/nightly-verification/publish", null, 200);
        put("engineer", "/api/metadata/schedule/nightly-verification/draft", schedule, 403);

        assertThat(invalid.path("code").asString()).isEqualTo("metadata.invalid");
        assertThat(invalid.path("details").valueStream().map(detail -> detail.path("path").asString()).toList())
                .contains("/cron");
        assertThat(published.path("version").asInt()).isEqualTo(2);
        assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    @Order(10)
    void applicantUrgesCommentsAndWithdraws() throws Exception {
        long permit = post("worker", "/api/permits", Map.of("type", "hot-work", "data",
                permitData(List.of(worker("李强", LI_QIANG), worker("王建国", WANG_JIANGUO)))), 201).path("id").asLong();
        post("worker", "/api/permits/" + permit + "/gas-readings", gasReading("GD-07", 5, false), 201);
        post("worker", "/api/permits/" + permit + "/submit", null, 200);
        JsonNode task = get("leader", "/api/inbox/todo").valueStream()
                .filter(candidate -> candidate.path("businessKey").asString()
                        .equals(org.tezuo.app.permit.PermitSubmitter.businessKey(permit)))
                .findFirst().orElseThrow();
        String approval = task.path("processInstanceId").asString();

        post("worker", "/api/approvals/" + approval + "/urge", Map.of("comment", "明早开工"), 200);
        JsonNode tooSoon = post("worker", "/api/approvals/" + approval + "/urge", null, 422);
        post("worker", "/api/approvals/" + approval + "/comments", Map.of("comment", "已补充动火点照片"), 201);
        JsonNode targets = get("leader", "/api/tasks/" + task.path("taskId").asString() + "/return-targets");
        post("worker", "/api/approvals/" + approval + "/withdraw", Map.of("comment", "检修计划推迟"), 200);

        assertThat(tooSoon.path("code").asString()).isEqualTo("operation.urgedTooSoon");
        assertThat(tooSoon.path("message").asString()).contains("每 30 分钟只能催办一次");
        assertThat(targets.valueStream().map(target -> target.path("applicant").asBoolean()).toList())
                .containsExactly(true);
        assertThat(get("leader", "/api/notices").valueStream().map(notice -> notice.path("topic").asString()))
                .contains("approval.urged");
        assertThat(get("worker", "/api/permits/" + permit).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(get("worker", "/api/approvals/" + approval + "/history").valueStream()
                .map(entry -> entry.path("operation").asString()).toList())
                .containsExactly("URGED", "COMMENTED", "WITHDRAWN");
    }

    private ObjectNode permitData(List<ObjectNode> workers) {
        OffsetDateTime start = OffsetDateTime.ofInstant(NOW, SHANGHAI).plusMinutes(10);
        ObjectNode data = json.createObjectNode();
        data.put("applicant", user("worker"));
        data.put("applicantUnit", "维修车间");
        data.put("appliedAt", rfc3339(OffsetDateTime.ofInstant(NOW, SHANGHAI)));
        data.put("workUnit", "维修车间");
        data.put("workLeader", user("leader"));
        data.put("guardian", "何班长");
        data.put("workContent", "LNG 卸料管线支架焊接修复");
        data.put("location", "1# 码头卸料臂区域管廊 3 号支架");
        data.put("areaClass", "pipe-rack");
        data.put("onRunningEquipment", false);
        data.put("method", "电焊");
        data.put("workStart", rfc3339(start));
        data.put("workEnd", rfc3339(start.plusHours(6)));
        data.put("openAir", true);
        ArrayNode workerRows = data.putArray("workers");
        workers.forEach(workerRows::add);
        data.put("riskIdentification", "管廊邻近 LNG 管线，可燃气体泄漏着火风险；高处坠落风险");
        ArrayNode measures = data.putArray("safetyMeasures");
        ObjectNode measure = measures.addObject();
        measure.put("item", "动火点周围 15 m 内可燃物已清理，可能泄漏的设备已隔离");
        measure.put("applies", true);
        measure.put("confirmedBy", "何班长");
        ObjectNode briefing = data.putObject("briefing");
        briefing.put("givenBy", "王建国");
        briefing.put("receivedBy", "李强");
        return data;
    }

    private static String rfc3339(OffsetDateTime time) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").format(time);
    }

    private ObjectNode worker(String name, String idNumber) {
        ObjectNode row = json.createObjectNode();
        row.put("name", name);
        row.put("idNumber", idNumber);
        row.put("certNumber", "T" + idNumber);
        return row;
    }

    private ObjectNode gasReading(String detectorId, int methanePercentLel, boolean sensorFault) {
        ObjectNode reading = json.createObjectNode();
        reading.put("detectorId", detectorId);
        reading.put("measuredAt", rfc3339(OffsetDateTime.ofInstant(NOW, SHANGHAI).minusMinutes(5)));
        reading.put("oxygenPercentVol", "20.9");
        reading.put("coPpm", "0");
        reading.put("h2sPpm", "0");
        ObjectNode flammable = reading.putObject("flammable");
        flammable.put("value", methanePercentLel);
        flammable.put("unit", "%LEL");
        flammable.put("gas", "甲烷");
        reading.put("sensorFault", sensorFault);
        reading.put("calibratedOn", "2026-10-01");
        return reading;
    }

    private void loadRegistryFromLedger() {
        for (Person person : qualifications.persons(tenantId)) {
            for (Certificate certificate : qualifications.certificatesOf(tenantId, person.id())) {
                boolean mismatched = person.idNumber().equals(SUN_HAO);
                registry.put(person.idNumber(), new RegistryCertificateRecord(certificate.certNumber(), person.name(),
                        person.gender(), certificate.category(), certificate.item(), certificate.firstIssuedOn(),
                        certificate.validFrom(),
                        mismatched ? certificate.validUntil().minusYears(1) : certificate.validUntil(),
                        certificate.reviewDueOn(), certificate.reviewDoneOn(), certificate.issuer(),
                        RegistryCertificateRecord.STATUS_VALID));
            }
        }
    }

    private String stateOf(String idNumber) {
        Person person = qualifications.findPersonByIdNumber(tenantId, idNumber).orElseThrow();
        return qualifications.certificatesOf(tenantId, person.id()).getFirst().state().name();
    }

    private JsonNode personByName(String name) throws Exception {
        return get("admin", "/api/persons").valueStream()
                .filter(person -> person.path("name").asString().equals(name)).findFirst().orElseThrow();
    }

    private JsonNode taskFor(String approver) throws Exception {
        return get(approver, "/api/tasks").valueStream()
                .filter(task -> task.path("permitId").asLong() == permitId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no task of permit " + permitId + " for " + approver));
    }

    private void repoint(String connectorKey, URI baseUrl) {
        ObjectNode body = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.CONNECTOR, connectorKey).body()
                .deepCopy();
        body.put("baseUrl", baseUrl.toString());
        metadata.saveAndPublish(tenantId, MetadataKind.CONNECTOR, connectorKey, body, "test");
    }

    private String user(String role) {
        return "e2e-" + role + "-" + tenantId;
    }

    private HttpRequest.Builder request(String role, String path) {
        String credentials = Base64.getEncoder().encodeToString((user(role) + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials);
    }

    private JsonNode get(String role, String path) throws Exception {
        HttpResponse<String> response = http.send(request(role, path).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s as %s: %s", path, role, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode post(String role, String path, Object body, int expectedStatus) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        HttpResponse<String> response = http.send(request(role, path).header("Content-Type", "application/json")
                .POST(publisher).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s as %s: %s", path, role, response.body())
                .isEqualTo(expectedStatus);
        return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
    }

    private JsonNode put(String role, String path, Object body, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(request(role, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("PUT %s as %s: %s", path, role, response.body())
                .isEqualTo(expectedStatus);
        return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
    }

    private JsonNode upload(String role, String fileName, byte[] content) throws Exception {
        String boundary = "tezuo-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(request(role, "/api/roster/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("upload: %s", response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
