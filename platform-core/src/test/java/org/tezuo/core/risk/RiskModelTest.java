package org.tezuo.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tezuo.core.rules.InvalidRulesetException;
import org.tezuo.core.rules.MvelExpressionCompiler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RiskModelTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String SCORING = """
            {
              "source": "enterprise practice",
              "weights": {"workType": 25, "location": 15, "environment": 25, "equipment": 15, "personnel": 20},
              "bands": [
                {"key": "low", "min": 0, "label": {"zh": "低风险", "en": "Low"}},
                {"key": "general", "min": 25, "label": {"zh": "一般风险"}},
                {"key": "considerable", "min": 50, "label": {"zh": "较大风险"}},
                {"key": "major", "min": 75, "label": {"zh": "重大风险"}}
              ],
              "factors": [
                {"id": "grade", "dimension": "workType", "points": "grade == '特级' ? 100 : 20", "value": "grade",
                 "label": {"zh": "动火等级"}, "source": "GB 30871-2022 5.1"},
                {"id": "area", "dimension": "location", "points": "zone == null ? 50 : (zone.areaClass == '1区' ? 100 : 10)",
                 "value": "zone == null ? null : zone.areaClass", "label": {"zh": "区域"}, "source": "zone register"},
                {"id": "wind", "dimension": "environment", "points": "weather == null ? 40 : weather.beaufortLevel * 12",
                 "value": "weather == null ? null : weather.beaufortLevel", "limit": "thresholds.windStop", "unit": "级",
                 "label": {"zh": "风力"}, "source": "weather connector"},
                {"id": "fault", "dimension": "environment", "points": "sensorFault ? 60 : 0", "value": "sensorFault",
                 "label": {"zh": "传感器故障"}, "source": "gas detector"},
                {"id": "isolation", "dimension": "equipment",
                 "points": "equipment == null ? 30 : (equipment.isolationStatus == 'locked-out' ? 0 : 80)",
                 "value": "equipment == null ? null : equipment.isolationStatus", "label": {"zh": "隔离"},
                 "source": "equipment register"},
                {"id": "certificate", "dimension": "personnel",
                 "points": "personnel.certificateState == 'valid' ? 0 : 100",
                 "value": "personnel.certificateState", "label": {"zh": "证书"}, "source": "certificates"}
              ]
            }""";

    private final RiskModel model = RiskModel.compile("test", read(SCORING), Set.of("grade", "sensorFault"),
            new MvelExpressionCompiler());

    @Test
    @DisplayName("A special-grade permit in zone 1 with high wind and an expired certificate scores in the major band")
    void highRiskPermitScoresMajor() {
        Map<String, Object> variables = variables("特级", "1区", 5, true, "isolated", "expired");

        RiskScore score = model.score(variables);

        // workType 100, location 100, environment min(100, 60 + 60), equipment 80, personnel 100
        assertThat(score.subScores()).containsEntry(RiskDimension.ENVIRONMENT, new BigDecimal("100"))
                .containsEntry(RiskDimension.EQUIPMENT, new BigDecimal("80"));
        assertThat(score.total()).isEqualTo(97);
        assertThat(score.band()).isEqualTo("major");
        assertThat(score.bandLabel().zh()).isEqualTo("重大风险");
    }

    @Test
    @DisplayName("Items are ranked by what they add to the total and carry their live value, limit, unit and source")
    void itemsAreRankedWithLiveValues() {
        RiskScore score = model.score(variables("二级", "非防爆区", 2, false, "locked-out", "expired"));

        assertThat(score.items()).hasSize(6);
        assertThat(score.items().get(0).code()).isEqualTo("certificate");
        assertThat(score.items().get(0).rank()).isEqualTo(1);
        assertThat(score.items().get(0).value()).isEqualTo("expired");
        assertThat(score.items().get(1).code()).isEqualTo("wind");
        assertThat(score.items().get(1).value()).isEqualTo(2);
        assertThat(score.items().get(1).limit()).isEqualTo(new BigDecimal("6"));
        assertThat(score.items().get(1).unit()).isEqualTo("级");
        assertThat(score.items().get(1).source()).isEqualTo("weather connector");
        assertThat(score.items()).extracting(ScoredRiskItem::rank).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    @DisplayName("A low-risk permit falls in the low band")
    void lowRiskPermitScoresLow() {
        RiskScore score = model.score(variables("二级", "非防爆区", 0, false, "locked-out", "valid"));

        assertThat(score.total()).isEqualTo(7);
        assertThat(score.band()).isEqualTo("low");
    }

    @Test
    @DisplayName("A factor whose expression fails scores full points so it never reads as low risk")
    void failingFactorScoresFullPoints() {
        Map<String, Object> variables = variables("二级", "非防爆区", 0, false, "locked-out", "valid");
        variables.put("personnel", null);

        RiskScore score = model.score(variables);

        assertThat(score.subScores()).containsEntry(RiskDimension.PERSONNEL, new BigDecimal("100"));
    }

    @Test
    @DisplayName("An expression reading an undeclared variable is rejected naming the factor")
    void undeclaredVariableIsRejected() {
        String scoring = SCORING.replace("sensorFault ? 60 : 0", "pressure > 1 ? 60 : 0");

        assertThatThrownBy(() -> RiskModel.compile("test", read(scoring), Set.of("grade", "sensorFault"),
                new MvelExpressionCompiler()))
                .isInstanceOf(InvalidRulesetException.class)
                .hasMessageContaining("fault")
                .hasMessageContaining("points");
    }

    private static final String FLOORED = """
            {
              "source": "enterprise practice",
              "weights": {"workType": 25, "location": 15, "environment": 25, "equipment": 15, "personnel": 20},
              "bands": [
                {"key": "low", "min": 0, "label": {"zh": "低风险"}},
                {"key": "considerable", "minThreshold": "considerableMin", "label": {"zh": "较大风险"}},
                {"key": "major", "minThreshold": "majorMin", "label": {"zh": "重大风险"}}
              ],
              "factors": [
                {"id": "grade", "dimension": "workType", "points": "grade == '特级' ? 60 : 20", "value": "grade",
                 "label": {"zh": "动火等级"}, "source": "GB 30871-2022 5.1"},
                {"id": "night", "dimension": "environment", "scope": "total",
                 "points": "sensorFault ? thresholds.nightPoints : 0", "value": "sensorFault",
                 "label": {"zh": "夜间"}, "source": "enterprise practice"}
              ],
              "floors": [
                {"id": "floor.special", "when": "grade == '特级'", "band": "major", "value": "grade",
                 "label": {"zh": "等级下限"}, "source": "GB 30871-2022 5.1; enterprise practice"},
                {"id": "floor.broken", "when": "grade.missing == 1", "band": "considerable",
                 "label": {"zh": "坏条件"}, "source": "test"}
              ]
            }""";

    private final RiskModel floored = RiskModel.compile("test", read(FLOORED), Set.of("grade", "sensorFault"),
            new MvelExpressionCompiler());

    @Test
    @DisplayName("A holding floor raises the total to its band and is listed as an item with what it adds")
    void floorRaisesTotalToItsBand() {
        RiskScore score = floored.score(flooredVariables("特级", false));

        assertThat(score.total()).isEqualTo(75);
        assertThat(score.band()).isEqualTo("major");
        ScoredRiskItem floor = score.items().stream().filter(item -> item.code().equals("floor.special"))
                .findFirst().orElseThrow();
        assertThat(floor.rank()).isEqualTo(1);
        assertThat(floor.points()).isEqualByComparingTo("75");
        assertThat(floor.contribution()).isEqualByComparingTo("60");
        assertThat(floor.value()).isEqualTo("特级");
        assertThat(floor.limit()).isEqualTo("重大风险");
        assertThat(score.items()).filteredOn(item -> item.code().equals("floor.broken")).singleElement()
                .satisfies(item -> assertThat(item.contribution()).isEqualByComparingTo("0"));
    }

    @Test
    @DisplayName("A factor with scope total adds its points after the floor and stays out of the sub-scores")
    void totalScopeFactorAddsAfterFloor() {
        RiskScore score = floored.score(flooredVariables("特级", true));

        assertThat(score.total()).isEqualTo(85);
        assertThat(score.subScores()).containsEntry(RiskDimension.ENVIRONMENT, BigDecimal.ZERO);
        assertThat(score.items()).filteredOn(item -> item.code().equals("night")).singleElement()
                .satisfies(item -> assertThat(item.contribution()).isEqualByComparingTo("10"));
    }

    @Test
    @DisplayName("Band limits read from thresholds follow an override, and a floor whose condition fails holds")
    void bandLimitsFollowThresholds() {
        Map<String, Object> variables = flooredVariables("二级", false);
        variables.put("thresholds", Map.of("considerableMin", new BigDecimal("40"), "majorMin",
                new BigDecimal("75"), "nightPoints", new BigDecimal("10")));

        RiskScore score = floored.score(variables);

        // grade.missing fails on a text, so floor.broken counts as met and lifts 5 points to 40.
        assertThat(score.total()).isEqualTo(40);
        assertThat(score.band()).isEqualTo("considerable");
    }

    private static Map<String, Object> flooredVariables(String grade, boolean night) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("grade", grade);
        variables.put("sensorFault", night);
        variables.put("thresholds", Map.of("considerableMin", new BigDecimal("50"), "majorMin",
                new BigDecimal("75"), "nightPoints", new BigDecimal("10")));
        return variables;
    }

    private static Map<String, Object> variables(String grade, String areaClass, int beaufortLevel,
            boolean sensorFault, String isolationStatus, String certificateState) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("grade", grade);
        variables.put("zone", Map.of("areaClass", areaClass));
        variables.put("weather", Map.of("beaufortLevel", beaufortLevel));
        variables.put("sensorFault", sensorFault);
        variables.put("equipment", Map.of("isolationStatus", isolationStatus));
        variables.put("personnel", Map.of("certificateState", certificateState));
        variables.put("thresholds", Map.of("windStop", new BigDecimal("6")));
        return variables;
    }

    private static JsonNode read(String text) {
        return JSON.readTree(text);
    }
}
