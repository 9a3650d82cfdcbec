package org.tezuo.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.connector.weather.QWeatherStubServer;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateCatalog;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a work-at-height and a confined-space permit through the REST API on PostgreSQL with a real Flowable engine
 * and a loopback weather server. The new types are offered and the server computes the height grade. Level 5 wind
 * and low oxygen refuse a submission, and each permit is approved in its sign-off order and issued. The clock is
 * pinned to 2026-12-04 10:00 in Shanghai, the day the demo ledger's states are computed for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpecialOperationPermitsEndToEndTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = OffsetDateTime.parse("2026-12-04T10:00:00+08:00").toInstant();
    private static final String PASSWORD = "E2e@2026-secret";
    private static final String LI_QIANG = "320623198509230318";
    private static final String WANG_JIANGUO = "320623197804120133";
    private static final String DUAN_SIYUAN = "320623197604303015";
    private static final String FAN_MINGHUI = "320681199212156418";

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
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private QWeatherStubServer weather;
    private long tenantId;

    @BeforeAll
    void createTenantWithLedger() throws Exception {
        weather = QWeatherStubServer.start("");
        var installation = installer.createTenant("e2e-so-" + UUID.randomUUID(), "特殊作业测试化工", "lng-terminal",
                SHANGHAI, "test");
        tenantId = installation.tenant().id();
        Map<String, Long> units = installation.orgUnitIds();
        accounts.create(tenantId, user("admin"), PASSWORD, "管理员", Set.of("SYSTEM_ADMIN"), units.get("HQ"), null);
        accounts.create(tenantId, user("director"), PASSWORD, "刘安全", Set.of("SAFETY_DIRECTOR"), units.get("SAFETY"),
                null);
        accounts.create(tenantId, user("engineer"), PASSWORD, "陈工", Set.of("SAFETY_ENGINEER"), units.get("SAFETY"),
                null);
        accounts.create(tenantId, user("unithead"), PASSWORD, "马主任", Set.of("UNIT_HEAD"), units.get("MAINT"), null);
        accounts.create(tenantId, user("leader"), PASSWORD, "王建国", Set.of("WORK_LEADER"), units.get("MAINT"),
                WANG_JIANGUO);
        accounts.create(tenantId, user("worker"), PASSWORD, "李强", Set.of("WORKER"), units.get("MAINT"), LI_QIANG);
        accounts.create(tenantId, user("scaffolder"), PASSWORD, "段思远", Set.of("WORKER"), units.get("MAINT"),
                DUAN_SIYUAN);
        repointWeather();
        upload("admin", "持证台账.csv", templates.resource("lng-terminal", "demo/roster.csv"));
    }

    @AfterAll
    void stopWeather() {
        weather.close();
    }

    @Test
    @Order(1)
    @DisplayName("The new-permit list offers the confined-space, blind-flange, work-at-height and lifting permits")
    void newTypesAreOffered() throws Exception {
        JsonNode types = get("worker", "/api/permit-types");

        assertThat(types.valueStream().map(type -> type.path("type").asString()).toList())
                .contains("hot-work", "confined-space", "blind-flange", "work-at-height", "lifting");
        assertThat(types.valueStream().map(type -> type.path("name").asString()).toList())
                .contains("受限空间安全作业票", "盲板抽堵安全作业票", "高处安全作业票", "吊装安全作业票");
        assertThat(get("worker", "/api/permit-types/lifting/initial-data").path("safetyMeasures")).hasSize(20);
    }

    @Test
    @Order(2)
    @DisplayName("Level 5 wind refuses open-air work at height and names the clause")
    void levelFiveWindRefusesWorkAtHeight() throws Exception {
        weather.setObservation("30", "5", "12", "55", OffsetDateTime.ofInstant(NOW, SHANGHAI).minusMinutes(10));
        long permit = post("scaffolder", "/api/permits", Map.of("type", "work-at-height", "data",
                heightPermit(18)), 201).path("id").asLong();

        JsonNode refusal = post("scaffolder", "/api/permits/" + permit + "/submit", null, 422);

        assertThat(refusal.path("code").asString()).isEqualTo("permit.refused.risk");
        assertThat(refusal.path("details").valueStream().map(detail -> detail.path("message").asString()).toList())
                .anySatisfy(message -> assertThat(message)
                        .startsWith("当前风速 8.3 m/s（5级），达到 5 级风，不应进行露天高处作业 — GB 30871-2022 8.2.6（高处作业；"
                                + "限值：5级风下限风速 8 m/s（来源：")
                        .endsWith("依据 GB/T 28591-2012（5级 8.0–10.7 m/s）；GB 30871-2022 8.1.2 a)））"));
    }

    @Test
    @Order(3)
    @DisplayName("An 18 m permit is graded III by the server and signed off by the work leader, the unit and the "
            + "specialist department")
    void workAtHeightIsIssued() throws Exception {
        weather.setObservation("12", "2", "12", "55", OffsetDateTime.ofInstant(NOW, SHANGHAI).minusMinutes(10));
        ObjectNode data = heightPermit(18);
        data.put("grade", "I级");
        long permit = post("scaffolder", "/api/permits", Map.of("type", "work-at-height", "data", data), 201)
                .path("id").asLong();

        JsonNode submitted = post("scaffolder", "/api/permits/" + permit + "/submit", null, 200);
        approveInOrder(permit, submitted, List.of("leader", "unithead", "engineer"));

        JsonNode issued = get("scaffolder", "/api/permits/" + permit);
        assertThat(submitted.path("data").path("grade").asString()).isEqualTo("III级");
        assertThat(submitted.path("data").path("classificationMethod").asString()).isEqualTo("A");
        assertThat(issued.path("status").asString()).isEqualTo("ISSUED");
        assertThat(issued.path("permitNumber").asString()).isEqualTo("GC-20261204-0001");
        assertThat(get("scaffolder", "/api/permits/" + permit + "/history")).hasSize(3);
    }

    @Test
    @Order(4)
    @DisplayName("Oxygen at 18 %vol on the form refuses a confined-space entry")
    void lowOxygenRefusesConfinedSpace() throws Exception {
        long permit = post("worker", "/api/permits", Map.of("type", "confined-space", "data",
                confinedSpacePermit("18.0")), 201).path("id").asLong();

        JsonNode refusal = post("worker", "/api/permits/" + permit + "/submit", null, 422);

        assertThat(refusal.path("code").asString()).isEqualTo("permit.refused.risk");
        assertThat(refusal.path("details").valueStream().map(detail -> detail.path("message").asString()).toList())
                .contains("化验员周八（人工分析，下部） 测得氧含量 18 %vol，低于合格下限 19.5 %vol，不得进入；请通风置换后"
                        + "重新检测 — GB 30871-2022 6.4 a)（受限空间作业；限值：氧含量合格下限 "
                        + "19.5 %vol（来源：已发布规则集第 1 版，依据 GB 30871-2022 6.4 a)））");
    }

    @Test
    @Order(5)
    @DisplayName("A confined-space permit with passing gas tests is signed off by the work leader and the unit")
    void confinedSpaceIsIssued() throws Exception {
        long permit = post("worker", "/api/permits", Map.of("type", "confined-space", "data",
                confinedSpacePermit("20.9")), 201).path("id").asLong();

        JsonNode submitted = post("worker", "/api/permits/" + permit + "/submit", null, 200);
        approveInOrder(permit, submitted, List.of("leader", "unithead"));

        JsonNode issued = get("worker", "/api/permits/" + permit);
        assertThat(submitted.path("riskItems").valueStream().map(item -> item.path("code").asString()).toList())
                .contains("confined-space.monitoring.continuous", "confined-space.guardian.outside");
        assertThat(issued.path("status").asString()).isEqualTo("ISSUED");
        assertThat(issued.path("permitNumber").asString()).isEqualTo("SX-20261204-0001");
    }

    /** Has each approver confirm every risk item and approve, checking that the task is theirs in this order. */
    private void approveInOrder(long permit, JsonNode submitted, List<String> approvers) throws Exception {
        assertThat(submitted.path("status").asString()).isEqualTo("IN_APPROVAL");
        List<String> riskCodes = submitted.path("riskItems").valueStream()
                .map(item -> item.path("code").asString()).toList();
        for (String approver : approvers) {
            String taskId = taskFor(approver, permit).path("taskId").asString();
            List<Map<String, String>> confirmations = new ArrayList<>();
            for (String code : riskCodes) {
                confirmations.add(Map.of("itemCode", code, "decision", "VERIFIED_ON_SITE", "note", "现场已核查"));
            }
            post(approver, "/api/tasks/" + taskId + "/risk-confirmations", confirmations, 204);
            post(approver, "/api/tasks/" + taskId + "/approve", Map.of("comment", approver + " 同意"), 200);
        }
    }

    private ObjectNode heightPermit(int heightMetres) {
        OffsetDateTime start = OffsetDateTime.ofInstant(NOW, SHANGHAI).plusMinutes(30);
        ObjectNode data = json.createObjectNode();
        data.put("applicantUnit", "维修车间");
        data.put("appliedAt", rfc3339(OffsetDateTime.ofInstant(NOW, SHANGHAI)));
        data.put("location", "LNG 储罐 T-101 罐顶平台");
        data.put("workContent", "罐顶安全阀检修脚手架搭设");
        data.put("workingHeightMetres", heightMetres);
        data.put("openAir", true);
        data.put("workUnit", "维修车间");
        data.put("workLeader", user("leader"));
        data.put("guardian", "何班长");
        ArrayNode workers = data.putArray("workers");
        workers.add(worker("段思远", DUAN_SIYUAN));
        workers.add(worker("范明辉", FAN_MINGHUI));
        data.put("workStart", rfc3339(start));
        data.put("workEnd", rfc3339(start.plusDays(2)));
        data.put("riskIdentification", "高处坠落；物体打击");
        addMeasure(data, "作业人员佩戴符合标准要求的安全帽、安全带");
        ObjectNode briefing = data.putObject("briefing");
        briefing.put("givenBy", user("leader"));
        briefing.put("receivedBy", "段思远、范明辉");
        return data;
    }

    private ObjectNode confinedSpacePermit(String bottomOxygenPercentVol) {
        OffsetDateTime now = OffsetDateTime.ofInstant(NOW, SHANGHAI);
        ObjectNode data = json.createObjectNode();
        data.put("applicantUnit", "维修车间");
        data.put("appliedAt", rfc3339(now));
        data.put("spaceName", "BOG 压缩机入口缓冲罐 V-201");
        data.put("originalMedium", "天然气（甲烷）");
        data.put("workContent", "罐内检查及清理");
        data.put("workUnit", "维修车间");
        data.put("workLeader", user("leader"));
        data.put("guardian", "何班长");
        data.putArray("entrants").addObject().put("name", "李强").put("idNumber", LI_QIANG);
        data.put("isolationMethod", "加盲板");
        data.put("isolationDetail", "入口、出口各加盲板 1 块（MB-11、MB-12）");
        data.put("ventilationMethod", "强制通风");
        ArrayNode gas = data.putArray("gasAnalyses");
        gas.add(gasRow(now.minusMinutes(8), "上部", "20.9"));
        gas.add(gasRow(now.minusMinutes(6), "下部", bottomOxygenPercentVol));
        data.put("workStart", rfc3339(now.plusMinutes(10)));
        data.put("workEnd", rfc3339(now.plusHours(6)));
        data.put("rescueMeasures", "罐外备正压式空气呼吸器 2 套、救生绳 2 根");
        data.put("riskIdentification", "缺氧窒息；残留天然气中毒、火灾爆炸");
        addMeasure(data, "转动设备已切断电源，电源开关处已加锁并悬挂“禁止合闸”标志牌");
        ObjectNode briefing = data.putObject("briefing");
        briefing.put("givenBy", user("leader"));
        briefing.put("receivedBy", "李强");
        return data;
    }

    private ObjectNode gasRow(OffsetDateTime time, String point, String oxygen) {
        ObjectNode row = json.createObjectNode();
        row.put("time", rfc3339(time));
        row.put("point", point);
        row.put("oxygenPercentVol", new BigDecimal(oxygen));
        row.put("flammableGas", "甲烷");
        row.put("flammableResult", 0);
        row.put("flammableUnit", "%LEL");
        row.put("toxicGas", "硫化氢");
        row.put("toxicResultPpm", 0);
        row.put("analyst", "化验员周八");
        return row;
    }

    private void addMeasure(ObjectNode data, String item) {
        ObjectNode measure = data.putArray("safetyMeasures").addObject();
        measure.put("item", item);
        measure.put("applies", true);
        measure.put("confirmedBy", "何班长");
    }

    private ObjectNode worker(String name, String idNumber) {
        ObjectNode row = json.createObjectNode();
        row.put("name", name);
        row.put("idNumber", idNumber);
        row.put("certNumber", "T" + idNumber);
        return row;
    }

    private static String rfc3339(OffsetDateTime time) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").format(time);
    }

    private JsonNode taskFor(String approver, long permit) throws Exception {
        return get(approver, "/api/tasks").valueStream()
                .filter(task -> task.path("permitId").asLong() == permit)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no task of permit " + permit + " for " + approver));
    }

    private void repointWeather() {
        ObjectNode body = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.CONNECTOR, "weather").body()
                .deepCopy();
        body.put("baseUrl", weather.baseUrl().toString());
        metadata.saveAndPublish(tenantId, MetadataKind.CONNECTOR, "weather", body, "test");
    }

    private String user(String role) {
        return "e2e-so-" + role + "-" + tenantId;
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

    private void upload(String role, String fileName, byte[] content) throws Exception {
        String boundary = "tezuo-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(request(role, "/api/roster/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("upload: %s", response.body()).isEqualTo(200);
    }
}
