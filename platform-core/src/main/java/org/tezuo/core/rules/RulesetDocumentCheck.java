package org.tezuo.core.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.metadata.DocumentCheck;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;

/**
 * Checks a ruleset at save and publish: every rule's condition, value, limit and message placeholders compile in the
 * restricted rule language, and every {@code thresholds.<name>} they read is declared in the ruleset. A ruleset that
 * would fail, or silently read a missing threshold as null, when a permit is evaluated is therefore never stored.
 */
@Component
class RulesetDocumentCheck implements DocumentCheck {

    private final RulesetCompiler compiler;

    RulesetDocumentCheck(RulesetCompiler compiler) {
        this.compiler = compiler;
    }

    @Override
    public boolean appliesTo(MetadataDocument candidate) {
        return candidate.kind() == MetadataKind.RULESET;
    }

    @Override
    public List<MetaSchemaViolation> check(MetadataDocument candidate, Locale locale) {
        CompiledRuleset compiled;
        try {
            compiled = compiler.load("ruleset:" + candidate.key(), candidate.body());
        } catch (InvalidRulesetException e) {
            return List.of(new MetaSchemaViolation("$", e.message(locale)));
        }
        Ruleset ruleset = compiled.ruleset();
        List<MetaSchemaViolation> violations = new ArrayList<>();
        for (int i = 0; i < ruleset.rules().size(); i++) {
            Rule rule = ruleset.rules().get(i);
            String path = "$.rules[" + i + "]";
            checkThresholds(ruleset.thresholds(), rule, path + ".when", rule.when(), locale, violations);
            checkThresholds(ruleset.thresholds(), rule, path + ".value", rule.value(), locale, violations);
            checkThresholds(ruleset.thresholds(), rule, path + ".limit", rule.limit(), locale, violations);
            checkThresholds(ruleset.thresholds(), rule, path + ".message.zh", rule.message().zh(), locale,
                    violations);
            checkThresholds(ruleset.thresholds(), rule, path + ".message.en", rule.message().en(), locale,
                    violations);
        }
        return violations;
    }

    private static void checkThresholds(Map<String, Threshold> declared, Rule rule, String path,
            @Nullable String text, Locale locale, List<MetaSchemaViolation> violations) {
        if (text == null) {
            return;
        }
        for (String name : ThresholdReads.in(text)) {
            if (!declared.containsKey(name)) {
                violations.add(new MetaSchemaViolation(path, UserMessages.render(InvalidExpressionException.BUNDLE,
                        locale, "ruleset.unknownThreshold", rule.id(), name, String.join("、", declared.keySet()))));
            }
        }
    }
}
