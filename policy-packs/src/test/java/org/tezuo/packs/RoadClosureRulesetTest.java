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

class RoadClosureRulesetTest {

    private static final OffsetDateTime WORK_START = OffsetDateTime.parse("2026-12-04T09:00+08:00");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T08:50+08:00");

    private final CompiledRuleset ruleset = new RulesetCompiler(new MvelExpressionCompiler()).loadResource(
            PolicyPackCatalog.ruleset("gb30871-2022.road-closure").orElseThrow().resourcePath());
    private final RiskEvaluator evaluator = new RiskEvaluator();

    @Test
    @DisplayName("A daytime closure that keeps fire access passes with confirmations")
    void daytimeClosurePasses() {
        RiskAssessment assessment = evaluate(permit(true, false, null));

        assertThat(assessment.blocked()).isFalse();
        assertThat(codes(assessment)).containsExactly("road-closure.warning-light.weather", "road-closure.signs",
                "road-closure.window.confirm");
    }

    @Test
    @DisplayName("A closure that cuts off fire engines is blocked")
    void closureWithoutFireAccessIsBlocked() {
        RiskAssessment assessment = evaluate(permit(false, false, null));

        RiskItem blocked = item(assessment, "road-closure.fire-access");
        assertThat(blocked.severity()).isEqualTo(RuleSeverity.BLOCK);
        assertThat(blocked.message().zh()).isEqualTo("交通组织方案未保证消防车和其他重要车辆通行；请修改交通组织方案，"
                + "满足应急救援要求后再提交 — GB 30871-2022 12.1");
        assertThat(blocked.message().in(Locale.ENGLISH)).startsWith("The traffic plan does not keep fire engines");
    }

    @Test
    @DisplayName("An unanswered fire-access question is blocked too")
    void missingFireAccessIsBlocked() {
        RiskAssessment assessment = evaluate(permit(null, false, null));

        assertThat(assessment.withSeverity(RuleSeverity.BLOCK)).extracting(RiskItem::code)
                .containsExactly("road-closure.fire-access");
    }

    @Test
    @DisplayName("Night warning lights below 1.0 m are blocked")
    void lowNightLightsAreBlocked() {
        RiskAssessment assessment = evaluate(permit(true, true, "0.9"));

        RiskItem blocked = item(assessment, "road-closure.warning-light.too-low");
        assertThat(blocked.message().zh()).isEqualTo("道路作业警示灯设置高度 0.9 m，低于 1 m；警示灯应离地面 1.5 m"
                + " — GB 30871-2022 12.4 a)");
        assertThat(codes(assessment)).doesNotContain("road-closure.warning-light.night");
    }

    @Test
    @DisplayName("Night warning lights at 1.0 m pass with the on-site confirmation")
    void nightLightsAtOneMetrePass() {
        RiskAssessment assessment = evaluate(permit(true, true, "1.0"));

        assertThat(assessment.blocked()).isFalse();
        assertThat(item(assessment, "road-closure.warning-light.night").message().zh()).isEqualTo("夜间断路：道路作业"
                + "警示灯离地面 1.5 m（不低于 1 m），反映作业区域轮廓，发出自 150 m 以外清晰可见的红光；请现场确认"
                + " — GB 30871-2022 12.4");
        assertThat(codes(assessment)).doesNotContain("road-closure.warning-light.weather");
    }

    @Test
    @DisplayName("A missing work window is blocked")
    void missingWindowIsBlocked() {
        Map<String, Object> permit = permit(true, false, null);
        permit.put("workEnd", null);

        RiskAssessment assessment = evaluate(permit);

        assertThat(assessment.withSeverity(RuleSeverity.BLOCK)).extracting(RiskItem::code)
                .containsExactly("road-closure.window.missing");
    }

    private RiskAssessment evaluate(Map<String, Object> permit) {
        return evaluator.evaluate(ruleset, permit, null, List.of(), NOW);
    }

    private static Map<String, Object> permit(Boolean fireAccessKept, boolean nightWork, String lightHeightMetres) {
        Map<String, Object> permit = new HashMap<>();
        permit.put("workStart", WORK_START);
        permit.put("workEnd", WORK_START.plusHours(6));
        permit.put("fireAccessKept", fireAccessKept);
        permit.put("nightWork", nightWork);
        permit.put("warningLightHeightMetres", lightHeightMetres == null ? null : new BigDecimal(lightHeightMetres));
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
