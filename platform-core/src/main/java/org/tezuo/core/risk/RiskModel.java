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
 * {@link RiskDimension}, the weight of each dimension, the floors and the bands of the total. A dimension's
 * sub-score is the sum of its factors' points, capped at 100, and the base is the weighted mean of the sub-scores.
 * A floor whose condition is true raises the base to the lowest total of its band. Factors with scope {@code total}
 * (live factors such as night work or a gas reading near its limit) then add their points, and the total is capped
 * at 100. So the band is never below the highest matching floor, and a live factor always raises the score. Weights,
 * floors, bands and factors are data, so an enterprise adjusts them by publishing a new ruleset version; a band
 * whose lowest total is a threshold ({@code minThreshold}) also follows enterprise overrides. Immutable and
 * thread-safe.
 */
public final class RiskModel {

    /** Variables the scoring expressions may read besides the ruleset's own. */
    public static final Set<String> VARIABLES = Set.of("zone", "equipment", "personnel", "weather", "gasSamples",
            "now", "thresholds");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String THRESHOLDS = "thresholds";

    /** A factor. {@code total} is true for scope {@code total}, whose points go straight to the total. */
    record Factor(String id, RiskDimension dimension, CompiledExpression points, boolean total,
            @Nullable CompiledExpression value, @Nullable CompiledExpression limit, String unit, LocalizedText label,
            String source) {
    }

    /** A band with its lowest total: {@code min}, or the threshold that {@code minThreshold} names when set. */
    record Band(String key, @Nullable BigDecimal min, @Nullable String minThreshold, LocalizedText label) {
    }

    /** A band with its lowest total resolved for one scoring. */
    private record ResolvedBand(Band band, BigDecimal min) {
    }

    record Floor(String id, CompiledExpression when, String band, RiskDimension dimension,
            @Nullable CompiledExpression value, LocalizedText label, String source) {
    }

    private final List<Factor> factors;
    private final List<Floor> floors;
    private final Map<RiskDimension, BigDecimal> weights;
    private final BigDecimal weightSum;
    private final List<Band> bands;
    private final String source;

    private RiskModel(List<Factor> factors, List<Floor> floors, Map<RiskDimension, BigDecimal> weights,
            List<Band> bands, String source) {
        this.factors = List.copyOf(factors);
        this.floors = List.copyOf(floors);
        this.weights = Map.copyOf(weights);
        this.weightSum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        this.bands = List.copyOf(bands);
        this.source = source;
    }

    /**
     * Compiles the {@code scoring} section of a ruleset body; the meta-schema has already checked its shape.
     *
     * @param reference where the ruleset came from, repeated in error messages
     * @param rulesetVariables the variables the ruleset declares; the scoring expressions may read these and
     *        {@link #VARIABLES}
     * @throws InvalidRulesetException naming the factor or floor and the field whose expression is rejected
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
            bands.add(new Band(band.path("key").stringValue(),
                    band.hasNonNull("min") ? band.get("min").decimalValue() : null,
                    band.hasNonNull("minThreshold") ? band.get("minThreshold").stringValue() : null,
                    label(band.path("label"))));
        }
        List<Factor> factors = new ArrayList<>();
        for (JsonNode node : scoring.path("factors").values()) {
            String id = node.path("id").stringValue();
            factors.add(new Factor(id,
                    RiskDimension.ofKey(node.path("dimension").stringValue()).orElseThrow(),
                    expression(reference, id, "points", node.path("points").stringValue(), variables, compiler),
                    "total".equals(node.path("scope").asString("dimension")),
                    optional(reference, id, "value", node, variables, compiler),
                    optional(reference, id, "limit", node, variables, compiler),
                    node.path("unit").asString(""), label(node.path("label")), node.path("source").stringValue()));
        }
        List<Floor> floors = new ArrayList<>();
        for (JsonNode node : scoring.path("floors").values()) {
            String id = node.path("id").stringValue();
            floors.add(new Floor(id,
                    expression(reference, id, "when", node.path("when").stringValue(), variables, compiler),
                    node.path("band").stringValue(),
                    RiskDimension.ofKey(node.path("dimension").asString("workType")).orElseThrow(),
                    optional(reference, id, "value", node, variables, compiler),
                    label(node.path("label")), node.path("source").stringValue()));
        }
        return new RiskModel(factors, floors, weights, bands, scoring.path("source").stringValue());
    }

    /** Returns the number of factors. */
    public int size() {
        return factors.size();
    }

    /**
     * Scores {@code variables}, which must hold {@code thresholds} and may leave any other variable out. A factor
     * whose expression fails scores 100 points, and a floor whose condition fails counts as holding, so a broken
     * expression never reads as a low risk. A band whose {@code minThreshold} has no numeric value starts at 0 for
     * the same reason, and the ruleset check at save rejects such a band.
     */
    public RiskScore score(Map<String, ?> variables) {
        List<ResolvedBand> resolvedBands = resolve(variables.get(THRESHOLDS));
        Map<RiskDimension, BigDecimal> subScores = new EnumMap<>(RiskDimension.class);
        for (RiskDimension dimension : RiskDimension.values()) {
            subScores.put(dimension, BigDecimal.ZERO);
        }
        List<ScoredRiskItem> unranked = new ArrayList<>();
        BigDecimal added = BigDecimal.ZERO;
        for (Factor factor : factors) {
            BigDecimal points = points(factor, variables);
            BigDecimal contribution;
            if (factor.total()) {
                contribution = points;
                added = added.add(points);
            } else {
                contribution = contribution(factor.dimension(), points);
                subScores.merge(factor.dimension(), points, (sum, more) -> sum.add(more).min(HUNDRED));
            }
            unranked.add(new ScoredRiskItem(factor.id(), 0, factor.dimension(), points, contribution,
                    factor.label(), quietly(factor.value(), variables), quietly(factor.limit(), variables),
                    factor.unit(), factor.source()));
        }

        BigDecimal base = BigDecimal.ZERO;
        for (Map.Entry<RiskDimension, BigDecimal> subScore : subScores.entrySet()) {
            base = base.add(contribution(subScore.getKey(), subScore.getValue()));
        }
        BigDecimal floored = applyFloors(base, variables, resolvedBands, unranked);
        int rounded = floored.add(added).setScale(0, RoundingMode.HALF_UP).min(HUNDRED).intValue();
        Band band = band(rounded, resolvedBands);
        return new RiskScore(rounded, band.key(), band.label(), subScores, ranked(unranked), source);
    }

    /**
     * Returns {@code base} raised to the lowest total of the highest band whose floor holds, and adds one item per
     * holding floor. The item's points are the band's lowest total and its contribution is what the floor adds, so
     * the highest floor carries the whole lift and a lower one adds nothing.
     */
    private BigDecimal applyFloors(BigDecimal base, Map<String, ?> variables, List<ResolvedBand> resolvedBands,
            List<ScoredRiskItem> items) {
        List<Map.Entry<Floor, ResolvedBand>> holding = new ArrayList<>();
        for (Floor floor : floors) {
            if (holds(floor, variables)) {
                holding.add(Map.entry(floor, bandOf(floor, resolvedBands)));
            }
        }
        holding.sort(Comparator.comparing((Map.Entry<Floor, ResolvedBand> entry) -> entry.getValue().min())
                .reversed());

        BigDecimal floored = base;
        for (Map.Entry<Floor, ResolvedBand> entry : holding) {
            Floor floor = entry.getKey();
            ResolvedBand band = entry.getValue();
            BigDecimal lift = band.min().subtract(floored).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
            items.add(new ScoredRiskItem(floor.id(), 0, floor.dimension(), band.min(), lift, floor.label(),
                    quietly(floor.value(), variables), band.band().label().zh(), "", floor.source()));
            floored = floored.max(band.min());
        }
        return floored;
    }

    private static ResolvedBand bandOf(Floor floor, List<ResolvedBand> resolvedBands) {
        for (ResolvedBand candidate : resolvedBands) {
            if (candidate.band().key().equals(floor.band())) {
                return candidate;
            }
        }
        // NOTE: an unknown band key counts as the highest band; the ruleset check at save rejects it.
        return resolvedBands.getLast();
    }

    private static boolean holds(Floor floor, Map<String, ?> variables) {
        try {
            return Boolean.TRUE.equals(floor.when().evaluate(variables));
        } catch (InvalidExpressionException error) {
            return true;
        }
    }

    private List<ResolvedBand> resolve(@Nullable Object thresholds) {
        List<ResolvedBand> resolved = new ArrayList<>(bands.size());
        for (Band band : bands) {
            BigDecimal min = band.min();
            if (band.minThreshold() != null) {
                Object value = thresholds instanceof Map<?, ?> map ? map.get(band.minThreshold()) : null;
                min = value instanceof BigDecimal decimal ? decimal
                        : value instanceof Number number ? new BigDecimal(number.toString()) : BigDecimal.ZERO;
            }
            resolved.add(new ResolvedBand(band, min == null ? BigDecimal.ZERO : min));
        }
        resolved.sort(Comparator.comparing(ResolvedBand::min));
        return resolved;
    }

    private BigDecimal contribution(RiskDimension dimension, BigDecimal points) {
        if (weightSum.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return points.multiply(weights.get(dimension)).divide(weightSum, 2, RoundingMode.HALF_UP);
    }

    private static Band band(int total, List<ResolvedBand> resolvedBands) {
        Band chosen = resolvedBands.getFirst().band();
        for (ResolvedBand band : resolvedBands) {
            if (band.min().compareTo(BigDecimal.valueOf(total)) <= 0) {
                chosen = band.band();
            }
        }
        return chosen;
    }

    private static List<ScoredRiskItem> ranked(List<ScoredRiskItem> items) {
        List<ScoredRiskItem> sorted = new ArrayList<>(items);
        // By the double value: contributions have few digits, and comparing decimals of different scales cost a
        // tenth of a whole scoring in a profile. The sort is stable, so equal contributions keep the factor order.
        sorted.sort(Comparator.comparingDouble((ScoredRiskItem item) -> item.contribution().doubleValue())
                .reversed());
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
