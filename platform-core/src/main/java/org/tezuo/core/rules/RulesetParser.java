package org.tezuo.core.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.metadata.DocumentChecksum;
import org.tezuo.metadata.MetaSchemaValidator;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;

/**
 * Parses the body of a {@code ruleset} document into an immutable {@link Ruleset}. The body is checked against
 * the ruleset meta-schema first, so this class only maps fields. Expressions are checked later, by
 * {@link RulesetCompiler}.
 */
public final class RulesetParser {

    private final MetaSchemaValidator validator = new MetaSchemaValidator();

    /**
     * Parses {@code body}.
     *
     * @param reference where the document came from, repeated in error messages
     * @throws InvalidRulesetException listing every meta-schema violation, or naming a repeated rule id
     */
    public Ruleset parse(String reference, JsonNode body) {
        List<MetaSchemaViolation> violations = validator.validate(MetadataKind.RULESET, body,
                UserMessages.DEFAULT_LOCALE);
        if (!violations.isEmpty()) {
            String listed = violations.stream()
                    .map(violation -> violation.path() + " " + violation.message())
                    .collect(Collectors.joining("; "));
            throw new InvalidRulesetException("ruleset.invalid", reference, listed);
        }

        Map<String, Threshold> thresholds = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : body.path("thresholds").properties()) {
            thresholds.put(entry.getKey(), threshold(reference, entry.getKey(), entry.getValue()));
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : body.path("rules").values()) {
            Rule rule = rule(node);
            if (!ids.add(rule.id())) {
                throw new InvalidRulesetException("ruleset.duplicateRule", reference, rule.id());
            }
            rules.add(rule);
        }
        Set<String> variables = new LinkedHashSet<>();
        body.path("variables").values().forEach(variable -> variables.add(variable.stringValue()));

        return new Ruleset(reference, label(body.path("name")), optionalText(body, "scenario"),
                optionalText(body, "source"), variables, thresholds, rules, DocumentChecksum.of(body));
    }

    private static Threshold threshold(String reference, String key, JsonNode node) {
        JsonNode value = node.path("value");
        Object parsed;
        if (value.isNumber()) {
            parsed = value.decimalValue().stripTrailingZeros();
        } else if (value.isBoolean()) {
            parsed = value.booleanValue();
        } else {
            parsed = value.stringValue();
        }
        LocalizedText label = node.has("label") ? label(node.path("label")) : null;
        String source = node.path("source").stringValue();
        return new Threshold(key, parsed, node.path("unit").stringValue(), label, source,
                node.path("unconfirmed").asBoolean(false), range(node.get("range")),
                ThresholdDirection.valueOf(node.path("direction").asString("none").toUpperCase(Locale.ROOT)),
                new ThresholdOrigin(ThresholdOrigin.Kind.DOCUMENT, reference, source, null, parsed));
    }

    private static @Nullable ThresholdRange range(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new ThresholdRange(node.hasNonNull("min") ? node.get("min").decimalValue() : null,
                node.hasNonNull("max") ? node.get("max").decimalValue() : null);
    }

    private static Rule rule(JsonNode node) {
        RuleScope scope = "gasReading".equals(node.path("appliesTo").asString("permit"))
                ? RuleScope.GAS_READING
                : RuleScope.PERMIT;
        return new Rule(
                node.path("id").stringValue(),
                RuleSeverity.valueOf(node.path("severity").stringValue().toUpperCase(Locale.ROOT)),
                scope,
                node.path("when").stringValue(),
                optionalText(node, "value"),
                optionalText(node, "limit"),
                node.path("unit").asString(""),
                label(node.path("message")),
                node.path("source").stringValue(),
                node.path("unconfirmed").asBoolean(false));
    }

    private static LocalizedText label(JsonNode node) {
        return new LocalizedText(node.path("zh").stringValue(), optionalText(node, "en"));
    }

    private static @Nullable String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.stringValue();
    }
}
