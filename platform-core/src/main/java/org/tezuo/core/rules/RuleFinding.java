package org.tezuo.core.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rule that matched, with the values its message shows.
 *
 * @param rule the rule
 * @param severity the rule's severity, or {@link RuleSeverity#BLOCK} when the rule could not be evaluated
 * @param value the measured value, or null when the rule defines none or the data is missing
 * @param limit the limit, or null when the rule defines none
 * @param message the rendered message in Chinese and English
 * @param limits the thresholds that set the rule's limit, with their values and origins in force
 */
public record RuleFinding(Rule rule, RuleSeverity severity, @Nullable Object value, @Nullable Object limit,
        LocalizedText message, List<Threshold> limits) {

    public RuleFinding {
        limits = List.copyOf(limits);
    }
}
