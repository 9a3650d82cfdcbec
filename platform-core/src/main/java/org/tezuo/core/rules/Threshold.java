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
 */
public record Threshold(String key, Object value, String unit, @Nullable LocalizedText label, String source,
        boolean unconfirmed) {

    public Threshold {
        Objects.requireNonNull(value, "value");
    }
}
