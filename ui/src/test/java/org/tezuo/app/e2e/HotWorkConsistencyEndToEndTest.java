package org.tezuo.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import org.tezuo.form.record.RecordService;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateCatalog;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks through the REST API, on PostgreSQL with a real Flowable engine, that a hot-work permit cannot contradict
 * itself or the site zone register. A permit that calls the zone-1 tank farm "LNG 储罐区 T-101" a fixed hot-work area
 * is refused at submission, and an approver cannot mark the video-recording item of a 特级 permit verified on site
 * while the applicant answered the camera measure 否. The clock is pinned to 2026-12-04 10:00 in Shanghai.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotWorkConsistencyEndToEndTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = OffsetDateTime.parse("2026-12-04T10:00:00+08:00").toInstant();
    private static final String PASSWORD = "E2e@2026-secret";
    private static final String LI_QIANG = "320623198509230318";
    private static final String WANG_JIANGUO = "320623197804120133";
    private static final String CAMERA_MEASURE = "配备的摄录设备已到位，且防爆级别满足安全要求";

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
    RecordService records;

    @Autowired
    JsonMapper json;

    private PermitApiClient api;
    private QWeatherStubServer weather;
    private long tenantId;
    private long tankFarm;
    private long workshop;

    @BeforeAll
    void createTenantWithZones() throws Exception {
        weather = QWeatherStubServer.start("");
        api = new PermitApiClient(port, json, PASSWORD, this::user, Clock.fixed(NOW, SHANGHAI), SHANGHAI);
        var installation = installer.createTenant("e2e-hwc-" + UUID.randomUUID(), "动火一致性测试化工",
                "lng-terminal", SHANGHAI, "test");
        tenantId = installation.tenant().id();
        Map<String, Long> units = installation.orgUnitIds();
        accounts.create(tenantId, user("admin"), PASSWORD, "管理员", Set.of("SYSTEM_ADMIN"), units.get("HQ"), null);
        accounts.create(tenantId, user("leader"), PASSWORD, "王建国", Set.of("WORK_LEADER"), units.get("MAINT"),
                WANG_JIANGUO);
        accounts.create(tenantId, user("unithead"), PASSWORD, "马主任", Set.of("UNIT_HEAD"), units.get("MAINT"), null);
        accounts.create(tenantId, user("engineer"), PASSWORD, "陈工", Set.of("SAFETY_ENGINEER"), units.get("SAFETY"),
                null);
        accounts.create(tenantId, user("director"), PASSWORD, "刘安全", Set.of("SAFETY_DIRECTOR"), units.get("SAFETY"),
                null);
        accounts.create(tenantId, user("worker"), PASSWORD, "李强", Set.of("WORKER"), units.get("MAINT"), LI_QIANG);
        ObjectNode connector = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.CONNECTOR, "weather")
                .body().deepCopy();
        connector.put("baseUrl", weather.baseUrl().toString());
        metadata.saveAndPublish(tenantId, MetadataKind.CONNECTOR, "weather", connector, "test");
        weather.setObservation("12", "2", "16", "55", OffsetDateTime.ofInstant(NOW, SHANGHAI).minusMinutes(5));
        api.upload("admin", "持证台账.csv", templates.resource("lng-terminal", "demo/roster.csv"));
        tankFarm = zone("LNG 储罐区 T-101", "zone-1");
        workshop = zone("机修车间固定动火区", "non-hazardous");
    }

    @AfterAll
    void stopWeather() {
        weather.close();
    }

    @Test
    @DisplayName("A fixed hot-work area in the zone-1 tank farm is refused at submission and the permit stays a draft")
    void fixedAreaInExplosiveZoneIsRefused() throws Exception {
        long permit = draft(hotWork("fixed-hot-work-area", tankFarm));

        JsonNode chinese = api.post("worker", "/api/permits/" + permit + "/submit", null, 422);
        JsonNode english = api.send("worker", "/api/permits/" + permit + "/submit", null, "en", 422);

        assertThat(chinese.path("code").asString()).isEqualTo("permit.refused.form");
        assertThat(chinese.path("details")).hasSize(1);
        assertThat(chinese.path("details").get(0).path("path").asString()).isEqualTo("areaClass");
        assertThat(chinese.path("details").get(0).path("message").asString()).isEqualTo(
                "作业区域“LNG 储罐区 T-101”在场所区域台账中划为 1 区（爆炸危险区域），“动火区域类别”不能选“固定动火区”；"
                        + "请按动火点所在场所改选火灾爆炸危险场所的类别，动火级别和有效期随之重新确定；"
                        + "若确在固定动火区或非火灾爆炸危险场所动火，请改选台账中相应的作业区域"
                        + "（依据 GB 30871-2022 第 5 章按动火场所分级；固定动火区与易燃易爆设施的距离不小于 30 m，见 5.5）");
        assertThat(english.path("details").get(0).path("message").asString()).startsWith(
                "Work zone \"LNG 储罐区 T-101\" is classed Zone 1 (an explosive atmosphere) in the site zone register, "
                        + "so \"Hot-work area class\" cannot be \"Fixed hot-work area\";");
        JsonNode stored = api.get("worker", "/api/permits/" + permit);
        assertThat(stored.path("status").asString()).isEqualTo("DRAFT");
        assertThat(stored.path("riskItems")).isEmpty();
    }

    @Test
    @DisplayName("A non-hazardous category in the zone-1 tank farm is refused, a fixed area in a non-hazardous zone "
            + "is submitted as 二级")
    void categoryMustMatchTheZone() throws Exception {
        long otherArea = draft(hotWork("non-hazardous", tankFarm));
        long fixedArea = draft(hotWork("fixed-hot-work-area", workshop));

        JsonNode refusal = api.post("worker", "/api/permits/" + otherArea + "/submit", null, 422);
        JsonNode submitted = api.post("worker", "/api/permits/" + fixedArea + "/submit", null, 200);

        assertThat(refusal.path("details").get(0).path("message").asString())
                .startsWith("作业区域“LNG 储罐区 T-101”在场所区域台账中划为 1 区（爆炸危险区域），“动火区域类别”不能选"
                        + "“其他区域（非火灾爆炸危险场所）”；");
        assertThat(submitted.path("status").asString()).isEqualTo("IN_APPROVAL");
        assertThat(submitted.path("data").path("grade").asString()).isEqualTo("二级");
    }

    @Test
    @DisplayName("The video item of a 特级 permit cannot be verified on site while the camera measure says 否, and "
            + "nothing of the request is saved; escalation with a note is accepted")
    void videoItemNeedsTheCameraMeasure() throws Exception {
        ObjectNode data = hotWork("major-hazard-tank-bund", tankFarm);
        data.withArray("safetyMeasures").addObject().put("item", CAMERA_MEASURE).put("applies", false);
        long permit = draft(data);
        JsonNode submitted = api.post("worker", "/api/permits/" + permit + "/submit", null, 200);
        List<String> codes = submitted.path("riskItems").valueStream().map(item -> item.path("code").asString())
                .toList();
        int videoNumber = codes.indexOf("hot-work.special.video") + 1;
        String task = taskOf("leader", permit);
        List<Map<String, String>> allVerified = new ArrayList<>();
        codes.forEach(code -> allVerified.add(Map.of("itemCode", code, "decision", "VERIFIED_ON_SITE")));

        JsonNode refusal = api.post("leader", "/api/tasks/" + task + "/risk-confirmations", allVerified, 422);
        JsonNode approval = api.post("leader", "/api/tasks/" + task + "/approve", Map.of("comment", "同意"), 422);

        assertThat(submitted.path("data").path("grade").asString()).isEqualTo("特级");
        assertThat(videoNumber).isPositive();
        assertThat(refusal.path("code").asString()).isEqualTo("confirm.measureAnsweredNo");
        assertThat(refusal.path("message").asString()).startsWith("第 " + videoNumber + " 项风险“特级动火须全程视频记录");
        assertThat(refusal.path("message").asString()).endsWith("”不能标记为“已现场核查”："
                + "第 2 项安全措施“" + CAMERA_MEASURE + "”的“是否涉及”填的是“否”，即申请人申明该措施未落实。"
                + "请与申请人核实：将作业票退回申请人，落实并更正该措施后重新提交；"
                + "或将本项标记为“已升级管控”，并在备注中写明另行采取的管控措施");
        assertThat(approval.path("code").asString()).isEqualTo("permit.riskNotConfirmed");
        assertThat(approval.path("message").asString()).contains("还有 " + codes.size() + " 项未由您确认");

        List<Map<String, String>> escalated = new ArrayList<>();
        codes.forEach(code -> escalated.add(code.equals("hot-work.special.video")
                ? Map.of("itemCode", code, "decision", "ESCALATED", "note", "已调防爆摄像机到位后方可动火")
                : Map.of("itemCode", code, "decision", "VERIFIED_ON_SITE")));
        api.post("leader", "/api/tasks/" + task + "/risk-confirmations", escalated, 204);
        api.post("leader", "/api/tasks/" + task + "/approve", Map.of("comment", "同意"), 200);
    }

    private long draft(ObjectNode data) throws Exception {
        long permit = api.post("worker", "/api/permits", Map.of("type", "hot-work", "data", data), 201).path("id")
                .asLong();
        api.post("worker", "/api/permits/" + permit + "/gas-readings", api.gasReading("GD-07", 5), 201);
        return permit;
    }

    /** Returns one-row hot-work data by day in {@code zone} with the area category {@code areaClass}. */
    private ObjectNode hotWork(String areaClass, long zone) {
        JsonNode properties = metadata.requirePublished(tenantId, MetadataKind.FORM, "hot-work-permit").body()
                .path("schema").path("properties");
        ObjectNode data = api.hotWorkData(properties, user("leader"), "何班长", LI_QIANG, WANG_JIANGUO);
        data.put("areaClass", areaClass);
        data.remove("onRunningEquipment");
        data.put("siteZone", zone);
        return data;
    }

    private String taskOf(String role, long permit) throws Exception {
        return api.get(role, "/api/tasks").valueStream()
                .filter(task -> task.path("permitId").asLong() == permit)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no task of permit " + permit + " for " + role))
                .path("taskId").asString();
    }

    private long zone(String name, String areaClass) {
        ObjectNode data = json.createObjectNode().put("name", name).put("areaClass", areaClass);
        return records.create(tenantId, "site_zone", data, null, "test", Locale.SIMPLIFIED_CHINESE).id();
    }

    private String user(String role) {
        return "e2e-hwc-" + role + "-" + tenantId;
    }
}
