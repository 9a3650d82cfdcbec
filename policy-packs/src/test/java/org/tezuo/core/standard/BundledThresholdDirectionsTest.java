package org.tezuo.core.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.core.rules.RulesetCompiler;
import org.tezuo.core.rules.Threshold;
import org.tezuo.packs.PolicyPackCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every threshold of the shipped rulesets declares which side is the safe one, so the standards configuration center
 * can tell a tightening override from a loosening one. Checks overrides of the shipped thresholds with
 * {@link OverrideCheck}, the check {@link ThresholdOverrideCommands} runs before it stores anything.
 */
class BundledThresholdDirectionsTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final String MEM_13_CHANGE =
            "/org/tezuo/packs/mem-13-confined-space/ventilation-monitoring.ruleset-change.json";

    @ParameterizedTest
    @ValueSource(strings = {"gb30871-2022.hot-work", "gb30871-2022.confined-space", "gb30871-2022.blind-flange",
            "gb30871-2022.work-at-height", "gb30871-2022.lifting", "gb30871-2022.temporary-electricity",
            "gb30871-2022.excavation", "gb30871-2022.road-closure", "special-operations.certificate-lifecycle"})
    @DisplayName("Every threshold of a shipped ruleset declares a direction")
    void everyThresholdDeclaresADirection(String id) throws IOException {
        assertDirections(id, read(PolicyPackCatalog.ruleset(id).orElseThrow().resourcePath()).path("thresholds"));
    }

    @Test
    @DisplayName("Every threshold the 13号令 pack adds to confined space declares a direction")
    void orderThirteenThresholdsDeclareADirection() throws IOException {
        JsonNode thresholds = read(MEM_13_CHANGE).path("add").path("thresholds");

        assertThat(thresholds.properties()).isNotEmpty();
        assertDirections(MEM_13_CHANGE, thresholds);
    }

    static Stream<Arguments> mandatoryLimits() {
        return Stream.of(
                Arguments.of("confined-space", "oxygenMinPercentVol", "20", "19", List.of(
                        "值 19 %vol 超出规则集允许“氧含量合格下限”取的范围 19.5–21 %vol",
                        "值 19 %vol 比“氧含量合格下限”的法规值 19.5 %vol（GB 30871-2022 6.4 a)）宽松；"
                                + "企业只能收紧强制性标准的限值，不能放宽")),
                Arguments.of("work-at-height", "windStopBeaufortLevel", "4", "6", List.of(
                        "值 6 级 比“停止高处作业的风力”的法规值 5 级（GB 30871-2022 8.2.6；8.1.2 a)）宽松；"
                                + "企业只能收紧强制性标准的限值，不能放宽")));
    }

    @ParameterizedTest
    @MethodSource("mandatoryLimits")
    @DisplayName("A mandatory limit accepts a stricter value and rejects a looser one")
    void mandatoryLimitOnlyTightens(String type, String key, String stricter, String looser, List<String> problems) {
        Threshold threshold = threshold(type, key);

        assertThat(OverrideCheck.check(type, threshold, request(stricter, false), ZH).change())
                .isEqualTo(ChangeKind.STRICTER);
        assertThat(problems(type, threshold, request(looser, true))).containsExactlyElementsOf(problems);
    }

    @Test
    @DisplayName("A BLOCK severity from a “不应” clause cannot be overridden at all")
    void mandatorySeverityIsFixed() {
        Threshold severity = threshold("blind-flange", "simopsHotWorkSeverity");

        assertThat(problems("blind-flange", severity, request("WARN", true))).containsExactly(
                "“盲板抽堵 30 m 内有动火的处理（BLOCK 阻止 / WARN 提醒确认）”的值 BLOCK  来自强制性标准"
                        + "（GB 30871-2022 7.6（“不应”）），且无法判断 WARN  是收紧还是放宽，所以不允许企业覆盖");
    }

    @Test
    @DisplayName("A presence check citing GB 30871 may only be tightened, a platform choice may be loosened")
    void enterpriseValues() {
        Threshold interval = threshold("excavation", "presenceSnapshotIntervalMinutes");
        Threshold weatherAge = threshold("lifting", "weatherMaxAgeMinutes");

        assertThat(OverrideCheck.check("excavation", interval, request("15", false), ZH).change())
                .isEqualTo(ChangeKind.STRICTER);
        assertThat(problems("excavation", interval, request("0", true))).containsExactly(
                "值 0 min 超出规则集允许“在岗位置上报间隔”取的范围 1–不限 min");
        assertThat(problems("excavation", interval, request("45", true))).containsExactly(
                "值 45 min 比“在岗位置上报间隔”的法规值 30 min（GB 30871-2022 4.10 要求监护人全程监护；"
                        + "本数值为企业实践，非该标准规定值）宽松；企业只能收紧强制性标准的限值，不能放宽");
        assertThat(OverrideCheck.check("lifting", weatherAge, request("90", true), ZH).change())
                .isEqualTo(ChangeKind.LOOSER);
    }

    private static void assertDirections(String where, JsonNode thresholds) {
        thresholds.properties().forEach(entry -> assertThat(entry.getValue().path("direction").asString(""))
                .as(where + " " + entry.getKey()).isIn("max", "min", "none"));
    }

    private static OverrideRequest request(String value, boolean confirm) {
        return new OverrideRequest(value, null, "企业工艺从严", "企业标准 Q/XXX 3.2", confirm);
    }

    private static List<String> problems(String ruleset, Threshold threshold, OverrideRequest request) {
        try {
            OverrideCheck.check(ruleset, threshold, request, ZH);
        } catch (StandardsException.Rejected e) {
            return e.problems();
        }
        throw new AssertionError("The override of " + threshold.key() + " was not rejected");
    }

    private static Threshold threshold(String type, String key) {
        Threshold threshold = new RulesetCompiler(new MvelExpressionCompiler()).loadResource(
                PolicyPackCatalog.ruleset("gb30871-2022." + type).orElseThrow().resourcePath())
                .ruleset().thresholds().get(key);
        assertThat(threshold).as(type + " " + key).isNotNull();
        return threshold;
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = BundledThresholdDirectionsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JsonMapper.builder().build().readTree(in);
        }
    }
}
