package org.tezuo.core.risk;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.core.connector.weather.WeatherObservation;
import org.tezuo.core.environment.GasReading;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.rules.LocalizedText;
import org.tezuo.core.rules.RuleFinding;
import org.tezuo.core.rules.RuleScope;
import org.tezuo.core.rules.Ruleset;

/**
 * Applies a compiled ruleset to one permit. Permit-scope rules see the caller's permit variables and
 * {@code weather}, {@code gasSamples} and {@code now}; gas-reading rules run once per reading with {@code gas}
 * bound as well. Missing data reaches the rules as null or a zero count. The ruleset then decides whether it blocks
 * or needs confirmation, so missing data is never skipped as clean.
 */
@Component
public class RiskEvaluator {

    private static final Logger log = LoggerFactory.getLogger(RiskEvaluator.class);

    /**
     * Evaluates {@code ruleset} and returns the ranked items.
     *
     * @param permitVariables values built by the caller from the form, for example grade, openAir, workStart
     *        ({@link OffsetDateTime}), workEnd and location; the names weather, gasSamples, gas and now are set
     *        here and override the caller's
     * @param weather the latest observation at the work location, or null when none is available
     * @param gasReadings the gas analyses for the permit, possibly empty
     * @param now the evaluation time in the tenant's zone
     */
    public RiskAssessment evaluate(CompiledRuleset ruleset, Map<String, ?> permitVariables,
            @Nullable WeatherObservation weather, List<GasReading> gasReadings, OffsetDateTime now) {
        return evaluate(ruleset, liveVariables(ruleset, permitVariables, weather, gasReadings, now), gasReadings);
    }

    /**
     * Scores the permit with {@code model}. The scoring expressions see the same variables as the permit-scope
     * rules, the ruleset's thresholds, and {@code zone}, {@code equipment} and {@code personnel} when the caller
     * puts them in {@code permitVariables}.
     */
    public RiskScore score(RiskModel model, CompiledRuleset ruleset, Map<String, ?> permitVariables,
            @Nullable WeatherObservation weather, List<GasReading> gasReadings, OffsetDateTime now) {
        return score(model, ruleset, liveVariables(ruleset, permitVariables, weather, gasReadings, now));
    }

    /**
     * Evaluates {@code ruleset} and scores the permit with {@code model}, as {@link #evaluate} and {@link #score}
     * would one after the other, over one set of variables built once: the assessment of a permit across the five
     * dimensions.
     */
    public Evaluation evaluateAndScore(CompiledRuleset ruleset, RiskModel model, Map<String, ?> permitVariables,
            @Nullable WeatherObservation weather, List<GasReading> gasReadings, OffsetDateTime now) {
        Map<String, @Nullable Object> variables = liveVariables(ruleset, permitVariables, weather, gasReadings, now);
        RiskAssessment assessment = evaluate(ruleset, variables, gasReadings);
        variables.put(RiskVariables.GAS, null);
        return new Evaluation(assessment, score(model, ruleset, variables));
    }

    /** The ranked items of a ruleset and the score of its model for one permit. */
    public record Evaluation(RiskAssessment assessment, RiskScore score) {
    }

    private RiskAssessment evaluate(CompiledRuleset ruleset, Map<String, @Nullable Object> variables,
            List<GasReading> gasReadings) {
        LocalizedText scenario = ruleset.scenario();
        List<RiskItem> items = new ArrayList<>();
        for (RuleFinding finding : ruleset.evaluate(RuleScope.PERMIT, variables)) {
            items.add(item(finding, null, scenario));
        }
        for (GasReading reading : gasReadings) {
            variables.put(RiskVariables.GAS, RiskVariables.gas(reading));
            for (RuleFinding finding : ruleset.evaluate(RuleScope.GAS_READING, variables)) {
                items.add(item(finding, reading.detectorId(), scenario));
            }
        }
        items.sort(Comparator.comparing(RiskItem::severity));

        log.debug("Ruleset {} produced {} risk items ({} readings)", ruleset.ruleset().reference(), items.size(),
                gasReadings.size());
        return new RiskAssessment(items);
    }

    private RiskScore score(RiskModel model, CompiledRuleset ruleset, Map<String, @Nullable Object> variables) {
        RiskScore score = model.score(variables);
        log.debug("Ruleset {} scored {} ({}) over {} factors", ruleset.ruleset().reference(), score.total(),
                score.band(), model.size());
        return score;
    }

    /**
     * Returns the caller's variables with the live ones and the ruleset's thresholds added, in a new map that the
     * evaluation may change. The thresholds are bound here so that {@link CompiledRuleset#evaluate} can read this
     * map as it is instead of copying it to bind them.
     */
    private static Map<String, @Nullable Object> liveVariables(CompiledRuleset ruleset,
            Map<String, ?> permitVariables, @Nullable WeatherObservation weather, List<GasReading> gasReadings,
            OffsetDateTime now) {
        Map<String, @Nullable Object> variables = new HashMap<>(permitVariables);
        variables.put(Ruleset.THRESHOLDS_VARIABLE, ruleset.thresholdValues());
        variables.put(RiskVariables.WEATHER, RiskVariables.weather(weather, now));
        variables.put(RiskVariables.GAS_SAMPLES, RiskVariables.gasSamples(gasReadings));
        variables.put(RiskVariables.NOW, now);
        variables.put(RiskVariables.GAS, null);
        return variables;
    }

    private static RiskItem item(RuleFinding finding, @Nullable String detectorId, LocalizedText scenario) {
        return new RiskItem(finding.rule().id(), finding.severity(), finding.message(), finding.rule().source(),
                finding.rule().unconfirmed(), finding.value(), finding.limit(), detectorId, finding.rule().unit(),
                scenario, finding.limits());
    }
}
