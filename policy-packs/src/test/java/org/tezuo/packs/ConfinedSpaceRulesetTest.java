package org.tezuo.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tezuo.core.environment.GasReading;
import org.tezuo.core.environment.GasReadingParser;
import org.tezuo.core.risk.RiskAssessment;
import org.tezuo.core.risk.RiskEvaluator;
import org.tezuo.core.risk.RiskItem;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.core.rules.RuleSeverity;
import org.tezuo.core.rules.RulesetCompiler;

class ConfinedSpaceRulesetTest {

    /** Items every permit gets: re-confirmations of the standing duties and of the window within its limit. */
    private static final Set<String> STANDING_CONFIRMATIONS = Set.of("confined-space.monitoring.continuous",
            "confined-space.interruption.retest", "confined-space.guardian.outside",
            "confined-space.validity.confirm");

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime WORK_START = OffsetDateTime.parse("2026-12-04T09:00+08:00");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T08:50+08:00");

    private final CompiledRuleset ruleset = new RulesetCompiler(new MvelExpressionCompiler())
            .loadResource(PolicyPackCatalog.ruleset("gb30871-2022.confined-space").orElseThrow().resourcePath());
    private final RiskEvaluator evaluator = new RiskEvaluator();
    private final GasReadingParser gasParser = new GasReadingParser(SHANGHAI);

    @Test
    @DisplayName("A clean reading 20 minutes before entry leaves only the standing confirmations")
    void cleanReadingPasses() {
        RiskAssessment assessment = evaluate(permit(8), reading("20.9", "0", "0", "0"));

        assertThat(assessment.items()).extracting(RiskItem::code)
                .containsExactlyInAnyOrderElementsOf(STANDING_CONFIRMATIONS);
        assertThat(assessment.items()).extracting(RiskItem::severity).containsOnly(RuleSeverity.CONFIRM);
        assertThat(assessment.items()).extracting(item -> item.message().zh()).contains(
                "作业期间须用移动式气体检测报警仪连续检测可燃气体、有毒气体和氧含量，每 2 h 记录 1 次；报警时立即停止作业、"
                        + "撤离人员，重新检测合格后方可恢复 — GB 30871-2022 6.5");
    }

    @Test
    @DisplayName("A 24-hour window passes and a 25-hour window is blocked by the validity limit")
    void windowLongerThanValidityBlocks() {
        RiskAssessment exactly = evaluate(permit(24), reading("20.9", "0", "0", "0"));
        RiskAssessment longer = evaluate(permit(25), reading("20.9", "0", "0", "0"));

        assertThat(findings(exactly)).isEmpty();
        assertThat(codes(longer)).containsExactly("confined-space.validity.exceeded");
        RiskItem item = findings(longer).getFirst();
        assertThat(item.severity()).isEqualTo(RuleSeverity.BLOCK);
        assertThat(item.message().zh()).isEqualTo("受限空间作业时段 25 h，超过作业票有效期 24 h；请缩短作业时段或分开办票"
                + " — GB 30871-2022 6.10");
        assertThat(item.message().in(Locale.ENGLISH)).isEqualTo("The confined-space work window is 25 h, longer than "
                + "the permit validity of 24 h; shorten the window or issue separate permits — GB 30871-2022 6.10");
    }

    @ParameterizedTest(name = "oxygen {0} %vol, oxygen-enriched setting {1}: {2}")
    @CsvSource({
        "19.4, false, confined-space.oxygen.low",
        "19.5, false, ",
        "21.0, false, ",
        "21.1, false, confined-space.oxygen.high",
        "23.5, true, ",
        "23.6, true, confined-space.oxygen.high"
    })
    @DisplayName("Oxygen outside 19.5 to 21 %vol, or above 23.5 %vol in an oxygen-enriched setting, blocks entry")
    void oxygenRange(String oxygen, boolean enriched, String expectedCode) {
        Map<String, Object> permit = permit(8);
        permit.put("oxygenEnriched", enriched);

        RiskAssessment assessment = evaluate(permit, reading(oxygen, "0", "0", "0"));

        if (expectedCode == null) {
            assertThat(findings(assessment)).isEmpty();
        } else {
            assertThat(codes(assessment)).containsExactly(expectedCode);
            assertThat(assessment.blocked()).isTrue();
        }
    }

    @Test
    @DisplayName("Low oxygen is reported with the value, the limit and the clause")
    void lowOxygenMessage() {
        RiskAssessment assessment = evaluate(permit(8), reading("18.0", "0", "0", "0"));

        assertThat(findings(assessment).getFirst().message().zh()).isEqualTo("GD-11 测得氧含量 18 %vol，低于合格下限 "
                + "19.5 %vol，不得进入；请通风置换后重新检测 — GB 30871-2022 6.4 a)");
    }

    @Test
    @DisplayName("Twelve percent LEL methane is 0.6 %vol and blocks entry under the hot-work pass limit")
    void flammableAboveLimitBlocks() {
        RiskAssessment assessment = evaluate(permit(8), reading("20.9", "12", "0", "0"));

        assertThat(codes(assessment)).containsExactly("confined-space.flammable.over-limit");
        assertThat(findings(assessment).getFirst().message().zh()).isEqualTo("GD-11 测得可燃气体（甲烷）0.6 %vol，"
                + "超过合格值 0.5 %vol，不得进入；请清洗置换后重新检测 — GB 30871-2022 6.4 c)、5.3.2");
    }

    @Test
    @DisplayName("Hydrogen sulphide above the allowed value blocks and is marked unconfirmed")
    void hydrogenSulphideAboveLimitBlocks() {
        RiskAssessment assessment = evaluate(permit(8), reading("20.9", "0", "0", "10"));

        assertThat(codes(assessment)).containsExactly("confined-space.h2s.over-limit");
        RiskItem item = findings(assessment).getFirst();
        assertThat(item.unconfirmed()).isTrue();
        assertThat(item.message().zh()).isEqualTo("GD-11 测得硫化氢 10 ppm，超过允许浓度 6.6 ppm，不得进入；请通风置换后"
                + "重新检测 — GB 30871-2022 6.4 b)（允许浓度按 GBZ 2.1，限值未核对）");
    }

    @Test
    @DisplayName("Carbon monoxide above the allowed value blocks")
    void carbonMonoxideAboveLimitBlocks() {
        RiskAssessment assessment = evaluate(permit(8), reading("20.9", "0", "30", "0"));

        assertThat(codes(assessment)).containsExactly("confined-space.co.over-limit");
    }

    @Test
    @DisplayName("A test 31 minutes before entry blocks and one 30 minutes before passes")
    void testOlderThanThirtyMinutesBlocks() {
        RiskAssessment thirty = evaluate(permit(8), readingAt("2026-12-04T08:30", "20.9"));
        RiskAssessment thirtyOne = evaluate(permit(8), readingAt("2026-12-04T08:29", "20.9"));

        assertThat(findings(thirty)).isEmpty();
        assertThat(codes(thirtyOne)).containsExactly("confined-space.gas.sample-too-early");
        assertThat(findings(thirtyOne).getFirst().message().zh()).isEqualTo("最近一次气体检测在作业开始前 31 分钟，"
                + "超过 30 分钟；请在进入前 30 分钟内重新检测 — GB 30871-2022 6.3 a)");
    }

    @Test
    @DisplayName("No gas test at all blocks entry")
    void missingGasTestBlocks() {
        RiskAssessment assessment = evaluate(permit(8), "[]");

        assertThat(codes(assessment)).containsExactly("confined-space.gas.missing");
    }

    @Test
    @DisplayName("A reading without oxygen blocks and one without a flammable value asks for confirmation")
    void readingWithoutOxygenOrFlammable() {
        String withoutOxygen = """
                {"detectorId": "GD-12", "measuredAt": "2026-12-04T08:40",
                 "flammable": {"value": 0, "unit": "%LEL", "gas": "甲烷"}}""";
        String withoutFlammable = """
                {"detectorId": "GD-13", "measuredAt": "2026-12-04T08:40", "oxygenPercentVol": 20.9}""";

        RiskAssessment noOxygen = evaluate(permit(8), withoutOxygen);
        RiskAssessment noFlammable = evaluate(permit(8), withoutFlammable);

        assertThat(codes(noOxygen)).containsExactly("confined-space.oxygen.missing");
        assertThat(codes(noFlammable)).containsExactly("confined-space.flammable.not-tested");
        assertThat(noFlammable.blocked()).isFalse();
    }

    @Test
    @DisplayName("Missing work window blocks because validity and test time cannot be checked")
    void missingWindowBlocks() {
        Map<String, Object> permit = permit(8);
        permit.remove("workEnd");

        RiskAssessment assessment = evaluate(permit, reading("20.9", "0", "0", "0"));

        assertThat(codes(assessment)).containsExactly("confined-space.window.missing");
    }

    private RiskAssessment evaluate(Map<String, Object> permit, String gasJson) {
        List<GasReading> readings = gasParser.parse(gasJson);
        return evaluator.evaluate(ruleset, permit, null, readings, NOW);
    }

    private static Map<String, Object> permit(int hours) {
        Map<String, Object> permit = new HashMap<>();
        permit.put("oxygenEnriched", false);
        permit.put("workStart", WORK_START);
        permit.put("workEnd", WORK_START.plusHours(hours));
        return permit;
    }

    private static String reading(String oxygen, String methanePercentLel, String coPpm, String h2sPpm) {
        return """
                {"detectorId": "GD-11", "measuredAt": "2026-12-04T08:40", "oxygenPercentVol": %s, "coPpm": %s,
                 "h2sPpm": %s, "flammable": {"value": %s, "unit": "%%LEL", "gas": "甲烷"}}"""
                .formatted(oxygen, coPpm, h2sPpm, methanePercentLel);
    }

    private static String readingAt(String measuredAt, String oxygen) {
        return """
                {"detectorId": "GD-11", "measuredAt": "%s", "oxygenPercentVol": %s, "coPpm": 0, "h2sPpm": 0,
                 "flammable": {"value": 0, "unit": "%%LEL", "gas": "甲烷"}}""".formatted(measuredAt, oxygen);
    }

    /** Returns the items other than the standing confirmations. */
    private static List<RiskItem> findings(RiskAssessment assessment) {
        return assessment.items().stream().filter(item -> !STANDING_CONFIRMATIONS.contains(item.code())).toList();
    }

    private static List<String> codes(RiskAssessment assessment) {
        return findings(assessment).stream().map(RiskItem::code).toList();
    }
}
