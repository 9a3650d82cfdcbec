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
 * Lists, for each threshold of a ruleset, the rules and risk-score factors, floors and bands that read it, found by
 * parsing their expressions and message templates for {@code thresholds.<name>} and by the bands' {@code minThreshold}.
 * Floors and bands are listed as scoring usages, with ids such as {@code band.major}.
 */
final class ThresholdUsageIndex {

    private static final List<String> FACTOR_FIELDS = List.of("points", "value", "limit");
    private static final List<String> FLOOR_FIELDS = List.of("when", "value");

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
        JsonNode scoring = body.path("scoring");
        for (JsonNode factor : scoring.path("factors").values()) {
            addScoringUsages(usages, factor, factor.path("id").asString(""), FACTOR_FIELDS);
        }
        for (JsonNode floor : scoring.path("floors").values()) {
            addScoringUsages(usages, floor, floor.path("id").asString(""), FLOOR_FIELDS);
        }
        for (JsonNode band : scoring.path("bands").values()) {
            if (band.hasNonNull("minThreshold")) {
                usages.computeIfAbsent(band.get("minThreshold").asString(), key -> new ArrayList<>())
                        .add(new ThresholdUsage(ThresholdUsage.Kind.SCORING_FACTOR,
                                "band." + band.path("key").asString(""), label(band), List.of("minThreshold")));
            }
        }
        return usages;
    }

    /** Adds the usages of a scoring factor or floor, whose expressions are in {@code fields}. */
    private static void addScoringUsages(Map<String, List<ThresholdUsage>> usages, JsonNode node, String id,
            List<String> fields) {
        Map<String, List<String>> fieldsByThreshold = new LinkedHashMap<>();
        for (String field : fields) {
            collect(fieldsByThreshold, field, node.hasNonNull(field) ? node.get(field).asString() : null);
        }
        fieldsByThreshold.forEach((name, read) -> usages.computeIfAbsent(name, key -> new ArrayList<>())
                .add(new ThresholdUsage(ThresholdUsage.Kind.SCORING_FACTOR, id, label(node), read)));
    }

    private static LocalizedText label(JsonNode node) {
        return new LocalizedText(node.path("label").path("zh").asString(""),
                node.path("label").hasNonNull("en") ? node.path("label").path("en").asString() : null);
    }

    private static void collect(Map<String, List<String>> fieldsByThreshold, String field, @Nullable String text) {
        for (String name : ThresholdReads.in(text)) {
            fieldsByThreshold.computeIfAbsent(name, key -> new ArrayList<>()).add(field);
        }
    }
}
