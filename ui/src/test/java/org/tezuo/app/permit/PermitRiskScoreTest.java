package org.tezuo.app.permit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.connector.weather.QWeatherStubServer;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import org.tezuo.form.record.RecordService;
import org.tezuo.workflow.approval.ApprovalInbox;
import org.tezuo.workflow.approval.ApprovalTask;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Submits hot-work permits of the LNG template in a fresh tenant whose approval flow branches on the risk score:
 * a score of 75 or more (the major band) adds a risk review by the safety director before the safety engineer. One
 * test submits next to other operations to see SIMOPS conflicts refuse a submission or add a risk item.
 *
 * <p>The work window starts ten minutes from now, so the form raises the grade at night and on rest days: a permit
 * on the pipe rack is 一级 by day and 特级 at night, one in a non-hazardous area 二级 by day and 一级 at night. The
 * assertions hold for both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PermitRiskScoreTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String WORKER_ID_NUMBER = "110105199001011232";
    private static final String PASSWORD = "Anquan-2026";
    private static final int MAJOR_BAND_MIN = 75;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    QualificationStore qualifications;

    @Autowired
    PermitDrafter drafter;

    @Autowired
    PermitSubmitter submitter;

    @Autowired
    PermitStore permits;

    @Autowired
    ApprovalInbox inbox;

    @Autowired
    RecordService records;

    @Autowired
    MetadataStore metadata;

    @Autowired
    JsonMapper json;

    private final QWeatherStubServer weather = QWeatherStubServer.start("");
    private long tenantId;
    private String applicant;
    private String director;
    private String engineer;

    @BeforeEach
    void seedTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var installation = installer.createTenant("risk-" + suffix, "风险评分测试化工", "lng-terminal", SHANGHAI,
                "test");
        tenantId = installation.tenant().id();
        qualifiedPerson("李焊工", WORKER_ID_NUMBER);
        applicant = "welder-" + suffix;
        director = "director-" + suffix;
        engineer = "engineer-" + suffix;
        accounts.create(tenantId, applicant, PASSWORD, "李焊工", Set.of("WORKER"),
                installation.orgUnitIds().get("MAINT"), WORKER_ID_NUMBER);
        accounts.create(tenantId, director, PASSWORD, "刘安全", Set.of("SAFETY_DIRECTOR"),
                installation.orgUnitIds().get("SAFETY"), null);
        accounts.create(tenantId, engineer, PASSWORD, "陈工", Set.of("SAFETY_ENGINEER"),
                installation.orgUnitIds().get("SAFETY"), null);
        repointWeather();
        publishFlowWithRiskBranch();
    }

    @AfterEach
    void stopWeather() {
        weather.close();
    }

    @Test
    @DisplayName("A high-score permit is stored with its score and routed to the extra risk review")
    void highScoreRoutesToRiskReview() {
        weather.setObservation("20", "4", "16", "55", OffsetDateTime.now(SHANGHAI).minusMinutes(10));
        Permit permit = draft();
        postGasReading(permit, 5);

        submitter.submit(new Actor(tenantId, applicant, Locale.SIMPLIFIED_CHINESE), permit.id());

        PermitRiskScore score = permits.riskScore(tenantId, permit.id()).orElseThrow();
        assertThat(score.total()).isGreaterThanOrEqualTo(MAJOR_BAND_MIN);
        assertThat(score.band()).isEqualTo("major");
        assertThat(score.bandZh()).isEqualTo("重大风险");
        assertThat(score.items()).extracting(PermitRiskScore.Item::code)
                .containsAnyOf("score.floor.first-grade", "score.floor.special-grade")
                .contains("score.live.wind", "score.live.gas-near-limit");
        assertThat(score.subScores()).containsOnlyKeys("workType", "location", "environment", "equipment",
                "personnel");
        assertThat(score.items()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(score.items()).filteredOn(item -> item.code().equals("score.personnel.certificate"))
                .singleElement().satisfies(item -> assertThat(item.value()).isEqualTo("valid"));
        assertThat(score.top(3)).extracting(PermitRiskScore.Item::rank).containsExactly(1, 2, 3);
        assertThat(score.items()).filteredOn(item -> item.code().equals("score.environment.wind")).singleElement()
                .satisfies(item -> {
                    assertThat(item.value()).isEqualTo("4");
                    assertThat(item.unit()).isEqualTo("级");
                });
        assertThat(openNodes(permit)).containsExactly("riskReview");
    }

    @Test
    @DisplayName("A permit below the major band skips the risk review and goes to the safety engineer")
    void lowScoreSkipsRiskReview() {
        weather.setObservation("5", "1", "16", "55", OffsetDateTime.now(SHANGHAI).minusMinutes(10));
        ObjectNode data = draftData();
        data.put("areaClass", "non-hazardous");
        Permit permit = drafter.create(new Actor(tenantId, applicant, Locale.SIMPLIFIED_CHINESE), "hot-work", data);
        postGasReading(permit, 0);

        submitter.submit(new Actor(tenantId, applicant, Locale.SIMPLIFIED_CHINESE), permit.id());

        PermitRiskScore score = permits.riskScore(tenantId, permit.id()).orElseThrow();
        assertThat(score.total()).isLessThan(MAJOR_BAND_MIN);
        assertThat(score.band()).isIn("low", "general", "considerable");
        assertThat(openNodes(permit)).containsExactly("safetyDepartment");
    }

    @Test
    @DisplayName("The zone and equipment picked on the form are read from their registers into the score")
    void registerRecordsFeedTheScore() {
        weather.setObservation("5", "1", "16", "55", OffsetDateTime.now(SHANGHAI).minusMinutes(10));
        long zone = records.create(tenantId, "site_zone", json.createObjectNode().put("name", "1# 码头管廊")
                .put("areaClass", "zone-1").put("musterPoint", "1# 集合点").put("nearestAed", "码头值班室 AED"), null,
                "test", Locale.SIMPLIFIED_CHINESE).id();
        long equipment = records.create(tenantId, "equipment", json.createObjectNode().put("tag", "P-101")
                .put("equipmentType", "卸料管线").put("pressureMpa", 0.3).put("valvePosition", "open")
                .put("isolationStatus", "isolated"), null, "test", Locale.SIMPLIFIED_CHINESE).id();
        ObjectNode data = draftData();
        data.put("siteZone", zone);
        data.put("equipment", equipment);
        Permit permit = drafter.create(new Actor(tenantId, applicant, Locale.SIMPLIFIED_CHINESE), "hot-work", data);
        postGasReading(permit, 0);

        submitter.submit(new Actor(tenantId, applicant, Locale.SIMPLIFIED_CHINESE), permit.id());

        PermitRiskScore score = permits.riskScore(tenantId, permit.id()).orElseThrow();
        assertThat(score.subScores()).containsEntry("location", new BigDecimal("80"))
                .containsEntry("equipment", new BigDecimal("100"));
        assertThat(score.items()).filteredOn(item -> item.code().equals("score.location.area-class"))
                .singleElement().satisfies(item -> assertThat(item.value()).isEqualTo("zone-1"));
        assertThat(score.items()).filteredOn(item -> item.code().equals("score.equipment.pressure"))
                .singleElement().satisfies(item -> {
                    assertThat(item.value()).isEqualTo("0.3");
                    assertThat(item.unit()).isEqualTo("MPa");
                });
        assertThat(openNodes(permit)).containsExactly(score.total() >= MAJOR_BAND_MIN ? "riskReview"
                : "safetyDepartment");
    }

    @Test
    @DisplayName("A SIMOPS block refuses the submission with the risk reasons, and a SIMOPS warning is stored to confirm")
    void simopsConflictsAtSubmission() {
        weather.setObservation("5", "1", "16", "55", OffsetDateTime.now(SHANGHAI).minusMinutes(10));
        Actor actor = new Actor(tenantId, applicant, Locale.SIMPLIFIED_CHINESE);
        long zone = records.create(tenantId, "site_zone", json.createObjectNode().put("name", "1# 码头管廊")
                .put("areaClass", "zone-1"), null, "test", Locale.SIMPLIFIED_CHINESE).id();
        ObjectNode data = draftData();
        data.put("siteZone", zone);
        long venting = records.create(tenantId, "site_activity", json.createObjectNode().put("kind", "venting")
                .put("siteZone", zone).put("description", "卸料臂放空")
                .put("startsAt", data.path("workStart").asString()).put("endsAt", data.path("workEnd").asString()),
                null, "test", Locale.SIMPLIFIED_CHINESE).id();
        Permit refused = drafter.create(actor, "hot-work", data);
        postGasReading(refused, 0);

        PermitRefusedException refusal = catchThrowableOfType(PermitRefusedException.class,
                () -> submitter.submit(actor, refused.id()));
        records.delete(tenantId, "site_activity", venting, null, "test");
        long lifting = permits.insertDraft(tenantId, "lifting", "lifting-permit",
                metadata.requirePublished(tenantId, MetadataKind.FORM, "lifting-permit").version(), "lifting-approval",
                "lifting", applicant, json.createObjectNode().put("siteZone", zone)
                        .put("workStart", data.path("workStart").asString())
                        .put("workEnd", data.path("workEnd").asString()));
        permits.transition(tenantId, lifting, PermitStatus.DRAFT, PermitStatus.IN_APPROVAL);
        submitter.submit(actor, refused.id());

        assertThat(refusal.stage()).isEqualTo(PermitRefusedException.Stage.RISK);
        assertThat(refusal.reasons()).extracting(PermitRefusedException.Reason::path)
                .containsExactly("simops.release-near-hot-work@activity-" + venting);
        assertThat(refusal.reasons().getFirst().message()).contains("卸料臂放空", "相距 0 m", "GB 30871-2022 5.2.9");
        assertThat(permits.find(tenantId, refused.id()).orElseThrow().riskItems())
                .filteredOn(item -> item.code().startsWith("simops."))
                .singleElement().satisfies(item -> {
                    assertThat(item.code()).isEqualTo("simops.lifting-near-permit@permit-" + lifting);
                    assertThat(item.severity()).isEqualTo("CONFIRM");
                    assertThat(item.messageZh()).contains("吊装安全作业票 #" + lifting, "相距 0 m");
                });
    }

    /** Returns the node ids of the permit's open tasks of the director and the safety engineer. */
    private List<String> openNodes(Permit permit) {
        return Stream.of(director, engineer)
                .flatMap(user -> inbox.tasks(tenantId, user).stream())
                .filter(task -> task.businessKey().equals(PermitSubmitter.businessKey(permit.id())))
                .map(ApprovalTask::nodeId)
                .distinct()
                .toList();
    }

    private void publishFlowWithRiskBranch() {
        ObjectNode flow = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.FLOW, "hot-work-approval")
                .body().deepCopy();
        JsonNode safetyDepartment = flow.path("nodes").valueStream()
                .filter(node -> node.path("id").asString().equals("safetyDepartment"))
                .findFirst().orElseThrow();
        ArrayNode nodes = flow.putArray("nodes");
        ObjectNode branch = nodes.addObject();
        branch.put("id", "riskGate").put("type", "branch").putObject("name").put("zh", "按风险评分");
        ArrayNode branches = branch.putArray("branches");
        ObjectNode high = branches.addObject();
        high.put("id", "high").putObject("name").put("zh", "重大风险");
        high.putObject("condition").put("source", "riskScore").put("op", "gte").put("value", MAJOR_BAND_MIN);
        ObjectNode review = high.putArray("nodes").addObject();
        review.put("id", "riskReview").put("type", "approver").put("mode", "single");
        review.putObject("name").put("zh", "风险复核");
        review.putObject("assignee").put("by", "role").put("role", "SAFETY_DIRECTOR");
        ObjectNode other = branches.addObject();
        other.put("id", "other").put("default", true).putObject("name").put("zh", "其他");
        other.putArray("nodes");
        nodes.add(safetyDepartment);
        metadata.saveAndPublish(tenantId, MetadataKind.FLOW, "hot-work-approval", flow, "test");
    }

    private void repointWeather() {
        ObjectNode body = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.CONNECTOR, "weather").body()
                .deepCopy();
        body.put("baseUrl", weather.baseUrl().toString());
        metadata.saveAndPublish(tenantId, MetadataKind.CONNECTOR, "weather", body, "test");
    }

    private Permit draft() {
        return drafter.create(new Actor(tenantId, applicant, Locale.SIMPLIFIED_CHINESE), "hot-work", draftData());
    }

    private ObjectNode draftData() {
        return HotWorkTestPermits.hotWorkData(json, applicant, director, WORKER_ID_NUMBER,
                OffsetDateTime.now(SHANGHAI));
    }

    private void postGasReading(Permit permit, int methanePercentLel) {
        OffsetDateTime measuredAt = OffsetDateTime.now(SHANGHAI).minusMinutes(5);
        ObjectNode reading = json.createObjectNode();
        reading.put("detectorId", "GD-07");
        reading.put("measuredAt", rfc3339(measuredAt));
        reading.put("oxygenPercentVol", "20.9");
        reading.put("coPpm", "0");
        reading.put("h2sPpm", "0");
        reading.putObject("flammable").put("value", methanePercentLel).put("unit", "%LEL").put("gas", "甲烷");
        reading.put("sensorFault", false);
        reading.put("calibratedOn", LocalDate.now(SHANGHAI).minusMonths(1).toString());
        permits.insertGasReading(tenantId, permit.id(), "GD-07", measuredAt.toInstant(), reading);
    }

    private void qualifiedPerson(String name, String idNumber) {
        HotWorkTestPermits.qualifiedWelder(qualifications, tenantId, name, idNumber, LocalDate.now(SHANGHAI));
    }

    private static String rfc3339(OffsetDateTime time) {
        return HotWorkTestPermits.rfc3339(time);
    }
}
