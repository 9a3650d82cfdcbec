package org.tezuo.core.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.tezuo.core.connector.weather.WeatherObservation;
import org.tezuo.core.environment.GasReading;
import org.tezuo.core.environment.GasReadingParser;
import org.tezuo.core.rules.CompiledExpression;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.rules.InterpretedExpression;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.core.rules.RulesetCompiler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Risk evaluation of one hot-work permit with the GB 30871-2022 pack's hot-work ruleset (29 rules) and its scoring
 * section (23 factors over the five dimensions and 2 grade floors), each way twice: with the expressions compiled
 * once by {@link MvelExpressionCompiler} (the product) and with the same expressions translated once and run by
 * {@code MVEL.eval} on every evaluation ({@link InterpretedExpression#COMPILER}), for the ratio.
 * <ul>
 * <li>{@code evaluateAndScore*}: the product path, {@link RiskEvaluator#evaluateAndScore}: the 29 rules with
 * their messages rendered, then the 23 factors, 2 floors, five sub-scores and total.</li>
 * <li>{@code evaluateRules*}: {@link RiskEvaluator#evaluate} alone, the 29 rules, about 30 as the goal names.
 * It gives the findings but no five-dimension score, which only the scoring factors give.</li>
 * <li>{@code expressions*}: every {@code when}, {@code value}, {@code limit} and {@code points} expression of the
 * rules and factors on one set of variables, without the rest of the product path.</li>
 * </ul>
 * It sits in the risk package to build the variables with the package-private {@link RiskVariables}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RiskEvaluationBenchmark {

    private static final String RULESET = "/org/tezuo/packs/gb30871-2022/hot-work.ruleset.json";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-04T08:50+08:00");

    private final RiskEvaluator evaluator = new RiskEvaluator();
    private CompiledRuleset ruleset;
    private RiskModel model;
    private CompiledRuleset interpretedRuleset;
    private RiskModel interpretedModel;
    private Map<String, Object> permit;
    private WeatherObservation weather;
    private List<GasReading> readings;
    private Map<String, Object> variables;
    private List<CompiledExpression> compiled;
    private List<InterpretedExpression> interpreted;

    @Setup
    public void setUp() {
        JsonNode body = read(RULESET);
        MvelExpressionCompiler expressions = new MvelExpressionCompiler();
        ruleset = new RulesetCompiler(expressions).load("classpath:" + RULESET, body);
        model = RiskModel.compile(RULESET, body.path("scoring"), ruleset.ruleset().variables(), expressions);
        interpretedRuleset = new RulesetCompiler(InterpretedExpression.COMPILER).load("classpath:" + RULESET, body);
        interpretedModel = RiskModel.compile(RULESET, body.path("scoring"), ruleset.ruleset().variables(),
                InterpretedExpression.COMPILER);
        permit = permit();
        weather = new WeatherObservation("101010100", new BigDecimal("5.6"), 4, new BigDecimal("16"),
                new BigDecimal("55"), NOW.minusMinutes(10));
        readings = new GasReadingParser(SHANGHAI).parse("""
                [{"detectorId": "GD-07", "measuredAt": "2026-12-04T08:45:00+08:00", "oxygenPercentVol": 20.9,
                  "coPpm": 0, "h2sPpm": 0, "flammable": {"value": 5, "unit": "%LEL", "gas": "甲烷"},
                  "sensorFault": false, "calibratedOn": "2026-10-01"}]""");

        variables = new HashMap<>(permit);
        variables.put(RiskVariables.WEATHER, RiskVariables.weather(weather, NOW));
        variables.put(RiskVariables.GAS_SAMPLES, RiskVariables.gasSamples(readings));
        variables.put(RiskVariables.GAS, RiskVariables.gas(readings.getFirst()));
        variables.put(RiskVariables.NOW, NOW);
        variables.put("thresholds", ruleset.thresholdValues());

        Set<String> names = new HashSet<>(ruleset.ruleset().variables());
        names.addAll(RiskModel.VARIABLES);
        List<String> sources = expressionSources(body);
        compiled = new ArrayList<>();
        interpreted = new ArrayList<>();
        for (String source : sources) {
            compiled.add(expressions.compile(source, names));
            interpreted.add(InterpretedExpression.of(source, names));
        }
        for (int index = 0; index < sources.size(); index++) {
            Object expected = compiled.get(index).evaluate(variables);
            Object actual = interpreted.get(index).evaluate(variables);
            sameResult(sources.get(index), expected, actual);
        }
        sameResult("evaluateAndScore", evaluateAndScore(), evaluateAndScoreInterpreted());
        sameResult("evaluateRules", evaluateRules(), evaluateRulesInterpreted());
    }

    private static void sameResult(String what, Object compiledResult, Object interpretedResult) {
        if (!Objects.equals(String.valueOf(compiledResult), String.valueOf(interpretedResult))) {
            throw new IllegalStateException("Interpreted '" + what + "' gave " + interpretedResult
                    + ", compiled gave " + compiledResult);
        }
    }

    @Benchmark
    public RiskEvaluator.Evaluation evaluateAndScore() {
        return evaluator.evaluateAndScore(ruleset, model, permit, weather, readings, NOW);
    }

    @Benchmark
    public RiskEvaluator.Evaluation evaluateAndScoreInterpreted() {
        return evaluator.evaluateAndScore(interpretedRuleset, interpretedModel, permit, weather, readings, NOW);
    }

    @Benchmark
    public RiskAssessment evaluateRules() {
        return evaluator.evaluate(ruleset, permit, weather, readings, NOW);
    }

    @Benchmark
    public RiskAssessment evaluateRulesInterpreted() {
        return evaluator.evaluate(interpretedRuleset, permit, weather, readings, NOW);
    }

    @Benchmark
    public void expressionsCompiled(Blackhole blackhole) {
        for (CompiledExpression expression : compiled) {
            blackhole.consume(expression.evaluate(variables));
        }
    }

    @Benchmark
    public void expressionsInterpreted(Blackhole blackhole) {
        for (InterpretedExpression expression : interpreted) {
            blackhole.consume(expression.evaluate(variables));
        }
    }

    private static List<String> expressionSources(JsonNode body) {
        List<String> sources = new ArrayList<>();
        for (JsonNode rule : body.path("rules")) {
            addIfPresent(sources, rule, "when");
            addIfPresent(sources, rule, "value");
            addIfPresent(sources, rule, "limit");
        }
        for (JsonNode factor : body.path("scoring").path("factors")) {
            addIfPresent(sources, factor, "points");
            addIfPresent(sources, factor, "value");
            addIfPresent(sources, factor, "limit");
        }
        return sources;
    }

    private static void addIfPresent(List<String> sources, JsonNode node, String field) {
        if (node.hasNonNull(field)) {
            sources.add(node.path(field).stringValue());
        }
    }

    private static Map<String, Object> permit() {
        OffsetDateTime start = NOW.plusMinutes(10);
        Map<String, Object> permit = new HashMap<>();
        permit.put("grade", "一级");
        permit.put("openAir", true);
        permit.put("oxygenService", false);
        permit.put("workStart", start);
        permit.put("workEnd", start.plusHours(6));
        permit.put("location", "1# 码头卸料臂区域管廊 3 号支架");
        permit.put("zone", Map.of("areaClass", "zone-2", "musterPoint", "MP-1", "nearestAed", "AED-3"));
        permit.put("equipment", Map.of("isolationStatus", "isolated", "pressureMpa", new BigDecimal("0.05"),
                "valvePosition", "closed"));
        permit.put("personnel", Map.of("certificateState", "valid", "recentAnomalies", BigDecimal.ONE,
                "daysAwayFromPost", new BigDecimal("12"), "practicalAssessment", "passed"));
        return permit;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = RiskEvaluationBenchmark.class.getResourceAsStream(resource)) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
