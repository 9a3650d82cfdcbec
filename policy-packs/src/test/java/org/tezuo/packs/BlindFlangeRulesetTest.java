package org.tezuo.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
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

class BlindFlangeRulesetTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T08:50+08:00");

    private final CompiledRuleset ruleset = new RulesetCompiler(new MvelExpressionCompiler())
            .loadResource(PolicyPackCatalog.ruleset("gb30871-2022.blind-flange").orElseThrow().resourcePath());
    private final RiskEvaluator evaluator = new RiskEvaluator();

    @Test
    @DisplayName("Every blind permit confirms depressurising, the blind map and one job per line")
    void standingConfirmations() {
        RiskAssessment assessment = evaluate(permit("堵"));

        assertThat(assessment.items()).extracting(RiskItem::code).containsExactly(
                "blind-flange.pressure.atmospheric", "blind-flange.blind-map", "blind-flange.single-job-per-line");
        assertThat(assessment.items()).extracting(RiskItem::severity).containsOnly(RuleSeverity.CONFIRM);
        assertThat(assessment.items().getFirst().message().zh()).isEqualTo("管道参数压力为 1.6 MPa；作业前须降低"
                + "系统压力，作业点应为常压或微正压，并保持现场通风良好 — GB 30871-2022 7.5");
        assertThat(assessment.items().get(1).message().zh()).isEqualTo("盲板 MB-07 的标牌编号与盲板位置图一致，"
                + "作业由专人统一指挥，企业已逐一确认并记录 — GB 30871-2022 7.1、7.4");
    }

    @Test
    @DisplayName("An action other than insert or remove is blocked")
    void unknownActionBlocks() {
        RiskAssessment assessment = evaluate(permit("抽堵"));

        assertThat(assessment.blocked()).isTrue();
        assertThat(assessment.withSeverity(RuleSeverity.BLOCK)).extracting(item -> item.message().zh())
                .containsExactly("作业类别“抽堵”无效，应为堵盲板或抽盲板；一张作业票只能进行一块盲板的一项作业"
                        + " — GB 30871-2022 7.11");
    }

    @Test
    @DisplayName("A fire and explosion area adds the 30 m hot-work exclusion and anti-static measures")
    void hazardousAreaNeedsConfirmation() {
        Map<String, Object> permit = permit("抽");
        permit.put("hazardousArea", true);

        RiskAssessment assessment = evaluate(permit);

        assertThat(assessment.items()).extracting(item -> item.message().zh()).contains("火灾爆炸危险场所内作业：作业人员"
                + "穿防静电工作服、工作鞋，使用防爆工具和防爆灯具，距作业地点 30 m 内无动火作业 — GB 30871-2022 7.6");
    }

    @Test
    @DisplayName("Toxic gas service and a shared line each add their confirmation")
    void toxicAndSharedLineNeedConfirmation() {
        Map<String, Object> permit = permit("抽");
        permit.put("toxicGasService", true);
        permit.put("sharedPipeline", true);

        RiskAssessment assessment = evaluate(permit);

        assertThat(assessment.items()).extracting(RiskItem::code).contains("blind-flange.toxic-gas-detector",
                "blind-flange.shared-pipeline");
        assertThat(assessment.blocked()).isFalse();
    }

    @Test
    @DisplayName("A permit without a start time is blocked")
    void missingStartBlocks() {
        Map<String, Object> permit = permit("堵");
        permit.remove("workStart");

        RiskAssessment assessment = evaluate(permit);

        assertThat(assessment.withSeverity(RuleSeverity.BLOCK)).extracting(RiskItem::code)
                .containsExactly("blind-flange.window.missing");
    }

    private RiskAssessment evaluate(Map<String, Object> permit) {
        return evaluator.evaluate(ruleset, permit, null, List.of(), NOW);
    }

    private static Map<String, Object> permit(String action) {
        Map<String, Object> permit = new HashMap<>();
        permit.put("blindAction", action);
        permit.put("blindNumber", "MB-07");
        permit.put("pipelinePressureMPa", new BigDecimal("1.6"));
        permit.put("hazardousArea", false);
        permit.put("toxicGasService", false);
        permit.put("sharedPipeline", false);
        permit.put("workStart", NOW.plusMinutes(30));
        return permit;
    }
}
