package org.tezuo.core.standard;

import org.jspecify.annotations.Nullable;
import org.tezuo.core.rules.LocalizedText;
import org.tezuo.core.rules.ThresholdDirection;
import org.tezuo.core.rules.ThresholdOrigin;
import org.tezuo.core.rules.ThresholdRange;

/**
 * One threshold as the standards configuration center shows it.
 *
 * @param value the value in force, the override's when one is active
 * @param documentValue the value the published ruleset sets
 * @param clause the regulation and clause of the document value
 * @param unconfirmed true when the value or its clause was not confirmed against the official text
 * @param note the ruleset's note on the threshold, or null
 * @param originText the origin in the caller's language, for example 政策包 gb30871-2022@1.0.0，依据 GB 30871-2022 5.3.2
 * @param range the values the ruleset allows an override to take, or null
 * @param physicalRange the values the unit can physically take, or null for a unit without one
 * @param mandatory true when the clause cites a mandatory standard, so an override may only tighten the value
 * @param usageCount how many rules and risk-score factors read the threshold
 */
public record StandardItem(String rulesetKey, String key, LocalizedText label, Object value, Object documentValue,
        String unit, String clause, boolean unconfirmed, @Nullable String note, ThresholdOrigin origin,
        String originText, ThresholdDirection direction, @Nullable ThresholdRange range,
        @Nullable PhysicalRange physicalRange, boolean mandatory, int usageCount) {

    /** Returns true when an enterprise override sets the value in force. */
    public boolean overridden() {
        return origin.kind() == ThresholdOrigin.Kind.ENTERPRISE_OVERRIDE;
    }
}
