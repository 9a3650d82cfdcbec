package org.tezuo.core.standard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.rules.LocalizedText;
import org.tezuo.core.rules.Rule;
import org.tezuo.core.rules.Ruleset;
import org.tezuo.core.rules.ThresholdReads;
import tools.jackson.databind.JsonNode;

/**
 * Lists, for each threshold of a ruleset, the rules and risk-score factors that read it, found by parsing their
 * expressions and message templates for {@code thresholds.<name>}.
 */
final class ThresholdUsageIndex {

    private static final List<String> FACTOR_FIELDS = List.of("points", "value", "limit");

    private ThresholdUsageIndex() {
    }

    /** Returns the usages by threshold name; a threshold nothing reads has no entry. */
    static Map<String, List<ThresholdUsage>> of(Ruleset ruleset, JsonNode body) {
        Map<String, List<ThresholdUsage>> usages = new LinkedHashMap<>();
        for (Rule rule : ruleset.rules()) {
            Map<String, List<String>> fieldsByThreshold = new LinkedHashMap<>();
            collect(fieldsByThreshold, "when", rule.when());
            collect(fieldsByThreshold, "value", rule.value());
            collect(fieldsByThreshold, "limit", rule.limit());
            collect(fieldsByThreshold, "message.zh", rule.message().zh());
            collect(fieldsByThreshold, "message.en", rule.message().en());
            fieldsByThreshold.forEach((name, fields) -> usages.computeIfAbsent(name, key -> new ArrayList<>())
                    .add(new ThresholdUsage(ThresholdUsage.Kind.RULE, rule.id(), rule.message(), fields)));
        }
        for (JsonNode factor : body.path("scoring").path("factors").values()) {
            Map<String, List<String>> fieldsByThreshold = new LinkedHashMap<>();
            for (String field : FACTOR_FIELDS) {
                collect(fieldsByThreshold, field, factor.hasNonNull(field) ? factor.get(field).asString() : null);
            }
            LocalizedText label = new LocalizedText(factor.path("label").path("zh").asString(""),
                    factor.path("label").hasNonNull("en") ? factor.path("label").path("en").asString() : null);
            fieldsByThreshold.forEach((name, fields) -> usages.computeIfAbsent(name, key -> new ArrayList<>())
                    .add(new ThresholdUsage(ThresholdUsage.Kind.SCORING_FACTOR, factor.path("id").asString(""),
                            label, fields)));
        }
        return usages;
    }

    private static void collect(Map<String, List<String>> fieldsByThreshold, String field, @Nullable String text) {
        for (String name : ThresholdReads.in(text)) {
            fieldsByThreshold.computeIfAbsent(name, key -> new ArrayList<>()).add(field);
        }
    }
}
