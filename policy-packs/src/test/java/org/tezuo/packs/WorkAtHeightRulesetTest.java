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

class WorkAtHeightRulesetTest {

    /** Items every open-air permit gets when the live values are within limits. */
    private static final Set<String> STANDING_CONFIRMATIONS = Set.of("work-at-height.wind.confirm",
            "work-at-height.validity.reconfirm");

    private static final OffsetDateTime WORK_START = OffsetDateTime.parse("2026-12-04T09:00+08:00");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T08:50+08:00");

    private final CompiledRuleset ruleset = new RulesetCompiler(new MvelExpressionCompiler())
            .loadResource(PolicyPackCatalog.ruleset("gb30871-2022.work-at-height").orElseThrow().resourcePath());
    private final RiskEvaluator evaluator = new RiskEvaluator();

    @Test
    @DisplayName("Level 4 wind at 12 °C leaves only the standing confirmations")
    void mildWeatherPasses() {
        RiskAssessment assessment = evaluate(permit("II级", "10", "A"), weather("5.6", 4, "12"));

        assertThat(assessment.items()).extracting(RiskItem::code)
                .containsExactlyInAnyOrderElementsOf(STANDING_CONFIRMATIONS);
        assertThat(assessment.items()).extracting(RiskItem::severity).containsOnly(RuleSeverity.CONFIRM);
    }

    @Test
    @DisplayName("Level 5 wind stops open-air work at height and raises the grade under method B")
    void levelFiveWindBlocks() {
        RiskAssessment assessment = evaluate(permit("II级", "10", "A"), weather("8.3", 5, "12"));

        assertThat(codes(assessment)).containsExactly("work-at-height.grade.live-weather",
                "work-at-height.wind.stop");
        RiskItem stop = findings(assessment).get(1);
        assertThat(stop.severity()).isEqualTo(RuleSeverity.BLOCK);
        assertThat(stop.message().zh()).isEqualTo("当前风速 8.3 m/s（5级），达到 5 级风，不应进行露天高处作业"
                + " — GB 30871-2022 8.2.6");
        assertThat(stop.message().in(Locale.ENGLISH)).isEqualTo("Current wind speed 8.3 m/s (level 5) reaches level "
                + "5, so no open-air work at height — GB 30871-2022 8.2.6");
    }

    @Test
    @DisplayName("A wind of 8.0 m/s reported as level 4 still stops open-air work")
    void eightMetresPerSecondBlocks() {
        RiskAssessment assessment = evaluate(permit("II级", "10", "A"), weather("8.0", 4, "12"));

        assertThat(codes(assessment)).contains("work-at-height.wind.stop");
    }

    @Test
    @DisplayName("Level 5 wind does not stop work at height indoors")
    void levelFiveWindIndoorsPasses() {
        Map<String, Object> indoor = permit("II级", "10", "A");
        indoor.put("openAir", false);

        RiskAssessment assessment = evaluate(indoor, weather("8.3", 5, "12"));

        assertThat(findings(assessment)).isEmpty();
    }

    @Test
    @DisplayName("A live temperature of 3 °C is a fall factor that raises a 10 m method-A permit to grade III")
    void coldAirRaisesTheGrade() {
        RiskAssessment assessment = evaluate(permit("II级", "10", "A"), weather("3.0", 2, "3"));

        assertThat(codes(assessment)).containsExactly("work-at-height.grade.live-weather");
        assertThat(findings(assessment).getFirst().message().zh()).isEqualTo("现场实时天气为 2 级风、气温 3 °C，"
                + "属于坠落客观危险因素（5级及以上阵风或气温≤5 °C），按 B 类法作业级别应为III级，作业票为“II级”；"
                + "请在“坠落客观危险因素”中勾选相应因素，按新级别重新提交审批 — GB 30871-2022 8.1.2 a)、b)，8.1.3 表2");
    }

    @Test
    @DisplayName("Cold air adds nothing when the permit is already graded by method B")
    void coldAirWithMethodBPasses() {
        RiskAssessment assessment = evaluate(permit("III级", "10", "B"), weather("3.0", 2, "3"));

        assertThat(findings(assessment)).isEmpty();
    }

    @Test
    @DisplayName("A temperature of exactly 5 °C counts as cold air and 5.1 °C does not")
    void coldAirBoundary() {
        RiskAssessment five = evaluate(permit("I级", "4", "A"), weather("3.0", 2, "5"));
        RiskAssessment aboveFive = evaluate(permit("I级", "4", "A"), weather("3.0", 2, "5.1"));

        assertThat(codes(five)).containsExactly("work-at-height.grade.live-weather");
        assertThat(findings(aboveFive)).isEmpty();
    }

    @ParameterizedTest(name = "{0} m by method {1} needs grade {2}")
    @CsvSource({
        "2, A, I级",
        "5, A, I级",
        "5.01, A, II级",
        "15, A, II级",
        "15.01, A, III级",
        "30, A, III级",
        "30.01, A, IV级",
        "5, B, II级",
        "15, B, III级",
        "15.01, B, IV级",
        "30.01, B, IV级"
    })
    @DisplayName("The grade on the permit is checked against the four height bands of table 2")
    void heightBands(String height, String method, String grade) {
        RiskAssessment matching = evaluate(permit(grade, height, method), weather("3.0", 2, "12"));
        RiskAssessment lower = evaluate(permit(lowerGrade(grade), height, method), weather("3.0", 2, "12"));

        assertThat(codes(matching)).doesNotContain("work-at-height.grade.below-height-band");
        assertThat(codes(lower)).contains("work-at-height.grade.below-height-band");
    }

    @Test
    @DisplayName("A grade below the height band is reported with the grade the height needs")
    void gradeBelowBandMessage() {
        RiskAssessment assessment = evaluate(permit("II级", "18", "A"), weather("3.0", 2, "12"));

        assertThat(codes(assessment)).containsExactly("work-at-height.grade.below-height-band");
        assertThat(findings(assessment).getFirst().message().zh()).isEqualTo("作业高度 18 m 按A类法应为III级高处作业，"
                + "作业票填写的级别“II级”偏低；请按作业高度和客观危险因素重新确定级别 — GB 30871-2022 8.1.3 表2");
    }

    @Test
    @DisplayName("A seven-day window passes and one hour more is blocked by the validity limit")
    void windowLongerThanSevenDaysBlocks() {
        Map<String, Object> sevenDays = permit("II级", "10", "A");
        sevenDays.put("workEnd", WORK_START.plusDays(7));
        Map<String, Object> longer = permit("II级", "10", "A");
        longer.put("workEnd", WORK_START.plusDays(7).plusHours(1));

        RiskAssessment allowed = evaluate(sevenDays, weather("3.0", 2, "12"));
        RiskAssessment blocked = evaluate(longer, weather("3.0", 2, "12"));

        assertThat(findings(allowed)).isEmpty();
        assertThat(codes(blocked)).containsExactly("work-at-height.validity.exceeded");
        assertThat(findings(blocked).getFirst().message().zh()).isEqualTo("高处作业时段 169 h，超过作业票有效期 7 天（168 h）"
                + "；请缩短作业时段或分开办票 — GB 30871-2022 8.2.11");
    }

    @Test
    @DisplayName("Open-air work at height without weather data is blocked")
    void missingWeatherBlocks() {
        RiskAssessment assessment = evaluate(permit("II级", "10", "A"), null);

        assertThat(codes(assessment)).containsExactly("work-at-height.weather.missing");
    }

    @Test
    @DisplayName("Work above 30 m asks to confirm the radios")
    void aboveThirtyMetresNeedsRadios() {
        RiskAssessment assessment = evaluate(permit("IV级", "32", "A"), weather("3.0", 2, "12"));

        assertThat(codes(assessment)).containsExactly("work-at-height.radio.above-30m");
        assertThat(assessment.blocked()).isFalse();
    }

    @Test
    @DisplayName("A permit without a working height is blocked")
    void missingHeightBlocks() {
        Map<String, Object> permit = permit("II级", "10", "A");
        permit.remove("workingHeightMetres");

        RiskAssessment assessment = evaluate(permit, weather("3.0", 2, "12"));

        assertThat(codes(assessment)).containsExactly("work-at-height.height.missing");
    }

    private RiskAssessment evaluate(Map<String, Object> permit, WeatherObservation weather) {
        return evaluator.evaluate(ruleset, permit, weather, List.of(), NOW);
    }

    private static WeatherObservation weather(String windMetresPerSecond, int beaufortLevel, String celsius) {
        return new WeatherObservation("101010100", new BigDecimal(windMetresPerSecond), beaufortLevel,
                new BigDecimal(celsius), new BigDecimal("45"), NOW.minusMinutes(10));
    }

    private static Map<String, Object> permit(String grade, String heightMetres, String method) {
        Map<String, Object> permit = new HashMap<>();
        permit.put("grade", grade);
        permit.put("workingHeightMetres", new BigDecimal(heightMetres));
        permit.put("classificationMethod", method);
        permit.put("openAir", true);
        permit.put("workStart", WORK_START);
        permit.put("workEnd", WORK_START.plusHours(8));
        return permit;
    }

    private static String lowerGrade(String grade) {
        return switch (grade) {
            case "IV级" -> "III级";
            case "III级" -> "II级";
            case "II级" -> "I级";
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
