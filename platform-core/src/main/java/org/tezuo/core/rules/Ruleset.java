package org.tezuo.core.rules;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A parsed ruleset document: thresholds with their sources and rules over declared variables.
 *
 * @param reference where the document came from, for example {@code ruleset:gb30871-2022-hot-work@1}
 * @param name display name
 * @param scenario the kind of work the ruleset covers, or null
 * @param source the regulation the ruleset implements, or null
 * @param variables names the rules may read besides {@code thresholds}
 * @param thresholds thresholds by key, in document order
 * @param rules the rules in document order
 * @param checksum SHA-256 of the document body, which identifies a compiled ruleset
 */
public record Ruleset(String reference, LocalizedText name, @Nullable String scenario, @Nullable String source,
        Set<String> variables, Map<String, Threshold> thresholds, List<Rule> rules, String checksum) {

    /** The variable through which expressions read threshold values. */
    public static final String THRESHOLDS_VARIABLE = "thresholds";

    public Ruleset {
        variables = Set.copyOf(variables);
        thresholds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(thresholds));
        rules = List.copyOf(rules);
    }

    /**
     * Returns the name of the kind of work in {@code locale}, for example 动火作业 for {@code hot-work}, or the
     * ruleset's name when the scenario has no entry in the message catalogue.
     */
    public String scenarioLabel(Locale locale) {
        return ScenarioNames.label(scenario, name, locale);
    }
}
