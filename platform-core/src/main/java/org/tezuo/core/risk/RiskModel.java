package org.tezuo.core.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.rules.CompiledExpression;
import org.tezuo.core.rules.ExpressionCompiler;
import org.tezuo.core.rules.InvalidExpressionException;
import org.tezuo.core.rules.InvalidRulesetException;
import org.tezuo.core.rules.LocalizedText;
import tools.jackson.databind.JsonNode;

/**
 * The compiled {@code scoring} section of a ruleset: factors that each give 0–100 points within one
 * {@link RiskDimension}, the weight of each dimension and the bands of the total. A dimension's sub-score is the sum
 * of its factors' points, capped at 100; the total is the weighted mean of the sub-scores. Weights, bands and
 * factors are data, so an enterprise adjusts them by publishing a new ruleset version. Immutable and thread-safe.
 */
public final class RiskModel {

    /** Variables the scoring expressions may read besides the ruleset's own. */
    public static final Set<String> VARIABLES = Set.of("zone", "equipment", "personnel", "weather", "gasSamples",
            "now", "thresholds");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    record Factor(String id, RiskDimension dimension, CompiledExpression points, @Nullable CompiledExpression value,
            @Nullable CompiledExpression limit, String unit, LocalizedText label, String source) {
    }

    record Band(String key, BigDecimal min, LocalizedText label) {
    }

    private final List<Factor> factors;
    private final Map<RiskDimension, BigDecimal> weights;
    private final BigDecimal weightSum;
    private final List<Band> bands;
    private final String source;

    private RiskModel(List<Factor> factors, Map<RiskDimension, BigDecimal> weights, List<Band> bands,
            String source) {
        this.factors = List.copyOf(factors);
        this.weights = Map.copyOf(weights);
        this.weightSum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        this.bands = bands.stream().sorted(Comparator.comparing(Band::min)).toList();
        this.source = source;
    }

    /**
     * Compiles the {@code scoring} section of a ruleset body; the meta-schema has already checked its shape.
     *
     * @param reference where the ruleset came from, repeated in error messages
     * @param rulesetVariables the variables the ruleset declares; the scoring expressions may read these and
     *        {@link #VARIABLES}
     * @throws InvalidRulesetException naming the factor and field whose expression is rejected
     */
    public static RiskModel compile(String reference, JsonNode scoring, Set<String> rulesetVariables,
            ExpressionCompiler compiler) {
        Set<String> variables = new HashSet<>(rulesetVariables);
        variables.addAll(VARIABLES);

        Map<RiskDimension, BigDecimal> weights = new EnumMap<>(RiskDimension.class);
        for (RiskDimension dimension : RiskDimension.values()) {
            weights.put(dimension, scoring.path("weights").path(dimension.key()).decimalValue());
        }
        List<Band> bands = new ArrayList<>();
        for (JsonNode band : scoring.path("bands").values()) {
            bands.add(new Band(band.path("key").stringValue(), band.path("min").decimalValue(),
                    label(band.path("label"))));
        }
        List<Factor> factors = new ArrayList<>();
        for (JsonNode node : scoring.path("factors").values()) {
            String id = node.path("id").stringValue();
            factors.add(new Factor(id,
                    RiskDimension.ofKey(node.path("dimension").stringValue()).orElseThrow(),
                    expression(reference, id, "points", node.path("points").stringValue(), variables, compiler),
                    optional(reference, id, "value", node, variables, compiler),
                    optional(reference, id, "limit", node, variables, compiler),
                    node.path("unit").asString(""), label(node.path("label")), node.path("source").stringValue()));
        }
        return new RiskModel(factors, weights, bands, scoring.path("source").stringValue());
    }

    /** Returns the number of factors. */
    public int size() {
        return factors.size();
    }

    /**
     * Scores {@code variables}, which must hold {@code thresholds} and may leave any other variable out. A factor
     * whose expression fails scores 100 points, so a broken factor never reads as a low risk.
     */
    public RiskScore score(Map<String, ?> variables) {
        Map<RiskDimension, BigDecimal> subScores = new EnumMap<>(RiskDimension.class);
        for (RiskDimension dimension : RiskDimension.values()) {
            subScores.put(dimension, BigDecimal.ZERO);
        }
        List<ScoredRiskItem> unranked = new ArrayList<>();
        for (Factor factor : factors) {
            BigDecimal points = points(factor, variables);
            subScores.merge(factor.dimension(), points, (sum, added) -> sum.add(added).min(HUNDRED));
            unranked.add(new ScoredRiskItem(factor.id(), 0, factor.dimension(), points,
                    contribution(factor.dimension(), points), factor.label(), quietly(factor.value(), variables),
                    quietly(factor.limit(), variables), factor.unit(), factor.source()));
        }

        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<RiskDimension, BigDecimal> subScore : subScores.entrySet()) {
            total = total.add(contribution(subScore.getKey(), subScore.getValue()));
        }
        int rounded = total.setScale(0, RoundingMode.HALF_UP).min(HUNDRED).intValue();
        Band band = band(rounded);
        return new RiskScore(rounded, band.key(), band.label(), subScores, ranked(unranked), source);
    }

    private BigDecimal contribution(RiskDimension dimension, BigDecimal points) {
        if (weightSum.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return points.multiply(weights.get(dimension)).divide(weightSum, 2, RoundingMode.HALF_UP);
    }

    private Band band(int total) {
        Band chosen = bands.getFirst();
        for (Band band : bands) {
            if (band.min().compareTo(BigDecimal.valueOf(total)) <= 0) {
                chosen = band;
            }
        }
        return chosen;
    }

    private static List<ScoredRiskItem> ranked(List<ScoredRiskItem> items) {
        List<ScoredRiskItem> sorted = items.stream()
                .sorted(Comparator.comparing(ScoredRiskItem::contribution).reversed())
                .toList();
        List<ScoredRiskItem> ranked = new ArrayList<>(sorted.size());
        for (int index = 0; index < sorted.size(); index++) {
            ScoredRiskItem item = sorted.get(index);
            ranked.add(new ScoredRiskItem(item.code(), index + 1, item.dimension(), item.points(),
                    item.contribution(), item.label(), item.value(), item.limit(), item.unit(), item.source()));
        }
        return ranked;
    }

    private static BigDecimal points(Factor factor, Map<String, ?> variables) {
        try {
            Object result = factor.points().evaluate(variables);
            if (result == null) {
                return BigDecimal.ZERO;
            }
            BigDecimal points = result instanceof BigDecimal decimal ? decimal : new BigDecimal(result.toString());
            return points.max(BigDecimal.ZERO).min(HUNDRED);
        } catch (InvalidExpressionException | NumberFormatException error) {
            return HUNDRED;
        }
    }

    private static @Nullable Object quietly(@Nullable CompiledExpression expression, Map<String, ?> variables) {
        if (expression == null) {
            return null;
        }
        try {
            return expression.evaluate(variables);
        } catch (InvalidExpressionException error) {
            return null;
        }
    }

    private static CompiledExpression expression(String reference, String id, String field, String source,
            Set<String> variables, ExpressionCompiler compiler) {
        try {
            return compiler.compile(source, variables);
        } catch (InvalidExpressionException rejection) {
            throw new InvalidRulesetException("ruleset.invalidExpression", reference, id, field, rejection);
        }
    }

    private static @Nullable CompiledExpression optional(String reference, String id, String field, JsonNode node,
            Set<String> variables, ExpressionCompiler compiler) {
        JsonNode source = node.get(field);
        return source == null || source.isNull()
                ? null
                : expression(reference, id, field, source.stringValue(), variables, compiler);
    }

    private static LocalizedText label(JsonNode node) {
        JsonNode en = node.get("en");
        return new LocalizedText(node.path("zh").stringValue(), en == null ? null : en.stringValue());
    }
}
