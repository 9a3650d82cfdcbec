package org.tezuo.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tezuo.core.risk.RiskAssessment;
import org.tezuo.core.risk.RiskEvaluator;
import org.tezuo.core.risk.RiskItem;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.core.rules.RuleSeverity;
import org.tezuo.core.rules.RulesetCompiler;

class ExcavationRulesetTest {

    private static final OffsetDateTime WORK_START = OffsetDateTime.parse("2026-12-04T09:00+08:00");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T08:50+08:00");

    private final CompiledRuleset ruleset = new RulesetCompiler(new MvelExpressionCompiler()).loadResource(
            PolicyPackCatalog.ruleset("gb30871-2022.excavation").orElseThrow().resourcePath());
    private final RiskEvaluator evaluator = new RiskEvaluator();

    @Test
    @DisplayName("A shallow dig away from hazards gets only the standing confirmations")
    void shallowDigGetsStandingConfirmations() {
        RiskAssessment assessment = evaluate(permit("0.8", false, false));

        assertThat(assessment.blocked()).isFalse();
        assertThat(codes(assessment)).containsExactly("excavation.site", "excavation.buried-facilities",
                "excavation.window.confirm");
        assertThat(item(assessment, "excavation.site").message().zh()).isEqualTo("挖出的泥土堆在距坑、槽、井、沟边沿"
                + "至少 1 m 处，堆土高度不大于 1.5 m；两人以上同时挖土相距 2 m 以上，人员不进入机械旋转半径内；请确认"
                + " — GB 30871-2022 11.5 a)、11.7");
    }

    @Test
    @DisplayName("Exactly 1.2 m with buried hazardous lines stays outside the confined-space rules")
    void depthOfOnePointTwoIsNotConfinedSpace() {
        RiskAssessment assessment = evaluate(permit("1.2", true, true));

        assertThat(codes(assessment)).doesNotContain("excavation.confined-space");
        assertThat(codes(assessment)).contains("excavation.hazardous-area");
    }

    @Test
    @DisplayName("Deeper than 1.2 m with buried hazardous lines in a hazardous area follows confined-space rules")
    void deeperThanOnePointTwoIsConfinedSpace() {
        RiskAssessment assessment = evaluate(permit("1.21", true, true));

        RiskItem confined = item(assessment, "excavation.confined-space");
        assertThat(confined.severity()).isEqualTo(RuleSeverity.CONFIRM);
        assertThat(confined.message().zh()).isEqualTo("挖掘深度 1.21 m 超过 1.2 m，且在危险场所遇有埋设的易燃易爆、"
                + "有毒有害介质管线或窨井，须执行受限空间作业规定（作业前 30 min 内气体检测合格、监护人全程监护、配备救援设施）；"
                + "请确认已按受限空间安全作业票落实 — GB 30871-2022 11.10");
        assertThat(confined.message().in(Locale.ENGLISH)).startsWith("The depth of 1.21 m is more than 1.2 m");
    }

    @Test
    @DisplayName("Without buried hazardous lines a deep dig is no confined space")
    void deepDigWithoutHazardousLinesIsNotConfinedSpace() {
        RiskAssessment assessment = evaluate(permit("3", true, false));

        assertThat(codes(assessment)).doesNotContain("excavation.confined-space");
        assertThat(codes(assessment)).contains("excavation.ladder");
    }

    @Test
    @DisplayName("A ladder is asked for only deeper than 2 m")
    void ladderBeyondTwoMetres() {
        assertThat(codes(evaluate(permit("2", false, false)))).doesNotContain("excavation.ladder");

        RiskItem ladder = item(evaluate(permit("2.01", false, false)), "excavation.ladder");

        assertThat(ladder.message().zh()).isEqualTo("挖掘深度 2.01 m 大于 2 m，应设置人员上下的梯子等能够保证人员快速"
                + "进出的设施；请确认 — GB 30871-2022 11.7");
    }

    @Test
    @DisplayName("A missing depth is blocked because the confined-space rule cannot be decided")
    void missingDepthIsBlocked() {
        Map<String, Object> permit = permit("1", true, true);
        permit.put("depthMetres", null);

        RiskAssessment assessment = evaluate(permit);

        assertThat(assessment.withSeverity(RuleSeverity.BLOCK)).extracting(RiskItem::code)
                .containsExactly("excavation.depth.missing");
    }

    @Test
    @DisplayName("A missing work window is blocked")
    void missingWindowIsBlocked() {
        Map<String, Object> permit = permit("1", false, false);
        permit.put("workStart", null);

        RiskAssessment assessment = evaluate(permit);

        assertThat(assessment.withSeverity(RuleSeverity.BLOCK)).extracting(RiskItem::code)
                .containsExactly("excavation.window.missing");
    }

    private RiskAssessment evaluate(Map<String, Object> permit) {
        return evaluator.evaluate(ruleset, permit, null, List.of(), NOW);
    }

    private static Map<String, Object> permit(String depthMetres, boolean hazardousArea,
            boolean buriedHazardousLines) {
        Map<String, Object> permit = new HashMap<>();
        permit.put("workStart", WORK_START);
        permit.put("workEnd", WORK_START.plusDays(2));
        permit.put("depthMetres", new BigDecimal(depthMetres));
        permit.put("hazardousArea", hazardousArea);
        permit.put("buriedHazardousLines", buriedHazardousLines);
        return permit;
    }

    private static RiskItem item(RiskAssessment assessment, String code) {
        return assessment.items().stream().filter(item -> item.code().equals(code)).findFirst().orElseThrow(
                () -> new AssertionError("No item " + code + " in " + codes(assessment)));
    }

    private static List<String> codes(RiskAssessment assessment) {
        return assessment.items().stream().map(RiskItem::code).toList();
    }
}
