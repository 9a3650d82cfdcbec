package org.tezuo.core.standard;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One change of an enterprise override of a threshold; the history of a threshold is the list of its changes.
 *
 * @param action SET puts {@code value} in force, REMOVE puts the document value back
 * @param value the override value as entered, or null for REMOVE
 * @param documentValue the value the published ruleset set when the change was made
 * @param documentOrigin the pack or ruleset reference and clause of the document value
 * @param change how the change compares with the value in force before it
 * @param source the enterprise document the value comes from, for example 企业标准 Q/XXX 3.2, or null for REMOVE
 * @param active true for the override in force
 */
public record ThresholdOverride(long id, String rulesetKey, String threshold, Action action, @Nullable String value,
        String unit, String documentValue, String documentOrigin, ChangeKind change, String reason,
        @Nullable String source, String changedBy, Instant changedAt, boolean active) {

    /** What a change did. */
    public enum Action {
        SET,
        REMOVE
    }
}
