package org.tezuo.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tezuo.core.connector.weather.QWeatherClient;
import org.tezuo.core.connector.weather.QWeatherSettings;
import org.tezuo.core.connector.weather.QWeatherStubServer;
import org.tezuo.core.connector.weather.WeatherObservation;
import org.tezuo.core.environment.GasReadingParser;
import org.tezuo.core.risk.RiskDimension;
import org.tezuo.core.risk.RiskEvaluator;
import org.tezuo.core.risk.RiskModel;
import org.tezuo.core.risk.RiskScore;
import org.tezuo.core.risk.ScoredRiskItem;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.core.rules.RulesetCompiler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scoring sections of the GB 30871-2022 rulesets. Each compiles and covers the five dimensions. A typical permit
 * of each type gets a score, a band and at least three ranked items with live values, and a permit with more hazards
 * scores higher.
 */
class ScoringSectionsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime WORK_START = OffsetDateTime.parse("2026-12-04T09:00+08:00");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T08:50+08:00");
    private static final String CLEAN_READING = reading("GD-01", "20.9", "0", "0", "0", false);
    private static final Map<String, Object> CLEAN_PERSONNEL = Map.of("certificateState", "valid",
            "recentAnomalies", BigDecimal.ZERO, "daysAwayFromPost", BigDecimal.ZERO, "practicalAssessment", "passed");

    private final RiskEvaluator evaluator = new RiskEvaluator();
    private final GasReadingParser gasParser = new GasReadingParser(SHANGHAI);
    private final QWeatherStubServer weatherStub = QWeatherStubServer.start("demo-key");
    private final QWeatherClient weatherClient = new QWeatherClient(new QWeatherSettings(weatherStub.baseUrl(),
            "demo-key", Duration.ofSeconds(2), Duration.ofSeconds(5)));

    @AfterEach
    void stopStub() {
        weatherStub.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hot-work", "confined-space", "blind-flange", "work-at-height", "lifting",
            "temporary-electricity", "excavation", "road-closure"})
    @DisplayName("Every GB 30871-2022 ruleset has a scoring section that compiles and covers five dimensions")
    void scoringSectionCompiles(String type) throws IOException {
        JsonNode scoring = document(type).path("scoring");

        RiskModel model = RiskModel.compile(type, scoring, ruleset(type).ruleset().variables(),
                new MvelExpressionCompiler());

        assertThat(model.size()).isGreaterThanOrEqualTo(8);
        for (RiskDimension dimension : RiskDimension.values()) {
            assertThat(scoring.path("factors").values()).as(type + " " + dimension.key())
                    .anySatisfy(factor -> assertThat(factor.path("dimension").asString()).isEqualTo(dimension.key()));
        }
        assertThat(scoring.path("factors").values()).as(type).allSatisfy(factor -> assertThat(
                factor.path("source").asString()).isNotBlank());
    }

    @Test
    @DisplayName("Confined space ranks the entrants, the window and the ventilation of a typical entry")
    void confinedSpaceTypicalPermit() throws IOException {
        Map<String, Object> permit = window(8);
        permit.put("oxygenEnriched", false);
        permit.put("entrants", List.of(Map.of("name", "张伟"), Map.of("name", "李强"), Map.of("name", "王磊")));
        permit.put("isolationMethod", "加盲板");
        permit.put("ventilationMethod", "强制通风");
        Map<String, Object> worse = new HashMap<>(permit);
        worse.put("isolationMethod", null);
        worse.put("ventilationMethod", "自然通风");

        RiskScore typical = score("confined-space", permit, weather("20", "3"), CLEAN_READING);
        RiskScore hazardous = score("confined-space", worse, weather("20", "3"),
                reading("GD-01", "19.0", "0", "8", "10", false));

        assertTypical(typical);
        assertThat(codes(typical).subList(0, 3)).containsExactlyInAnyOrder("score.work-type.entrants",
                "score.work-type.window", "score.location.ventilation");
        assertThat(hazardous.total()).isGreaterThan(typical.total());
        assertThat(item(hazardous, "score.environment.oxygen").value()).isEqualTo(new BigDecimal("19.0"));
        assertThat(item(hazardous, "score.environment.h2s").points()).isEqualByComparingTo("100");
    }

    @Test
    @DisplayName("A faulty detector never lowers the oxygen aggregate to a clean value and scores as a fault")
    void sensorFaultIsNoCleanReading() throws IOException {
        Map<String, Object> permit = window(8);
        permit.put("entrants", List.of(Map.of("name", "张伟")));
        permit.put("isolationMethod", "加盲板");
        permit.put("ventilationMethod", "强制通风");
        String readings = "[" + reading("GD-01", "20.9", "0", "0", "0", false) + ","
                + reading("GD-02", "15.0", "0", "0", "0", true) + "]";

        RiskScore score = score("confined-space", permit, weather("20", "3"), readings);

        assertThat(item(score, "score.environment.oxygen").value()).isEqualTo(new BigDecimal("20.9"));
        assertThat(item(score, "score.environment.sensor-fault").points()).isEqualByComparingTo("60");
    }

    @Test
    @DisplayName("Blind-flange work ranks the hazardous area, the cryogenic medium and the action")
    void blindFlangeTypicalPermit() throws IOException {
        Map<String, Object> permit = window(4);
        permit.put("blindAction", "堵");
        permit.put("blindNumber", "MB-07");
        permit.put("pipelinePressureMPa", new BigDecimal("0.6"));
        permit.put("hazardousArea", true);
        permit.put("toxicGasService", false);
        permit.put("sharedPipeline", false);
        permit.put("mediumTemperatureCelsius", new BigDecimal("-162"));
        Map<String, Object> worse = new HashMap<>(permit);
        worse.put("toxicGasService", true);
        worse.put("sharedPipeline", true);
        worse.put("pipelinePressureMPa", new BigDecimal("4.0"));

        RiskScore typical = score("blind-flange", permit, weather("20", "3"), null);
        RiskScore hazardous = score("blind-flange", worse, weather("20", "3"), null);

        assertTypical(typical);
        assertThat(codes(typical).subList(0, 3)).containsExactly("score.location.hazardous-area",
                "score.environment.medium-temperature", "score.work-type.action");
        assertThat(hazardous.total()).isGreaterThan(typical.total());
        assertThat(item(hazardous, "score.environment.toxic-readings").points()).isEqualByComparingTo("50");
    }

    @Test
    @DisplayName("Work at height ranks the grade, the wind and the cold of a typical open-air job")
    void workAtHeightTypicalPermit() throws IOException {
        Map<String, Object> permit = window(8);
        permit.put("grade", "II级");
        permit.put("workingHeightMetres", new BigDecimal("8"));
        permit.put("classificationMethod", "A");
        permit.put("openAir", true);
        permit.put("steepSlope", false);
        Map<String, Object> worse = new HashMap<>(permit);
        worse.put("grade", "IV级");
        worse.put("workingHeightMetres", new BigDecimal("35"));

        RiskScore typical = score("work-at-height", permit, weather("20", "3"), null);
        RiskScore hazardous = score("work-at-height", worse, weather("30", "5"), null);

        assertTypical(typical);
        assertThat(codes(typical).getFirst()).isEqualTo("score.work-type.grade");
        assertThat(item(typical, "score.environment.cold").value()).isEqualTo(new BigDecimal("4"));
        assertThat(hazardous.total()).isGreaterThan(typical.total());
        assertThat(item(hazardous, "score.environment.wind").points()).isEqualByComparingTo("100");
        assertThat(item(hazardous, "score.equipment.radio").points()).isEqualByComparingTo("40");
    }

    @Test
    @DisplayName("Lifting ranks the wind, the open air and the grade of a typical third-grade lift")
    void liftingTypicalPermit() throws IOException {
        Map<String, Object> permit = window(6);
        permit.put("grade", "三级");
        permit.put("loadMassTonnes", new BigDecimal("20"));
        permit.put("openAir", true);
        permit.put("craneCount", BigDecimal.ONE);
        permit.put("maxCraneLoadPercent", new BigDecimal("60"));
        permit.put("complexLoad", false);
        permit.put("liftingPlanApproved", false);
        permit.put("nearPowerLines", false);
        Map<String, Object> worse = new HashMap<>(permit);
        worse.put("grade", "二级");
        worse.put("loadMassTonnes", new BigDecimal("60"));
        worse.put("craneCount", new BigDecimal("2"));
        worse.put("maxCraneLoadPercent", new BigDecimal("85"));
        worse.put("nearPowerLines", true);

        RiskScore typical = score("lifting", permit, weather("20", "3"), null);
        RiskScore hazardous = score("lifting", worse, weather("20", "3"), null);

        assertTypical(typical);
        assertThat(codes(typical).getFirst()).isEqualTo("score.environment.wind");
        assertThat(hazardous.total()).isGreaterThan(typical.total());
        assertThat(item(hazardous, "score.work-type.plan").points()).isEqualByComparingTo("60");
        assertThat(item(hazardous, "score.equipment.crane-load").points()).isEqualByComparingTo("100");
    }

    @Test
    @DisplayName("Temporary electricity ranks the hazardous area, the voltage and the power of a typical supply")
    void temporaryElectricityTypicalPermit() throws IOException {
        Map<String, Object> permit = window(5 * 24);
        permit.put("hazardousArea", true);
        permit.put("servesPermitType", null);
        permit.put("voltageVolts", new BigDecimal("380"));
        permit.put("permittedPowerKilowatts", new BigDecimal("30"));
        Map<String, Object> worse = new HashMap<>(permit);
        worse.put("workEnd", WORK_START.plusDays(20));
        worse.put("servesPermitType", "动火");

        RiskScore typical = score("temporary-electricity", permit, weather("20", "3"),
                reading("GD-01", "20.9", "2", "0", "0", false));
        RiskScore hazardous = score("temporary-electricity", worse, weather("20", "3"), null);

        assertTypical(typical);
        assertThat(codes(typical).subList(0, 3)).containsExactly("score.location.hazardous-area",
                "score.equipment.voltage", "score.equipment.power");
        assertThat(hazardous.total()).isGreaterThan(typical.total());
        assertThat(item(hazardous, "score.environment.no-samples").points()).isEqualByComparingTo("60");
    }

    @Test
    @DisplayName("Excavation ranks the depth, the hazardous area, the digger and the untested pit of a typical dig")
    void excavationTypicalPermit() throws IOException {
        Map<String, Object> permit = window(8);
        permit.put("depthMetres", new BigDecimal("1.5"));
        permit.put("method", "machine");
        permit.put("hazardousArea", true);
        permit.put("buriedHazardousLines", false);
        Map<String, Object> worse = new HashMap<>(permit);
        worse.put("buriedHazardousLines", true);
        worse.put("depthMetres", new BigDecimal("2.5"));

        RiskScore typical = score("excavation", permit, weather("20", "3"), null);
        RiskScore hazardous = score("excavation", worse, weather("20", "3"), null);

        assertTypical(typical);
        assertThat(codes(typical).subList(0, 2)).containsExactly("score.work-type.depth",
                "score.location.hazardous-area");
        assertThat(codes(typical).subList(2, 4)).containsExactlyInAnyOrder("score.work-type.method",
                "score.environment.pit-gas");
        assertThat(hazardous.total()).isGreaterThan(typical.total());
        assertThat(item(hazardous, "score.equipment.machine-near-lines").points()).isEqualByComparingTo("40");
    }

    @Test
    @DisplayName("Road closure ranks the night work, its live points and the darkness of a typical night closure")
    void roadClosureTypicalPermit() throws IOException {
        Map<String, Object> permit = window(8);
        permit.put("fireAccessKept", true);
        permit.put("nightWork", true);
        permit.put("warningLightHeightMetres", new BigDecimal("1.5"));
        Map<String, Object> worse = new HashMap<>(permit);
        worse.put("fireAccessKept", false);
        worse.put("warningLightHeightMetres", new BigDecimal("0.8"));

        RiskScore typical = score("road-closure", permit, weather("20", "3"), null);
        RiskScore hazardous = score("road-closure", worse, weather("20", "3"), null);

        assertTypical(typical);
        assertThat(codes(typical).subList(0, 3)).containsExactlyInAnyOrder("score.live.night",
                "score.work-type.night", "score.environment.darkness");
        assertThat(hazardous.total()).isGreaterThan(typical.total());
        assertThat(item(hazardous, "score.location.fire-access").points()).isEqualByComparingTo("100");
    }

    /**
     * Returns the reference cases of the calibration, which the scoring section of docs/architecture.md lists: name,
     * type, permit, wind in km/h and Beaufort level, gas reading, band and total.
     */
    static Stream<Arguments> referenceCases() {
        Map<String, Object> specialNightHotWork = window(OffsetDateTime.parse("2026-12-04T22:00+08:00"), 4);
        specialNightHotWork.put("grade", "特级");
        specialNightHotWork.put("openAir", true);
        specialNightHotWork.put("oxygenService", false);
        specialNightHotWork.put("nightWork", true);
        specialNightHotWork.put("zone", Map.of("areaClass", "zone-1", "musterPoint", "MP-1", "nearestAed", "AED-1"));
        specialNightHotWork.put("equipment", Map.of("isolationStatus", "not-isolated", "pressureMpa",
                new BigDecimal("0.4"), "valvePosition", "open"));

        Map<String, Object> fixedAreaHotWork = hotWork("二级", false);
        fixedAreaHotWork.put("zone", Map.of("areaClass", "non-hazardous", "musterPoint", "MP-2",
                "nearestAed", "AED-2"));

        Map<String, Object> naturalGasVessel = window(4);
        naturalGasVessel.put("hazardousMedium", true);
        naturalGasVessel.put("oxygenEnriched", false);
        naturalGasVessel.put("entrants", List.of(Map.of("name", "张伟"), Map.of("name", "李强")));
        naturalGasVessel.put("isolationMethod", "加盲板");
        naturalGasVessel.put("ventilationMethod", "强制通风");

        Map<String, Object> heightInWindFive = window(6);
        heightInWindFive.put("grade", "II级");
        heightInWindFive.put("workingHeightMetres", new BigDecimal("8"));
        heightInWindFive.put("classificationMethod", "A");
        heightInWindFive.put("openAir", true);
        heightInWindFive.put("steepSlope", false);

        Map<String, Object> routineRoadClosure = window(4);
        routineRoadClosure.put("fireAccessKept", true);
        routineRoadClosure.put("nightWork", false);
        routineRoadClosure.put("warningLightHeightMetres", new BigDecimal("1.5"));

        return Stream.of(
                Arguments.of("特级 night hot work on an LNG line", "hot-work", specialNightHotWork, "15", "3",
                        reading("GD-01", "20.9", "3", "0", "0", false), "major", 100),
                Arguments.of("二级 daytime hot work in a fixed hot-work area", "hot-work", fixedAreaHotWork, "10", "2",
                        CLEAN_READING, "low", 17),
                Arguments.of("confined-space entry into a natural-gas vessel", "confined-space", naturalGasVessel, "10",
                        "2", CLEAN_READING, "considerable", 50),
                Arguments.of("work at height at wind level 5", "work-at-height", heightInWindFive, "30", "5", null,
                        "considerable", 74),
                Arguments.of("routine daytime road closure", "road-closure", routineRoadClosure, "10", "2", null,
                        "low", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCases")
    @DisplayName("Each reference case of the calibration scores its documented total and band")
    void referenceCaseBand(String name, String type, Map<String, Object> permit, String windKilometresPerHour,
            String windScale, String readingJson, String band, int total) throws IOException {
        RiskScore score = score(type, permit, weather(windKilometresPerHour, windScale), readingJson);

        assertThat(score.band()).as(name).isEqualTo(band);
        assertThat(score.total()).as(name).isEqualTo(total);
    }

    @Test
    @DisplayName("A special-grade hot work with clean live data still scores at least major, with the grade floor as an item")
    void specialGradeNeverReadsLow() throws IOException {
        Map<String, Object> permit = hotWork("特级", false);
        permit.put("zone", Map.of("areaClass", "non-hazardous", "musterPoint", "MP-1", "nearestAed", "AED-1"));
        permit.put("equipment", Map.of("isolationStatus", "locked-out", "pressureMpa", BigDecimal.ZERO,
                "valvePosition", "closed"));

        RiskScore score = score("hot-work", permit, weather("5", "1"), CLEAN_READING);

        assertThat(score.band()).isEqualTo("major");
        assertThat(score.total()).isEqualTo(75);
        ScoredRiskItem floor = item(score, "score.floor.special-grade");
        assertThat(floor.rank()).isEqualTo(1);
        assertThat(floor.value()).isEqualTo("特级");
        assertThat(floor.limit()).isEqualTo("重大风险");
        assertThat(floor.source()).contains("GB 30871-2022 附录 B 表 B.1", "企业实践");
    }

    @Test
    @DisplayName("Live factors add their points on top of the grade floor")
    void liveFactorsRaiseTheScore() throws IOException {
        Map<String, Object> calm = hotWork("一级", true);
        Map<String, Object> night = new HashMap<>(calm);
        night.put("nightWork", true);

        RiskScore day = score("hot-work", calm, weather("5", "1"), CLEAN_READING);
        RiskScore nightWithWind = score("hot-work", night, weather("25", "4"),
                reading("GD-01", "20.9", "6", "0", "0", false));

        assertThat(day.band()).isEqualTo("considerable");
        assertThat(nightWithWind.total()).isEqualTo(Math.min(100, day.total() + 10 + 10 + 15));
        assertThat(item(nightWithWind, "score.live.night").contribution()).isEqualByComparingTo("10");
        assertThat(item(nightWithWind, "score.live.wind").contribution()).isEqualByComparingTo("10");
        assertThat(item(nightWithWind, "score.live.gas-near-limit").contribution()).isEqualByComparingTo("15");
    }

    /** Checks total, band and the top three items, which must add to the score and show a live value. */
    private static void assertTypical(RiskScore score) {
        assertThat(score.total()).isBetween(0, 100);
        assertThat(score.band()).isIn("low", "general", "considerable", "major");
        assertThat(score.items()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(score.items().subList(0, 3)).allSatisfy(item -> {
            assertThat(item.value()).as(item.code()).isNotNull();
            assertThat(item.points()).as(item.code()).isPositive();
        });
        assertThat(score.items()).extracting(ScoredRiskItem::rank).startsWith(1, 2, 3);
    }

    private RiskScore score(String type, Map<String, Object> permit, WeatherObservation weather,
            String readingJson) throws IOException {
        CompiledRuleset ruleset = ruleset(type);
        RiskModel model = RiskModel.compile(type, document(type).path("scoring"), ruleset.ruleset().variables(),
                new MvelExpressionCompiler());
        Map<String, Object> variables = new HashMap<>(permit);
        variables.put("personnel", CLEAN_PERSONNEL);
        return evaluator.score(model, ruleset, variables, weather,
                readingJson == null ? List.of() : gasParser.parse(readingJson), NOW);
    }

    private WeatherObservation weather(String windKilometresPerHour, String windScale) {
        weatherStub.setObservation(windKilometresPerHour, windScale, "4", "45",
                OffsetDateTime.parse("2026-12-04T08:40+08:00"));
        return weatherClient.currentObservation("101010100");
    }

    private static CompiledRuleset ruleset(String type) {
        return new RulesetCompiler(new MvelExpressionCompiler()).loadResource(
                PolicyPackCatalog.ruleset("gb30871-2022." + type).orElseThrow().resourcePath());
    }

    private static JsonNode document(String type) throws IOException {
        try (InputStream in = ScoringSectionsTest.class.getResourceAsStream(
                PolicyPackCatalog.ruleset("gb30871-2022." + type).orElseThrow().resourcePath())) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    private static Map<String, Object> window(int hours) {
        return window(WORK_START, hours);
    }

    /** Returns a four-hour daytime hot work of {@code grade} without oxygen service. */
    private static Map<String, Object> hotWork(String grade, boolean openAir) {
        Map<String, Object> permit = window(4);
        permit.put("grade", grade);
        permit.put("openAir", openAir);
        permit.put("oxygenService", false);
        permit.put("nightWork", false);
        return permit;
    }

    private static Map<String, Object> window(OffsetDateTime start, int hours) {
        Map<String, Object> permit = new HashMap<>();
        permit.put("workStart", start);
        permit.put("workEnd", start.plusHours(hours));
        return permit;
    }

    private static String reading(String detectorId, String oxygen, String flammablePercentLel, String coPpm,
            String h2sPpm, boolean sensorFault) {
        return """
                {"detectorId": "%s", "measuredAt": "2026-12-04T08:45", "oxygenPercentVol": %s, "coPpm": %s,
                 "h2sPpm": %s, "sensorFault": %s, "flammable": {"value": %s, "unit": "%%LEL", "gas": "methane"}}"""
                .formatted(detectorId, oxygen, coPpm, h2sPpm, sensorFault, flammablePercentLel);
    }

    private static List<String> codes(RiskScore score) {
        return score.items().stream().map(ScoredRiskItem::code).toList();
    }

    private static ScoredRiskItem item(RiskScore score, String code) {
        return score.items().stream().filter(item -> item.code().equals(code)).findFirst().orElseThrow();
    }
}
