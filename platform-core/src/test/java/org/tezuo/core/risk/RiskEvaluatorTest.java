package org.tezuo.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tezuo.core.connector.weather.WeatherObservation;
import org.tezuo.core.environment.GasReading;
import org.tezuo.core.environment.GasReadingParser;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.core.rules.RulesetCompiler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One pass over both the rules and the score gives what the two calls give one after the other. */
class RiskEvaluatorTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T08:50+08:00");

    private static final String RULESET = """
            {"name": {"zh": "测试动火"}, "variables": ["grade", "weather", "gasSamples", "gas", "now"],
             "thresholds": {"windStop": {"value": 5, "unit": "级", "source": "GB 30871-2022 5.3.3"},
                            "coAlarm": {"value": 24, "unit": "ppm", "source": "GBZ 2.1-2019"}},
             "rules": [
               {"id": "wind", "severity": "confirm",
                "when": "weather != null && weather.beaufortLevel < thresholds.windStop",
                "value": "weather.beaufortLevel", "limit": "thresholds.windStop", "unit": "级",
                "message": {"zh": "{grade}作业时风力 {value} 级，停止作业限值 {limit} 级", "en": "Wind {value}"},
                "source": "GB 30871-2022 5.3.3"},
               {"id": "co", "appliesTo": "gasReading", "severity": "confirm",
                "when": "gas.coPpm != null && gas.coPpm >= 0",
                "value": "gas.coPpm", "limit": "thresholds.coAlarm", "unit": "ppm",
                "message": {"zh": "检测仪 {gas.detectorId} 一氧化碳 {value} ppm"}, "source": "GBZ 2.1-2019"}
             ],
             "scoring": {
               "source": "enterprise practice",
               "weights": {"workType": 25, "location": 15, "environment": 25, "equipment": 15, "personnel": 20},
               "bands": [{"key": "low", "min": 0, "label": {"zh": "低风险"}},
                         {"key": "major", "min": 75, "label": {"zh": "重大风险"}}],
               "floors": [{"id": "floor", "when": "grade == '特级'", "band": "major", "value": "grade",
                           "label": {"zh": "特级动火"}, "source": "enterprise practice"}],
               "factors": [
                 {"id": "grade", "dimension": "workType", "points": "grade == '特级' ? 100 : 40", "value": "grade",
                  "label": {"zh": "等级"}, "source": "GB 30871-2022 5.1"},
                 {"id": "wind", "dimension": "environment", "points": "weather.beaufortLevel * 12",
                  "value": "weather.beaufortLevel", "limit": "thresholds.windStop", "label": {"zh": "风力"},
                  "source": "weather connector"},
                 {"id": "gas", "dimension": "environment", "points": "gas == null ? gasSamples.count * 10 : 100",
                  "value": "gasSamples.count", "label": {"zh": "气体"}, "source": "gas detector"}
               ]
             }}""";

    private final RiskEvaluator evaluator = new RiskEvaluator();

    @Test
    void combinedPassMatchesTwoCalls() {
        JsonNode body = JsonMapper.builder().build().readTree(RULESET);
        MvelExpressionCompiler expressions = new MvelExpressionCompiler();
        CompiledRuleset ruleset = new RulesetCompiler(expressions).load("ruleset:test@1", body);
        RiskModel model = RiskModel.compile("ruleset:test@1", body.path("scoring"), ruleset.ruleset().variables(),
                expressions);
        Map<String, Object> permit = new HashMap<>(Map.of("grade", "特级"));
        WeatherObservation weather = new WeatherObservation("101010100", new BigDecimal("5.6"), 4,
                new BigDecimal("16"), new BigDecimal("55"), NOW.minusMinutes(10));
        List<GasReading> readings = new GasReadingParser(ZoneId.of("Asia/Shanghai")).parse("""
                [{"detectorId": "GD-07", "measuredAt": "2026-12-04T08:45:00+08:00", "oxygenPercentVol": 20.9,
                  "coPpm": 3, "h2sPpm": 0, "sensorFault": false, "calibratedOn": "2026-10-01"}]""");

        RiskEvaluator.Evaluation both = evaluator.evaluateAndScore(ruleset, model, permit, weather, readings, NOW);

        assertThat(both.assessment()).isEqualTo(evaluator.evaluate(ruleset, permit, weather, readings, NOW));
        assertThat(both.score()).isEqualTo(evaluator.score(model, ruleset, permit, weather, readings, NOW));
        assertThat(both.assessment().items()).extracting(item -> item.message().zh())
                .containsExactly("特级作业时风力 4 级，停止作业限值 5 级", "检测仪 GD-07 一氧化碳 3 ppm");
        // The gas factor reads no single reading while scoring: 1 sample × 10 points, not 100.
        assertThat(both.score().items()).filteredOn(item -> item.code().equals("gas"))
                .singleElement().satisfies(item -> assertThat(item.points()).isEqualByComparingTo("10"));
        assertThat(permit).containsOnlyKeys("grade");
    }
}
