package org.tezuo.core.rules;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named limit of a ruleset, readable in expressions as {@code thresholds.<key>}.
 *
 * @param key the name, for example {@code windStopBeaufortLevel}
 * @param value a {@link java.math.BigDecimal}, String or Boolean
 * @param unit the unit of {@code value}, for example {@code m/s} or {@code %vol}; empty for plain numbers
 * @param label what the threshold is, or null
 * @param source the regulation and clause the value comes from
 * @param unconfirmed true when the value or its clause was not confirmed against the official text
 * @param range the values an enterprise override may take, or null when only the unit's physical range applies
 * @param direction which side of the value is the safe one
 * @param origin where the value in force comes from
 */
public record Threshold(String key, Object value, String unit, @Nullable LocalizedText label, String source,
        boolean unconfirmed, @Nullable ThresholdRange range, ThresholdDirection direction, ThresholdOrigin origin) {

    public Threshold {
        Objects.requireNonNull(value, "value");
    }

    /** Returns this threshold with the value of an enterprise override in force. */
    public Threshold overriddenBy(Object overrideValue, String overrideSource, String reason) {
        return new Threshold(key, overrideValue, unit, label, source, unconfirmed, range, direction,
                new ThresholdOrigin(ThresholdOrigin.Kind.ENTERPRISE_OVERRIDE, overrideSource, source, reason, value));
    }

    /** Returns this threshold with its document value attributed to {@code origin}. */
    public Threshold withOrigin(ThresholdOrigin newOrigin) {
        return new Threshold(key, value, unit, label, source, unconfirmed, range, direction, newOrigin);
    }

    /** Returns true when an enterprise override sets the value in force. */
    public boolean overridden() {
        return origin.kind() == ThresholdOrigin.Kind.ENTERPRISE_OVERRIDE;
    }
}
