package org.tezuo.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tezuo.core.environment.GasReading;
import org.tezuo.core.environment.GasReadingParser;
import org.tezuo.core.risk.RiskAssessment;
import org.tezuo.core.risk.RiskEvaluator;
import org.tezuo.core.risk.RiskItem;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.core.rules.RuleSeverity;
import org.tezuo.core.rules.RulesetCompiler;

class TemporaryElectricityRulesetTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime WORK_START = OffsetDateTime.parse("2026-12-04T09:00+08:00");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T08:50+08:00");

    private final CompiledRuleset ruleset = new RulesetCompiler(new MvelExpressionCompiler()).loadResource(
            PolicyPackCatalog.ruleset("gb30871-2022.temporary-electricity").orElseThrow().resourcePath());
    private final RiskEvaluator evaluator = new RiskEvaluator();
    private final GasReadingParser gasParser = new GasReadingParser(SHANGHAI);

    @Test
    @DisplayName("Fifteen days need no special reason and block nothing")
    void fifteenDaysPass() {
        RiskAssessment assessment = evaluate(permit(WORK_START.plusDays(15)), "[]");

        assertThat(codes(assessment)).containsExactly("temporary-electricity.window.confirm");
        assertThat(assessment.items().getFirst().message().zh()).isEqualTo("临时用电时间 15 天（一般不超过 15 天）；"
                + "请确认与现场安排一致，用电结束后用电单位应通知配送电单位拆除线路 — GB 30871-2022 10.8");
    }

    @Test
    @DisplayName("An hour past fifteen days asks approvers to check the special reason")
    void pastFifteenDaysNeedsConfirmation() {
        RiskAssessment assessment = evaluate(permit(WORK_START.plusDays(15).plusHours(1)), "[]");

        assertThat(assessment.blocked()).isFalse();
        RiskItem special = item(assessment, "temporary-electricity.validity.special");
        assertThat(special.severity()).isEqualTo(RuleSeverity.CONFIRM);
        assertThat(special.message().zh()).isEqualTo("临时用电时间 15.04 天，超过一般期限 15 天，只有特殊情况才允许；"
                + "请核实申请人填写的特殊情况说明 — GB 30871-2022 10.8");
    }

    @Test
    @DisplayName("Thirty days are the most a special case allows")
    void thirtyDaysPassWithConfirmation() {
        RiskAssessment assessment = evaluate(permit(WORK_START.plusDays(30)), "[]");

        assertThat(assessment.blocked()).isFalse();
        assertThat(codes(assessment)).contains("temporary-electricity.validity.special");
    }

    @Test
    @DisplayName("Thirty-one days are blocked with the limit and the clause")
    void thirtyOneDaysAreBlocked() {
        RiskAssessment assessment = evaluate(permit(WORK_START.plusDays(31)), "[]");

        RiskItem blocked = item(assessment, "temporary-electricity.validity.max");
        assertThat(blocked.severity()).isEqualTo(RuleSeverity.BLOCK);
        assertThat(blocked.message().zh()).isEqualTo("临时用电时间 31 天，超过特殊情况最长期限 30 天；请缩短用电时间，"
                + "到期后重新办理临时用电安全作业票 — GB 30871-2022 10.8");
        assertThat(blocked.message().in(Locale.ENGLISH)).isEqualTo("Temporary power runs 31 days, longer than the "
                + "30 days allowed in special cases; shorten the period and issue a new permit when it ends — "
                + "GB 30871-2022 10.8");
        assertThat(codes(assessment)).doesNotContain("temporary-electricity.validity.special");
    }

    @Test
    @DisplayName("A minute past thirty days is blocked")
    void minutePastThirtyDaysIsBlocked() {
        RiskAssessment assessment = evaluate(permit(WORK_START.plusDays(30).plusMinutes(1)), "[]");

        assertThat(assessment.withSeverity(RuleSeverity.BLOCK)).extracting(RiskItem::code)
                .containsExactly("temporary-electricity.validity.max");
    }

    @Test
    @DisplayName("Power in a fire and explosion area needs a gas analysis first")
    void hazardousAreaWithoutGasAnalysisIsBlocked() {
        Map<String, Object> permit = permit(WORK_START.plusDays(3));
        permit.put("hazardousArea", true);

        RiskAssessment assessment = evaluate(permit, "[]");

        RiskItem blocked = item(assessment, "temporary-electricity.gas.missing");
        assertThat(blocked.severity()).isEqualTo(RuleSeverity.BLOCK);
        assertThat(blocked.message().zh()).isEqualTo("在火灾爆炸危险场所内接临时电源，须先对周围环境进行可燃气体检测分析，"
                + "合格后方可接电；请录入可燃气体分析 — GB 30871-2022 10.1");
        assertThat(codes(assessment)).contains("temporary-electricity.explosion-proof");
    }

    @Test
    @DisplayName("Outside hazardous areas no gas analysis is needed")
    void ordinaryAreaNeedsNoGasAnalysis() {
        RiskAssessment assessment = evaluate(permit(WORK_START.plusDays(3)), "[]");

        assertThat(assessment.blocked()).isFalse();
        assertThat(codes(assessment)).doesNotContain("temporary-electricity.explosion-proof");
    }

    @Test
    @DisplayName("Methane above 0.5 %vol blocks the connection")
    void methaneAboveLimitIsBlocked() {
        Map<String, Object> permit = permit(WORK_START.plusDays(3));
        permit.put("hazardousArea", true);

        RiskAssessment assessment = evaluate(permit, reading("0.6", "%VOL"));

        RiskItem blocked = item(assessment, "temporary-electricity.gas.flammable-over-limit");
        assertThat(blocked.message().zh()).isEqualTo("检测仪 GD-01 测得可燃气体（甲烷）0.6 %vol，超过合格值 0.5 %vol，"
                + "不得接临时电源 — GB 30871-2022 10.1、5.3.2");
    }

    @Test
    @DisplayName("Methane within the limit becomes a confirmation")
    void methaneWithinLimitIsConfirmed() {
        Map<String, Object> permit = permit(WORK_START.plusDays(3));
        permit.put("hazardousArea", true);

        RiskAssessment assessment = evaluate(permit, reading("5", "%LEL"));

        assertThat(assessment.blocked()).isFalse();
        assertThat(codes(assessment)).contains("temporary-electricity.gas.flammable-within-limit");
    }

    @Test
    @DisplayName("Power for hot work must match that permit's window")
    void powerForHotWorkIsConfirmed() {
        Map<String, Object> permit = permit(WORK_START.plusHours(8));
        permit.put("servesPermitType", "动火");

        RiskAssessment assessment = evaluate(permit, "[]");

        assertThat(item(assessment, "temporary-electricity.validity.linked").message().zh())
                .isEqualTo("本次临时用电为动火或受限空间作业（动火）供电，用电时间应与该作业票的作业时间一致；"
                        + "请核对两张作业票的时间 — GB 30871-2022 10.8");
    }

    @Test
    @DisplayName("A missing period is blocked")
    void missingWindowIsBlocked() {
        Map<String, Object> permit = permit(WORK_START.plusDays(3));
        permit.put("workEnd", null);

        RiskAssessment assessment = evaluate(permit, "[]");

        assertThat(assessment.withSeverity(RuleSeverity.BLOCK)).extracting(RiskItem::code)
                .containsExactly("temporary-electricity.window.missing");
    }

    @Test
    @DisplayName("Every rule threshold names its clause and every score threshold is enterprise practice")
    void thresholdsNameTheirClause() {
        ruleset.ruleset().thresholds().forEach((name, threshold) -> {
            if (name.startsWith("score")) {
                assertThat(threshold.source()).as(name).startsWith("企业实践");
            } else {
                assertThat(threshold.source()).as(name).startsWith("GB 30871-2022");
            }
        });
        assertThat((BigDecimal) ruleset.ruleset().thresholds().get("maxValidityDays").value())
                .isEqualByComparingTo("30");
    }

    private RiskAssessment evaluate(Map<String, Object> permit, String gasJson) {
        List<GasReading> readings = gasParser.parse(gasJson);
        return evaluator.evaluate(ruleset, permit, null, readings, NOW);
    }

    private static Map<String, Object> permit(OffsetDateTime workEnd) {
        Map<String, Object> permit = new HashMap<>();
        permit.put("workStart", WORK_START);
        permit.put("workEnd", workEnd);
        permit.put("hazardousArea", false);
        permit.put("servesPermitType", null);
        return permit;
    }

    private static String reading(String value, String unit) {
        return """
                [{"detectorId": "GD-01", "measuredAt": "2026-12-04T08:45", "oxygenPercentVol": 20.9,
                  "flammable": {"value": "%s", "unit": "%s", "gas": "甲烷"}}]""".formatted(value, unit);
    }

    private static RiskItem item(RiskAssessment assessment, String code) {
        return assessment.items().stream().filter(item -> item.code().equals(code)).findFirst().orElseThrow(
                () -> new AssertionError("No item " + code + " in " + codes(assessment)));
    }

    private static List<String> codes(RiskAssessment assessment) {
        return assessment.items().stream().map(RiskItem::code).toList();
    }
}
