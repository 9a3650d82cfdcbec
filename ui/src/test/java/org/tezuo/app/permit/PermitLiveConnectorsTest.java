package org.tezuo.app.permit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.connector.plant.PlantGatewayStubServer;
import org.tezuo.core.connector.weather.QWeatherStubServer;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.form.record.RecordService;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Submits hot-work permits of the LNG template whose zone has fixed gas detectors and whose equipment has a live
 * state, with the template's gas-detection-system and equipment-state connectors pointed at a loopback plant-gateway
 * stub.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PermitLiveConnectorsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String WORKER_ID_NUMBER = "110105199001011232";
    private static final String DETECTOR = "GT-1101";

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
    RecordService records;

    @Autowired
    MetadataStore metadata;

    @Autowired
    JsonMapper json;

    @Autowired
    GasReadingIntake intake;

    private final QWeatherStubServer weather = QWeatherStubServer.start("");
    private final PlantGatewayStubServer gateway = PlantGatewayStubServer.start();
    private long tenantId;
    private String applicant;
    private long zone;
    private long equipment;

    @BeforeEach
    void seedTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var installation = installer.createTenant("live-" + suffix, "实时数据测试化工", "lng-terminal", SHANGHAI,
                "test");
        tenantId = installation.tenant().id();
        HotWorkTestPermits.qualifiedWelder(qualifications, tenantId, "李焊工", WORKER_ID_NUMBER,
                LocalDate.now(SHANGHAI));
        applicant = "welder-" + suffix;
        accounts.create(tenantId, applicant, "Anquan-2026", "李焊工", Set.of("WORKER"),
                installation.orgUnitIds().get("MAINT"), WORKER_ID_NUMBER);
        accounts.create(tenantId, "engineer-" + suffix, "Anquan-2026", "陈工", Set.of("SAFETY_ENGINEER"),
                installation.orgUnitIds().get("SAFETY"), null);
        publishSafetyDepartmentFlow();
        repoint("weather", weather.baseUrl());
        repoint("gas-detection-system", gateway.baseUrl());
        repoint("equipment-state", gateway.baseUrl());
        weather.setObservation("5", "1", "16", "55", OffsetDateTime.now(SHANGHAI).minusMinutes(10));
        zone = records.create(tenantId, "site_zone", json.createObjectNode().put("name", "1# 码头管廊")
                .put("areaClass", "zone-1").put("detectorTags", DETECTOR), null, "test",
                Locale.SIMPLIFIED_CHINESE).id();
        equipment = records.create(tenantId, "equipment", json.createObjectNode().put("tag", "P-101")
                .put("equipmentType", "卸料管线").put("pressureMpa", 0.3).put("valvePosition", "open")
                .put("isolationStatus", "isolated")
                .put("stateUpdatedAt", HotWorkTestPermits.rfc3339(OffsetDateTime.now(SHANGHAI).minusHours(2))),
                null, "test", Locale.SIMPLIFIED_CHINESE).id();
    }

    @AfterEach
    void stopStubs() {
        weather.close();
        gateway.close();
    }

    @Test
    @DisplayName("A fixed detector of the zone above the flammable limit refuses the hot-work permit")
    void fixedDetectorAboveLimitRefuses() {
        gateway.setReading(DETECTOR, "甲烷", "%LEL", "25", false, OffsetDateTime.now(SHANGHAI).minusMinutes(1));
        Permit permit = draftWithCleanPortableReading();

        PermitRefusedException refusal = catchThrowableOfType(PermitRefusedException.class,
                () -> submitter.submit(actor(), permit.id()));

        assertThat(refusal.stage()).isEqualTo(PermitRefusedException.Stage.RISK);
        assertThat(refusal.reasons()).filteredOn(reason -> reason.path().equals("hot-work.gas.flammable-over-limit"))
                .singleElement().satisfies(reason -> assertThat(reason.message()).contains(DETECTOR + "（固定式）"));
    }

    @Test
    @DisplayName("A faulty or stale fixed-detector reading is a sensor fault, never a clean reading")
    void faultyOrStaleDetectorIsSensorFault() {
        gateway.setReading(DETECTOR, "甲烷", "%LEL", "0", true, OffsetDateTime.now(SHANGHAI).minusMinutes(1));
        Permit faulty = draftWithCleanPortableReading();
        PermitRefusedException faultRefusal = catchThrowableOfType(PermitRefusedException.class,
                () -> submitter.submit(actor(), faulty.id()));

        gateway.setReading(DETECTOR, "甲烷", "%LEL", "0", false, OffsetDateTime.now(SHANGHAI).minusMinutes(30));
        Permit stale = draftWithCleanPortableReading();
        PermitRefusedException staleRefusal = catchThrowableOfType(PermitRefusedException.class,
                () -> submitter.submit(actor(), stale.id()));

        assertThat(faultRefusal.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.path()).isEqualTo("hot-work.gas.sensor-fault");
            assertThat(reason.message()).contains(DETECTOR + "（固定式）");
        });
        assertThat(staleRefusal.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.path()).isEqualTo("hot-work.gas.sensor-fault");
            assertThat(reason.message()).contains(DETECTOR + "（固定式，读数已过时）");
        });
    }

    @Test
    @DisplayName("A gateway outage gives a data-missing item for the detectors and states the manual equipment age")
    void outageGivesDataMissingItems() {
        gateway.setOutage(true);
        Permit permit = draftWithCleanPortableReading();

        submitter.submit(actor(), permit.id());

        assertThat(permits.find(tenantId, permit.id()).orElseThrow().riskItems())
                .filteredOn(item -> item.code().startsWith("live."))
                .satisfiesExactlyInAnyOrder(
                        item -> {
                            assertThat(item.code()).isEqualTo("live.gas-detection.unavailable");
                            assertThat(item.severity()).isEqualTo("CONFIRM");
                            assertThat(item.messageZh()).contains(DETECTOR, "实时读数缺失", "HTTP 503");
                        },
                        item -> {
                            assertThat(item.code()).isEqualTo("live.equipment-state.unavailable");
                            assertThat(item.messageZh()).contains("P-101", "按人工录入值评估", "已 120 分钟");
                        });
        PermitRiskScore score = permits.riskScore(tenantId, permit.id()).orElseThrow();
        assertThat(score.items()).filteredOn(item -> item.code().equals("score.equipment.pressure")).singleElement()
                .satisfies(item -> {
                    assertThat(item.value()).isEqualTo("0.3");
                    assertThat(item.source()).contains("设备状态连接器不可用，使用人工录入值", "已 120 分钟");
                });
    }

    @Test
    @DisplayName("A newer live equipment state overrides the manual register values in the score")
    void liveEquipmentStateOverridesManualRecord() {
        gateway.setReading(DETECTOR, "甲烷", "%LEL", "0", false, OffsetDateTime.now(SHANGHAI).minusMinutes(1));
        OffsetDateTime observedAt = OffsetDateTime.now(SHANGHAI).minusMinutes(1).withNano(0);
        gateway.setEquipmentState("P-101", "0", "closed", "locked-out", observedAt);
        Permit permit = draftWithCleanPortableReading();

        submitter.submit(actor(), permit.id());

        PermitRiskScore score = permits.riskScore(tenantId, permit.id()).orElseThrow();
        assertThat(score.subScores()).containsEntry("equipment", BigDecimal.ZERO);
        assertThat(score.items()).filteredOn(item -> item.dimension().equals("equipment"))
                .extracting(PermitRiskScore.Item::value)
                .containsExactlyInAnyOrder("0", "closed", "locked-out", "locked-out");
        assertThat(score.items()).filteredOn(item -> item.dimension().equals("equipment"))
                .allSatisfy(item -> assertThat(item.source())
                        .contains("实时状态来自连接器“equipment-state”，采集于 " + observedAt));
        assertThat(permits.find(tenantId, permit.id()).orElseThrow().riskItems())
                .noneMatch(item -> item.code().startsWith("live."));
    }

    @Test
    @DisplayName("The detector register rejects a reading of a scrapped or overdue detector and stores none")
    void registerRejectsScrappedAndOverdueDetectors() {
        LocalDate today = LocalDate.now(SHANGHAI);
        registerDetector("QJ-2019-003", "scrapped", today.minusMonths(3));
        registerDetector("QJ-2023-017", "in-service", today.minusDays(1));
        Permit permit = drafter.create(actor(), "hot-work",
                HotWorkTestPermits.hotWorkData(json, applicant, "何班长", WORKER_ID_NUMBER, OffsetDateTime.now(SHANGHAI)));

        Throwable scrapped = catchThrowable(() -> intake.record(actor(), permit.id(), reading("QJ-2019-003")));
        Throwable overdue = catchThrowable(() -> intake.record(actor(), permit.id(), json.createArrayNode()
                .add(reading("QJ-2024-009")).add(reading("QJ-2023-017"))));

        assertThat(scrapped).isInstanceOfSatisfying(GasDetectorRegister.DetectorRejectedException.class,
                rejection -> assertThat(rejection.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                        "检测仪 QJ-2019-003 在检测仪台账中的状态为“报废”，其读数不能作为气体分析依据；"
                                + "请使用在用且在标定有效期内的检测仪重新检测"));
        assertThat(overdue).isInstanceOfSatisfying(GasDetectorRegister.DetectorRejectedException.class,
                rejection -> assertThat(rejection.message(Locale.SIMPLIFIED_CHINESE)).startsWith(
                        "检测仪 QJ-2023-017 的标定已于 " + today.minusDays(1) + " 到期"));
        assertThat(permits.gasReadingPayloads(tenantId, permit.id())).isEmpty();
    }

    @Test
    @DisplayName("A stored reading of a detector scrapped since it was taken blocks the permit")
    void detectorScrappedSinceReadingBlocks() {
        gateway.setReading(DETECTOR, "甲烷", "%LEL", "0", false, OffsetDateTime.now(SHANGHAI).minusMinutes(1));
        registerDetector("QJ-2024-001", "scrapped", LocalDate.now(SHANGHAI).plusMonths(3));
        Permit scrapped = draftWithCleanPortableReading();

        PermitRefusedException refusal = catchThrowableOfType(PermitRefusedException.class,
                () -> submitter.submit(actor(), scrapped.id()));

        assertThat(refusal.reasons()).filteredOn(reason -> reason.path().startsWith("live.gas-detector.rejected"))
                .singleElement().satisfies(reason -> assertThat(reason.message())
                        .contains("检测仪 QJ-2024-001 在检测仪台账中的状态为“报废”", "该读数未计入本次风险评估"));
    }

    @Test
    @DisplayName("A reading of a detector missing from a kept register needs confirming")
    void unregisteredDetectorNeedsConfirming() {
        gateway.setReading(DETECTOR, "甲烷", "%LEL", "0", false, OffsetDateTime.now(SHANGHAI).minusMinutes(1));
        registerDetector("QJ-2024-001", "in-service", LocalDate.now(SHANGHAI).plusMonths(3));
        Permit unregistered = draftWithCleanPortableReading();
        permits.insertGasReading(tenantId, unregistered.id(), "GD-07", Instant.now(), reading("GD-07"));
        submitter.submit(actor(), unregistered.id());

        assertThat(permits.find(tenantId, unregistered.id()).orElseThrow().riskItems())
                .filteredOn(item -> item.code().startsWith("live.gas-detector."))
                .singleElement().satisfies(item -> {
                    assertThat(item.code()).isEqualTo("live.gas-detector.unregistered@GD-07");
                    assertThat(item.severity()).isEqualTo("CONFIRM");
                    assertThat(item.messageZh()).isEqualTo("检测仪 GD-07 未在检测仪台账中登记，无法核对其状态和标定有效期；"
                            + "请现场确认该检测仪在用且在标定有效期内");
                });
    }

    private void registerDetector(String assetNumber, String status, LocalDate calibrationDue) {
        records.create(tenantId, "gas_detector", json.createObjectNode().put("assetNumber", assetNumber)
                .put("ownerUnit", "MAINT").put("calibratedOn", calibrationDue.minusMonths(6).toString())
                .put("calibrationDue", calibrationDue.toString()).put("status", status), null, "test",
                Locale.SIMPLIFIED_CHINESE);
    }

    private ObjectNode reading(String detectorId) {
        ObjectNode reading = json.createObjectNode();
        reading.put("detectorId", detectorId);
        reading.put("measuredAt", HotWorkTestPermits.rfc3339(OffsetDateTime.now(SHANGHAI).minusMinutes(5)));
        reading.put("oxygenPercentVol", "20.9");
        reading.putObject("flammable").put("value", 0).put("unit", "%LEL").put("gas", "甲烷");
        return reading;
    }

    private Actor actor() {
        return new Actor(tenantId, applicant, Locale.SIMPLIFIED_CHINESE);
    }

    /** Publishes the hot-work flow with its safety-department node only, so one engineer approves. */
    private void publishSafetyDepartmentFlow() {
        ObjectNode flow = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.FLOW, "hot-work-approval")
                .body().deepCopy();
        JsonNode safetyDepartment = flow.path("nodes").valueStream()
                .filter(node -> node.path("id").asString().equals("safetyDepartment"))
                .findFirst().orElseThrow();
        flow.putArray("nodes").add(safetyDepartment);
        metadata.saveAndPublish(tenantId, MetadataKind.FLOW, "hot-work-approval", flow, "test");
    }

    private void repoint(String key, URI baseUrl) {
        ObjectNode body = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.CONNECTOR, key).body()
                .deepCopy();
        body.put("baseUrl", baseUrl.toString());
        metadata.saveAndPublish(tenantId, MetadataKind.CONNECTOR, key, body, "test");
    }

    /** Drafts a hot-work permit in the zone on the equipment, with a clean portable reading taken 5 minutes ago. */
    private Permit draftWithCleanPortableReading() {
        OffsetDateTime now = OffsetDateTime.now(SHANGHAI);
        ObjectNode data = HotWorkTestPermits.hotWorkData(json, applicant, "何班长", WORKER_ID_NUMBER, now);
        data.put("siteZone", zone);
        data.put("equipment", equipment);
        Permit permit = drafter.create(actor(), "hot-work", data);
        OffsetDateTime measuredAt = now.minusMinutes(5);
        ObjectNode reading = json.createObjectNode();
        reading.put("detectorId", "QJ-2024-001");
        reading.put("measuredAt", HotWorkTestPermits.rfc3339(measuredAt));
        reading.put("oxygenPercentVol", "20.9");
        reading.putObject("flammable").put("value", 0).put("unit", "%LEL").put("gas", "甲烷");
        reading.put("sensorFault", false);
        permits.insertGasReading(tenantId, permit.id(), "QJ-2024-001", measuredAt.toInstant(), reading);
        return permit;
    }
}
