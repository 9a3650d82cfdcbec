package org.tezuo.core.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private final Map<String, Object> thresholdValues;

    CompiledRuleset(Ruleset ruleset, List<CompiledRule> rules) {
        this.ruleset = ruleset;
        this.rules = List.copyOf(rules);
        Map<String, Object> values = new LinkedHashMap<>();
        ruleset.thresholds().forEach((key, threshold) -> values.put(key, threshold.value()));
        this.thresholdValues = java.util.Collections.unmodifiableMap(values);
    }

    public Ruleset ruleset() {
        return ruleset;
    }

    /** Returns the threshold values by key, as expressions read them under {@code thresholds}. */
    public Map<String, Object> thresholdValues() {
        return thresholdValues;
    }

    /**
     * Evaluates the rules of {@code scope} in document order and returns those that match. The variable
     * {@code thresholds} is bound to the ruleset's threshold values; a variable the caller leaves out reads as
     * null. A rule whose expression fails to evaluate is returned as a blocking finding that names the error,
     * so a broken rule never reads as a passed check.
     */
    public List<RuleFinding> evaluate(RuleScope scope, Map<String, ?> variables) {
        Map<String, @Nullable Object> bound = new HashMap<>(variables);
        bound.put(Ruleset.THRESHOLDS_VARIABLE, thresholdValues);

        List<RuleFinding> findings = new ArrayList<>();
        for (CompiledRule compiled : rules) {
            if (compiled.rule().scope() != scope) {
                continue;
            }
            try {
                if (compiled.when().test(bound)) {
                    findings.add(finding(compiled, bound));
                }
            } catch (InvalidExpressionException error) {
                findings.add(failure(compiled.rule(), error));
            }
        }
        return findings;
    }

    private static RuleFinding finding(CompiledRule compiled, Map<String, ?> variables) {
        Rule rule = compiled.rule();
        Object value = compiled.value() == null ? null : compiled.value().evaluate(variables);
        Object limit = compiled.limit() == null ? null : compiled.limit().evaluate(variables);
        MessageTemplate.Parts parts = new MessageTemplate.Parts(value, limit, rule.unit(), rule.source());

        String zh = compiled.zh().render(variables, parts, Locale.SIMPLIFIED_CHINESE);
        String en = compiled.en() == null ? null : compiled.en().render(variables, parts, Locale.ENGLISH);
        return new RuleFinding(rule, rule.severity(), value, limit, new LocalizedText(zh, en));
    }

    private static RuleFinding failure(Rule rule, InvalidExpressionException error) {
        String zh = UserMessages.render(InvalidExpressionException.BUNDLE, Locale.SIMPLIFIED_CHINESE,
                "ruleset.evaluationFailed", rule.id(), error.message(Locale.SIMPLIFIED_CHINESE), rule.source());
        String en = UserMessages.render(InvalidExpressionException.BUNDLE, Locale.ENGLISH,
                "ruleset.evaluationFailed", rule.id(), error.message(Locale.ENGLISH), rule.source());
        return new RuleFinding(rule, RuleSeverity.BLOCK, null, null, new LocalizedText(zh, en));
    }

    @Override
    public String toString() {
        return "CompiledRuleset[" + ruleset.reference() + ", " + rules.size() + " rules]";
    }
}
