package org.tezuo.core.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;

/**
 * A ruleset whose expressions and message templates are compiled; immutable and thread-safe. Obtain one from
 * {@link RulesetCompiler}.
 */
public final class CompiledRuleset {

    /** One rule with its compiled parts. */
    record CompiledRule(Rule rule, CompiledExpression when, @Nullable CompiledExpression value,
            @Nullable CompiledExpression limit, MessageTemplate zh, @Nullable MessageTemplate en) {
    }

    private final Ruleset ruleset;
    private final List<CompiledRule> rules;
    /** The thresholds each rule reads, parallel to {@link #rules}; found once rather than per finding. */
    private final List<List<Threshold>> ruleLimits;
    private final Map<String, Object> thresholdValues;
    private final LocalizedText scenario;

    CompiledRuleset(Ruleset ruleset, List<CompiledRule> rules) {
        this.ruleset = ruleset;
        this.rules = List.copyOf(rules);
        Map<String, Object> values = new LinkedHashMap<>();
        // Interned keys, so that a rule's read of thresholds.key, whose path key is interned, matches by reference.
        ruleset.thresholds().forEach((key, threshold) -> values.put(key.intern(), threshold.value()));
        this.thresholdValues = java.util.Collections.unmodifiableMap(values);
        this.ruleLimits = this.rules.stream().map(compiled -> limitsOf(compiled.rule())).toList();
        this.scenario = new LocalizedText(ruleset.scenarioLabel(Locale.SIMPLIFIED_CHINESE),
                ruleset.scenarioLabel(Locale.ENGLISH));
    }

    /**
     * Returns this ruleset with {@code replaced} thresholds in force, for example enterprise overrides or the origin
     * of a pack. The compiled expressions are shared, because they read thresholds only through the bound map.
     *
     * @throws IllegalArgumentException when a replaced key is not declared in the ruleset
     */
    public CompiledRuleset withThresholds(Map<String, Threshold> replaced) {
        Map<String, Threshold> thresholds = new LinkedHashMap<>(ruleset.thresholds());
        replaced.forEach((key, threshold) -> {
            if (!thresholds.containsKey(key)) {
                throw new IllegalArgumentException("Threshold " + key + " is not declared in " + ruleset.reference());
            }
            thresholds.put(key, threshold);
        });
        return new CompiledRuleset(new Ruleset(ruleset.reference(), ruleset.name(), ruleset.scenario(),
                ruleset.source(), ruleset.variables(), thresholds, ruleset.rules(), ruleset.checksum()), rules);
    }

    /**
     * Returns the thresholds that set the limit of {@code rule}: those its {@code limit} expression reads, or, for a
     * rule without one, those its condition reads.
     */
    public List<Threshold> limitsOf(Rule rule) {
        Set<String> names = ThresholdReads.in(rule.limit());
        if (names.isEmpty()) {
            names = ThresholdReads.in(rule.when());
        }
        return names.stream().map(ruleset.thresholds()::get).filter(java.util.Objects::nonNull).toList();
    }

    public Ruleset ruleset() {
        return ruleset;
    }

    /** Returns the name of the kind of work the ruleset covers in Chinese and English, looked up once. */
    public LocalizedText scenario() {
        return scenario;
    }

    /** Returns the threshold values by key, as expressions read them under {@code thresholds}. */
    public Map<String, Object> thresholdValues() {
        return thresholdValues;
    }

    /**
     * Evaluates the rules of {@code scope} in document order and returns those that match. The variable
     * {@code thresholds} is bound to the ruleset's threshold values (in a copy of {@code variables}, unless they
     * already bind them); a variable the caller leaves out reads as null. A rule whose expression fails to
     * evaluate is returned as a blocking finding that names the error, so a broken rule never reads as a passed
     * check.
     */
    public List<RuleFinding> evaluate(RuleScope scope, Map<String, ?> variables) {
        Map<String, ?> bound = variables;
        if (variables.get(Ruleset.THRESHOLDS_VARIABLE) != thresholdValues) {
            Map<String, @Nullable Object> copy = new HashMap<>(variables);
            copy.put(Ruleset.THRESHOLDS_VARIABLE, thresholdValues);
            bound = copy;
        }

        List<RuleFinding> findings = new ArrayList<>();
        for (int index = 0; index < rules.size(); index++) {
            CompiledRule compiled = rules.get(index);
            if (compiled.rule().scope() != scope) {
                continue;
            }
            try {
                if (compiled.when().test(bound)) {
                    findings.add(finding(compiled, bound, ruleLimits.get(index)));
                }
            } catch (InvalidExpressionException error) {
                findings.add(failure(compiled.rule(), error, ruleLimits.get(index)));
            }
        }
        return findings;
    }

    private static RuleFinding finding(CompiledRule compiled, Map<String, ?> variables, List<Threshold> limits) {
        Rule rule = compiled.rule();
        Object value = compiled.value() == null ? null : compiled.value().evaluate(variables);
        Object limit = compiled.limit() == null ? null : compiled.limit().evaluate(variables);
        MessageTemplate.Parts parts = new MessageTemplate.Parts(value, limit, rule.unit(), rule.source());

        String zh = compiled.zh().render(variables, parts, Locale.SIMPLIFIED_CHINESE);
        String en = compiled.en() == null ? null : compiled.en().render(variables, parts, Locale.ENGLISH);
        return new RuleFinding(rule, rule.severity(), value, limit, new LocalizedText(zh, en), limits);
    }

    private RuleFinding failure(Rule rule, InvalidExpressionException error, List<Threshold> limits) {
        return new RuleFinding(rule, RuleSeverity.BLOCK, null, null,
                new LocalizedText(failureMessage(rule, error, limits, Locale.SIMPLIFIED_CHINESE),
                        failureMessage(rule, error, limits, Locale.ENGLISH)), limits);
    }

    private String failureMessage(Rule rule, InvalidExpressionException error, List<Threshold> limits,
            Locale locale) {
        return UserMessages.render(InvalidExpressionException.BUNDLE, locale, "ruleset.evaluationFailed", rule.id(),
                error.message(locale), rule.source(), ruleset.scenarioLabel(locale), describeLimits(limits, locale));
    }

    /**
     * Returns each threshold with its label, value, unit and origin, for example 爆炸下限≥4%时的可燃气体合格值 0.5 %vol（来源：
     * 政策包 gb30871-2022@1.0.0，依据 GB 30871-2022 5.3.2）, or a phrase saying the rule reads none.
     */
    public static String describeLimits(List<Threshold> limits, Locale locale) {
        if (limits.isEmpty()) {
            return UserMessages.render(InvalidExpressionException.BUNDLE, locale, "threshold.none");
        }
        List<String> described = new ArrayList<>();
        for (Threshold threshold : limits) {
            String label = threshold.label() == null ? threshold.key() : threshold.label().in(locale);
            described.add(UserMessages.render(InvalidExpressionException.BUNDLE, locale, "threshold.inForce", label,
                    RuleValueFormatter.format(threshold.value(), locale), threshold.unit(),
                    threshold.origin().describe(locale)));
        }
        return String.join(UserMessages.render(InvalidExpressionException.BUNDLE, locale, "threshold.separator"),
                described);
    }

    @Override
    public String toString() {
        return "CompiledRuleset[" + ruleset.reference() + ", " + rules.size() + " rules]";
    }
}
