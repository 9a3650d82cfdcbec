package org.tezuo.core.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.metadata.DocumentCheck;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;

/**
 * Checks a ruleset at save and publish: every rule's condition, value, limit and message placeholders compile in the
 * restricted rule language, and every {@code thresholds.<name>} they or the scoring section read is declared in the
 * ruleset. A ruleset that
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
        checkScoring(ruleset.thresholds(), candidate.body().path("scoring"), locale, violations);
        return violations;
    }

    private static void checkThresholds(Map<String, Threshold> declared, Rule rule, String path,
            @Nullable String text, Locale locale, List<MetaSchemaViolation> violations) {
        checkThresholds(declared, rule.id(), path, text, locale, violations);
    }

    private static void checkThresholds(Map<String, Threshold> declared, String id, String path,
            @Nullable String text, Locale locale, List<MetaSchemaViolation> violations) {
        if (text == null) {
            return;
        }
        for (String name : ThresholdReads.in(text)) {
            if (!declared.containsKey(name)) {
                violations.add(new MetaSchemaViolation(path, UserMessages.render(InvalidExpressionException.BUNDLE,
                        locale, "ruleset.unknownThreshold", id, name, String.join("、", declared.keySet()))));
            }
        }
    }

    /**
     * Checks the scoring section: the thresholds its factors, floors and bands read are declared, and every floor
     * names a band of the section, because a score would otherwise read a missing limit when a permit is submitted.
     */
    private static void checkScoring(Map<String, Threshold> declared, JsonNode scoring, Locale locale,
            List<MetaSchemaViolation> violations) {
        checkScoringExpressions(declared, scoring, "factors", List.of("points", "value", "limit"), locale,
                violations);
        checkScoringExpressions(declared, scoring, "floors", List.of("when", "value"), locale, violations);
        Set<String> bandKeys = new LinkedHashSet<>();
        List<JsonNode> bands = scoring.path("bands").valueStream().toList();
        for (int i = 0; i < bands.size(); i++) {
            JsonNode band = bands.get(i);
            bandKeys.add(band.path("key").asString(""));
            if (band.hasNonNull("minThreshold")) {
                checkThresholds(declared, "band." + band.path("key").asString(""),
                        "$.scoring.bands[" + i + "].minThreshold", "thresholds." + band.get("minThreshold").asString(),
                        locale, violations);
            }
        }
        List<JsonNode> floors = scoring.path("floors").valueStream().toList();
        for (int i = 0; i < floors.size(); i++) {
            String band = floors.get(i).path("band").asString("");
            if (!bandKeys.contains(band)) {
                violations.add(new MetaSchemaViolation("$.scoring.floors[" + i + "].band",
                        UserMessages.render(InvalidExpressionException.BUNDLE, locale, "ruleset.unknownFloorBand",
                                floors.get(i).path("id").asString(""), band, String.join("、", bandKeys))));
            }
        }
    }

    private static void checkScoringExpressions(Map<String, Threshold> declared, JsonNode scoring, String section,
            List<String> fields, Locale locale, List<MetaSchemaViolation> violations) {
        List<JsonNode> nodes = scoring.path(section).valueStream().toList();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            for (String field : fields) {
                checkThresholds(declared, node.path("id").asString(""), "$.scoring." + section + "[" + i + "]." + field,
                        node.hasNonNull(field) ? node.get(field).asString() : null, locale, violations);
            }
        }
    }
}
