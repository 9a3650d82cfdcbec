package org.tezuo.core.standard;

import java.util.List;
import org.tezuo.core.rules.LocalizedText;

/**
 * One place in a ruleset that reads a threshold.
 *
 * @param kind a rule or a risk-score factor
 * @param id the rule or factor id, for example {@code hot-work.gas.flammable}
 * @param text the rule's message template or the factor's label
 * @param fields the fields that read the threshold, for example {@code when} and {@code limit}
 */
public record ThresholdUsage(Kind kind, String id, LocalizedText text, List<String> fields) {

    public ThresholdUsage {
        fields = List.copyOf(fields);
    }

    /** The kind of place that reads the threshold. */
    public enum Kind {
        RULE,
        SCORING_FACTOR
    }
}
