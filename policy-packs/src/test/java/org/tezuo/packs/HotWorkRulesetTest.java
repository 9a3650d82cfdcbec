package org.tezuo.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tezuo.core.connector.weather.QWeatherClient;
import org.tezuo.core.connector.weather.QWeatherSettings;
import org.tezuo.core.connector.weather.QWeatherStubServer;
import org.tezuo.core.connector.weather.WeatherObservation;
import org.tezuo.core.environment.GasReading;
import org.tezuo.core.environment.GasReadingParser;
import org.tezuo.core.risk.RiskAssessment;
import org.tezuo.core.risk.RiskEvaluator;
import org.tezuo.core.risk.RiskDimension;
import org.tezuo.core.risk.RiskItem;
import org.tezuo.core.risk.RiskModel;
import org.tezuo.core.risk.RiskScore;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.core.rules.RuleSeverity;
import org.tezuo.core.rules.RulesetCompiler;
import tools.jackson.databind.json.JsonMapper;

class HotWorkRulesetTest {

    private static final Set<String> LIVE_VALUE_CONFIRMATIONS = Set.of("hot-work.wind.confirm",
            "hot-work.window.confirm", "hot-work.gas.flammable-within-limit");

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime WORK_START = OffsetDateTime.parse("2026-12-04T09:00+08:00");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T08:50+08:00");
    private static final String CLEAN_METHANE = reading("GD-01", "2026-12-04T08:45", "0", "%LEL", "methane");

    private final CompiledRuleset ruleset = new RulesetCompiler(new MvelExpressionCompiler())
            .loadResource(PolicyPackCatalog.ruleset("gb30871-2022.hot-work").orElseThrow().resourcePath());
    private final RiskEvaluator evaluator = new RiskEvaluator();
    private final GasReadingParser gasParser = new GasReadingParser(SHANGHAI);
    private final QWeatherStubServer weatherStub = QWeatherStubServer.start("demo-key");
    private final QWeatherClient weatherClient = new QWeatherClient(new QWeatherSettings(weatherStub.baseUrl(),
            "demo-key", Duration.ofSeconds(2), Duration.ofSeconds(5)));

    @AfterEach
    void stopStub() {
        weatherStub.close();
    }

    @Test
    void levelFiveWindBlocksOpenAirHotWork() {
        RiskAssessment assessment = evaluate(permit("一级", 7), weather("30", "5"), CLEAN_METHANE);

        assertThat(findings(assessment)).hasSize(1);
        RiskItem item = findings(assessment).getFirst();
        assertThat(item.code()).isEqualTo("hot-work.wind.open-air");
        assertThat(item.severity()).isEqualTo(RuleSeverity.BLOCK);
        assertThat(item.message().zh()).isEqualTo("当前风速 8.3 m/s（5级），达到露天动火停止条件 — GB 30871-2022 5.2.15");
        assertThat(item.message().in(Locale.ENGLISH)).isEqualTo("Current wind speed 8.3 m/s (level 5) meets the stop "
                + "condition for open-air hot work — GB 30871-2022 5.2.15");
    }

    @Test
    void liveValuesWithinLimitsBecomeConfirmations() {
        RiskAssessment assessment = evaluate(permit("一级", 7), weather("20", "4"), CLEAN_METHANE);

        assertThat(assessment.items()).extracting(RiskItem::code).containsExactlyInAnyOrderElementsOf(
                LIVE_VALUE_CONFIRMATIONS);
        assertThat(assessment.items()).extracting(RiskItem::severity).containsOnly(RuleSeverity.CONFIRM);
        assertThat(assessment.items()).extracting(item -> item.message().zh())
                .contains("当前风速 5.6 m/s（4级），低于露天动火停止条件 8 m/s（5级）；请现场确认风向，动火点下风侧无可燃物"
                        + " — GB 30871-2022 5.2.15");
    }

    @Test
    void levelFourWindPasses() {
        RiskAssessment assessment = evaluate(permit("一级", 7), weather("20", "4"), CLEAN_METHANE);

        assertThat(findings(assessment)).isEmpty();
    }

    @Test
    void levelFiveWindIndoorsPasses() {
        Map<String, Object> indoor = permit("一级", 7);
        indoor.put("openAir", false);

        RiskAssessment assessment = evaluate(indoor, weather("30", "5"), CLEAN_METHANE);

        assertThat(findings(assessment)).isEmpty();
    }

    @Test
    void missingWeatherBlocksOpenAirHotWork() {
        RiskAssessment assessment = evaluate(permit("一级", 7), null, CLEAN_METHANE);

        assertThat(codes(assessment)).containsExactly("hot-work.weather.missing");
        assertThat(assessment.blocked()).isTrue();
    }

    @Test
    void eightPercentLelMethanePasses() {
        RiskAssessment assessment = evaluate(permit("一级", 7), weather("10", "2"),
                reading("GD-01", "2026-12-04T08:45", "8", "%LEL", "甲烷"));

        assertThat(findings(assessment)).isEmpty();
    }

    @Test
    void tenthPercentLelShowsThreeDecimals() {
        RiskAssessment assessment = evaluate(permit("一级", 7), weather("10", "2"),
                reading("GD-01", "2026-12-04T08:45", "0.1", "%LEL", "甲烷"));

        RiskItem withinLimit = assessment.items().stream()
                .filter(item -> item.code().equals("hot-work.gas.flammable-within-limit"))
                .findFirst()
                .orElseThrow();
        assertThat(withinLimit.message().zh()).startsWith("检测仪 GD-01 测得甲烷 0.005 %vol，不超过合格值 0.5 %vol");
        assertThat(withinLimit.message().en()).startsWith("Detector GD-01 measured methane at 0.005 %vol");
    }

    @Test
    void twelvePercentLelMethaneBlocks() {
        RiskAssessment assessment = evaluate(permit("一级", 7), weather("10", "2"),
                reading("GD-01", "2026-12-04T08:45", "12", "%LEL", "methane"));

        assertThat(codes(assessment)).containsExactly("hot-work.gas.flammable-over-limit");
        assertThat(findings(assessment).getFirst().message().zh())
                .isEqualTo("检测仪 GD-01 测得可燃气体（methane）0.6 %vol，超过动火分析合格值 0.5 %vol — GB 30871-2022 5.3.2");
        assertThat(findings(assessment).getFirst().detectorId()).isEqualTo("GD-01");
    }

    @Test
    void propaneAboveLowLelLimitBlocks() {
        RiskAssessment assessment = evaluate(permit("一级", 7), weather("10", "2"),
                reading("GD-02", "2026-12-04T08:45", "0.3", "%VOL", "丙烷"));

        assertThat(codes(assessment)).containsExactly("hot-work.gas.flammable-over-limit");
        assertThat(findings(assessment).getFirst().message().en())
                .isEqualTo("Detector GD-02 measured 0.3 %vol of flammable gas (propane), above the hot-work pass limit "
                        + "of 0.2 %vol — GB 30871-2022 5.3.2");
    }

    @Test
    void unknownGasInLelBlocks() {
        RiskAssessment assessment = evaluate(permit("一级", 7), weather("10", "2"),
                reading("GD-03", "2026-12-04T08:45", "5", "%LEL", "二甲醚"));

        assertThat(codes(assessment)).containsExactly("hot-work.gas.flammable-unknown-gas");
        assertThat(findings(assessment).getFirst().message().zh())
                .isEqualTo("检测仪 GD-03 的可燃气体读数 5 %LEL 对应的气体“二甲醚”不在爆炸下限表中，无法换算为体积分数与合格值比较；"
                        + "请改用 %VOL 读数或补充该气体的爆炸下限 — GB 30871-2022 5.3.2");
    }

    @Test
    void sampleFortyFiveMinutesBeforeStartBlocks() {
        RiskAssessment assessment = evaluate(permit("一级", 7), weather("10", "2"),
                reading("GD-01", "2026-12-04T08:15", "0", "%LEL", "methane"));

        assertThat(codes(assessment)).containsExactly("hot-work.gas.sample-too-early");
        assertThat(findings(assessment).getFirst().message().zh())
                .isEqualTo("最近一次气体分析在动火开始前 45 分钟，超过 30 分钟；请重新取样分析 — GB 30871-2022 5.3");
    }

    @Test
    void missingGasAnalysisBlocks() {
        RiskAssessment assessment = evaluate(permit("一级", 7), weather("10", "2"), "[]");

        assertThat(codes(assessment)).containsExactly("hot-work.gas.missing");
    }

    @Test
    void sensorFaultBlocks() {
        String faulted = """
                {"detectorId": "GD-04", "measuredAt": "2026-12-04T08:45", "sensorFault": true,
                 "flammable": {"value": 0, "unit": "%LEL", "gas": "methane"}}""";

        RiskAssessment assessment = evaluate(permit("一级", 7), weather("10", "2"), faulted);

        assertThat(codes(assessment)).containsExactly("hot-work.gas.sensor-fault");
        assertThat(findings(assessment).getFirst().message().zh()).isEqualTo("检测仪 GD-04 报告传感器故障，该读数不能作为合格依据；"
                + "请更换或校准检测仪后重新分析 — GB 30871-2022 4.12（检测仪须符合 GB 15322.3、GB/T 50493-2019 5.2）");
    }

    @Test
    void nineHourFirstGradeWindowBlocks() {
        RiskAssessment assessment = evaluate(permit("一级", 9), weather("10", "2"), CLEAN_METHANE);

        assertThat(codes(assessment)).containsExactly("hot-work.validity.special-and-first-grade");
        RiskItem item = findings(assessment).getFirst();
        assertThat(item.message().zh()).isEqualTo("一级动火作业时段 9 h，超过作业证有效期 8 h；请缩短作业时段或分开办证 — "
                + "GB 30871-2022 第5章 动火作业分级（条款号未核实）");
        assertThat(item.unconfirmed()).isTrue();
    }

    @Test
    void nineHourSecondGradeWindowPasses() {
        RiskAssessment assessment = evaluate(permit("二级", 9), weather("10", "2"), CLEAN_METHANE);

        assertThat(findings(assessment)).isEmpty();
    }

    @Test
    void specialGradeNeedsMonitoringAndVideoConfirmed() {
        RiskAssessment assessment = evaluate(permit("特级", 7), weather("30", "5"), CLEAN_METHANE);

        assertThat(codes(assessment)).containsExactly("hot-work.wind.open-air",
                "hot-work.special.continuous-monitoring", "hot-work.special.video");
        assertThat(assessment.withSeverity(RuleSeverity.CONFIRM)).extracting(RiskItem::code)
                .contains("hot-work.special.continuous-monitoring", "hot-work.special.video");
    }

    @Test
    void oxygenAboveLimitOnOxygenEquipmentBlocks() {
        Map<String, Object> permit = permit("一级", 7);
        permit.put("oxygenService", true);
        String reading = """
                {"detectorId": "GD-05", "measuredAt": "2026-12-04T08:45", "oxygenPercentVol": "24.0",
                 "flammable": {"value": 0, "unit": "%LEL", "gas": "methane"}}""";

        RiskAssessment assessment = evaluate(permit, weather("10", "2"), reading);

        assertThat(codes(assessment)).containsExactly("hot-work.oxygen-service.over-limit",
                "hot-work.oxygen.out-of-range");
    }

    @Test
    @DisplayName("The scoring section puts a special-grade permit in zone 1 with an open valve and an expired "
            + "certificate in the major band, with ranked items that carry live values")
    void scoringSectionRanksFiveDimensions() throws Exception {
        Map<String, Object> permit = permit("特级", 7);
        permit.put("zone", Map.of("areaClass", "zone-1", "musterPoint", "MP-1", "nearestAed", "AED-1"));
        permit.put("equipment", Map.of("isolationStatus", "isolated", "pressureMpa", new BigDecimal("0.2"),
                "valvePosition", "open"));
        permit.put("personnel", Map.of("certificateState", "expired", "recentAnomalies", new BigDecimal("1"),
                "daysAwayFromPost", new BigDecimal("200"), "practicalAssessment", "failed"));

        RiskScore score = evaluator.score(scoringModel(), ruleset, permit, weather("30", "5"),
                gasParser.parse(reading("GD-01", "2026-12-04T08:45", "12", "%LEL", "methane")), NOW);

        assertThat(score.total()).isGreaterThanOrEqualTo(75);
        assertThat(score.band()).isEqualTo("major");
        assertThat(score.bandLabel().zh()).isEqualTo("重大风险");
        assertThat(score.subScores()).containsEntry(RiskDimension.PERSONNEL, new BigDecimal("100"));
        assertThat(score.items().subList(0, 3)).allSatisfy(item -> assertThat(item.value()).isNotNull());
        assertThat(score.items()).filteredOn(item -> item.code().equals("score.environment.wind")).singleElement()
                .satisfies(item -> {
                    assertThat(item.value()).isEqualTo(5);
                    assertThat(item.limit()).isEqualTo(new BigDecimal("5"));
                    assertThat(item.unit()).isEqualTo("级");
                });
    }

    @Test
    @DisplayName("The scoring section puts a second-grade permit with clean live data and a valid worker in the low "
            + "band")
    void scoringSectionGivesCleanPermitLowBand() throws Exception {
        Map<String, Object> permit = permit("二级", 7);
        permit.put("openAir", false);
        permit.put("zone", Map.of("areaClass", "non-hazardous", "musterPoint", "MP-1", "nearestAed", "AED-1"));
        permit.put("equipment", Map.of("isolationStatus", "locked-out", "pressureMpa", BigDecimal.ZERO,
                "valvePosition", "closed"));
        permit.put("personnel", Map.of("certificateState", "valid", "recentAnomalies", BigDecimal.ZERO,
                "daysAwayFromPost", BigDecimal.ZERO, "practicalAssessment", "passed"));

        RiskScore score = evaluator.score(scoringModel(), ruleset, permit, weather("5", "1"),
                gasParser.parse(CLEAN_METHANE), NOW);

        assertThat(score.band()).isEqualTo("low");
        assertThat(score.items()).hasSizeGreaterThanOrEqualTo(3);
    }

    private RiskModel scoringModel() throws Exception {
        try (InputStream in = HotWorkRulesetTest.class.getResourceAsStream(
                PolicyPackCatalog.ruleset("gb30871-2022.hot-work").orElseThrow().resourcePath())) {
            return RiskModel.compile("hot-work", JsonMapper.builder().build().readTree(in).path("scoring"),
                    ruleset.ruleset().variables(), new MvelExpressionCompiler());
        }
    }

    private RiskAssessment evaluate(Map<String, Object> permit, WeatherObservation weather, String gasJson) {
        List<GasReading> readings = gasParser.parse(gasJson);
        return evaluator.evaluate(ruleset, permit, weather, readings, NOW);
    }

    private WeatherObservation weather(String windKilometresPerHour, String windScale) {
        weatherStub.setObservation(windKilometresPerHour, windScale, "4", "45",
                OffsetDateTime.parse("2026-12-04T08:40+08:00"));
        return weatherClient.currentObservation("101010100");
    }

    private static Map<String, Object> permit(String grade, int hours) {
        Map<String, Object> permit = new HashMap<>();
        permit.put("grade", grade);
        permit.put("openAir", true);
        permit.put("oxygenService", false);
        permit.put("workStart", WORK_START);
        permit.put("workEnd", WORK_START.plusHours(hours));
        permit.put("location", "储罐区 T-101");
        return permit;
    }

    private static String reading(String detectorId, String measuredAt, String value, String unit, String gas) {
        return """
                {"detectorId": "%s", "measuredAt": "%s", "oxygenPercentVol": 20.9, "coPpm": 0, "h2sPpm": 0,
                 "flammable": {"value": "%s", "unit": "%s", "gas": "%s"}}"""
                .formatted(detectorId, measuredAt, value, unit, gas);
    }

    /** Returns the items other than the re-confirmations of live values within limits, which every permit gets. */
    private static List<RiskItem> findings(RiskAssessment assessment) {
        return assessment.items().stream().filter(item -> !LIVE_VALUE_CONFIRMATIONS.contains(item.code())).toList();
    }

    private static List<String> codes(RiskAssessment assessment) {
        return findings(assessment).stream().map(RiskItem::code).toList();
    }
}
