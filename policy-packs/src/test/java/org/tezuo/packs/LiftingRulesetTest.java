package org.tezuo.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tezuo.core.connector.weather.WeatherObservation;
import org.tezuo.core.risk.RiskAssessment;
import org.tezuo.core.risk.RiskEvaluator;
import org.tezuo.core.risk.RiskItem;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.core.rules.RuleSeverity;
import org.tezuo.core.rules.RulesetCompiler;

class LiftingRulesetTest {

    /** Items every open-air permit gets when the live values are within limits. */
    private static final Set<String> STANDING_CONFIRMATIONS = Set.of("lifting.wind.confirm", "lifting.trial-lift",
            "lifting.window.enterprise-validity");

    private static final OffsetDateTime WORK_START = OffsetDateTime.parse("2026-12-04T09:00+08:00");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T08:50+08:00");

    private final CompiledRuleset ruleset = new RulesetCompiler(new MvelExpressionCompiler())
            .loadResource(PolicyPackCatalog.ruleset("gb30871-2022.lifting").orElseThrow().resourcePath());
    private final RiskEvaluator evaluator = new RiskEvaluator();

    @Test
    @DisplayName("A 20 t load in level 5 wind leaves only the standing confirmations")
    void levelFiveWindPasses() {
        RiskAssessment assessment = evaluate(permit("三级", "20"), weather("10.7", 5));

        assertThat(assessment.items()).extracting(RiskItem::code)
                .containsExactlyInAnyOrderElementsOf(STANDING_CONFIRMATIONS);
        assertThat(assessment.items()).extracting(RiskItem::severity).containsOnly(RuleSeverity.CONFIRM);
    }

    @Test
    @DisplayName("Level 6 wind stops open-air lifting")
    void levelSixWindBlocks() {
        RiskAssessment assessment = evaluate(permit("三级", "20"), weather("10.8", 6));

        assertThat(codes(assessment)).containsExactly("lifting.wind.stop");
        RiskItem item = findings(assessment).getFirst();
        assertThat(item.severity()).isEqualTo(RuleSeverity.BLOCK);
        assertThat(item.message().zh()).isEqualTo("当前风速 10.8 m/s（6级），达到 6 级风，不应进行露天吊装作业"
                + " — GB 30871-2022 9.2.4");
        assertThat(item.message().in(Locale.ENGLISH)).isEqualTo("Current wind speed 10.8 m/s (level 6) reaches "
                + "level 6, so no open-air lifting — GB 30871-2022 9.2.4");
    }

    @Test
    @DisplayName("Level 6 wind does not stop lifting indoors")
    void levelSixWindIndoorsPasses() {
        Map<String, Object> indoor = permit("三级", "20");
        indoor.put("openAir", false);

        RiskAssessment assessment = evaluate(indoor, weather("12.0", 6));

        assertThat(findings(assessment)).isEmpty();
    }

    @ParameterizedTest(name = "{0} t needs grade {1}")
    @CsvSource({
        "39.99, 三级",
        "40, 二级",
        "100, 二级",
        "100.01, 一级"
    })
    @DisplayName("The grade on the permit is checked against the mass bands of clause 9.1")
    void massBands(String tonnes, String grade) {
        RiskAssessment matching = evaluate(planned(permit(grade, tonnes)), weather("3.0", 2));
        RiskAssessment lower = evaluate(planned(permit(lowerGrade(grade), tonnes)), weather("3.0", 2));

        assertThat(codes(matching)).doesNotContain("lifting.grade.below-mass");
        assertThat(codes(lower)).contains("lifting.grade.below-mass");
    }

    @Test
    @DisplayName("A grade below the mass band is reported with the grade the mass needs")
    void gradeBelowMassMessage() {
        RiskAssessment assessment = evaluate(planned(permit("二级", "120")), weather("3.0", 2));

        assertThat(codes(assessment)).containsExactly("lifting.grade.below-mass");
        assertThat(findings(assessment).getFirst().message().zh()).isEqualTo("吊物质量 120 t 应为一级吊装作业，"
                + "作业票填写的级别“二级”偏低；请按吊物质量重新确定级别 — GB 30871-2022 9.1");
    }

    @Test
    @DisplayName("Grade 二级 lifting without an approved plan is blocked")
    void secondGradeNeedsPlan() {
        RiskAssessment assessment = evaluate(permit("二级", "60"), weather("3.0", 2));

        assertThat(codes(assessment)).containsExactly("lifting.plan.missing");
        assertThat(findings(assessment).getFirst().message().zh()).startsWith("二级吊装作业（或形状复杂");
    }

    @Test
    @DisplayName("A complex grade 三级 load also needs an approved plan")
    void complexThirdGradeNeedsPlan() {
        Map<String, Object> complex = permit("三级", "20");
        complex.put("complexLoad", true);

        RiskAssessment withoutPlan = evaluate(complex, weather("3.0", 2));
        RiskAssessment withPlan = evaluate(planned(complex), weather("3.0", 2));

        assertThat(codes(withoutPlan)).containsExactly("lifting.plan.missing");
        assertThat(findings(withPlan)).isEmpty();
    }

    @Test
    @DisplayName("Two cranes at 80 percent of their rating pass and at 85 percent are blocked")
    void multiCraneLoadShare() {
        Map<String, Object> eighty = permit("三级", "30");
        eighty.put("craneCount", new BigDecimal("2"));
        eighty.put("maxCraneLoadPercent", new BigDecimal("80"));
        Map<String, Object> eightyFive = permit("三级", "30");
        eightyFive.put("craneCount", new BigDecimal("2"));
        eightyFive.put("maxCraneLoadPercent", new BigDecimal("85"));

        RiskAssessment allowed = evaluate(eighty, weather("3.0", 2));
        RiskAssessment blocked = evaluate(eightyFive, weather("3.0", 2));

        assertThat(findings(allowed)).isEmpty();
        assertThat(codes(blocked)).containsExactly("lifting.cranes.overload");
        assertThat(findings(blocked).getFirst().message().zh()).isEqualTo("2 台起重机吊运同一吊物，单台承受载荷达到"
                + "额定起重能力的 85%，超过 80%；请调整吊装方案 — GB 30871-2022 9.2.10 c)");
    }

    @Test
    @DisplayName("A load under 10 t notes that the permit is optional")
    void lightLoadIsNoted() {
        RiskAssessment assessment = evaluate(permit("三级", "8"), weather("3.0", 2));

        assertThat(codes(assessment)).containsExactly("lifting.light-load");
        assertThat(findings(assessment).getFirst().severity()).isEqualTo(RuleSeverity.INFO);
        assertThat(assessment.blocked()).isFalse();
    }

    @Test
    @DisplayName("Open-air lifting without weather data is blocked")
    void missingWeatherBlocks() {
        RiskAssessment assessment = evaluate(permit("三级", "20"), null);

        assertThat(codes(assessment)).containsExactly("lifting.weather.missing");
    }

    @Test
    @DisplayName("Lifting near power lines asks to confirm the clearance")
    void powerLinesNeedConfirmation() {
        Map<String, Object> permit = permit("三级", "20");
        permit.put("nearPowerLines", true);

        RiskAssessment assessment = evaluate(permit, weather("3.0", 2));

        assertThat(codes(assessment)).containsExactly("lifting.power-lines.near");
    }

    private RiskAssessment evaluate(Map<String, Object> permit, WeatherObservation weather) {
        return evaluator.evaluate(ruleset, permit, weather, List.of(), NOW);
    }

    private static WeatherObservation weather(String windMetresPerSecond, int beaufortLevel) {
        return new WeatherObservation("101010100", new BigDecimal(windMetresPerSecond), beaufortLevel,
                new BigDecimal("12"), new BigDecimal("45"), NOW.minusMinutes(10));
    }

    private static Map<String, Object> permit(String grade, String tonnes) {
        Map<String, Object> permit = new HashMap<>();
        permit.put("grade", grade);
        permit.put("loadMassTonnes", new BigDecimal(tonnes));
        permit.put("openAir", true);
        permit.put("craneCount", BigDecimal.ONE);
        permit.put("liftingPlanApproved", false);
        permit.put("complexLoad", false);
        permit.put("nearPowerLines", false);
        permit.put("workStart", WORK_START);
        permit.put("workEnd", WORK_START.plusHours(6));
        return permit;
    }

    private static Map<String, Object> planned(Map<String, Object> permit) {
        permit.put("liftingPlanApproved", true);
        return permit;
    }

    private static String lowerGrade(String grade) {
        return switch (grade) {
            case "一级" -> "二级";
            case "二级" -> "三级";
            default -> "无";
        };
    }

    /** Returns the items other than the standing confirmations. */
    private static List<RiskItem> findings(RiskAssessment assessment) {
        return assessment.items().stream().filter(item -> !STANDING_CONFIRMATIONS.contains(item.code())).toList();
    }

    private static List<String> codes(RiskAssessment assessment) {
        return findings(assessment).stream().map(RiskItem::code).toList();
    }
}
