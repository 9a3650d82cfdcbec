package org.tezuo.core.rules;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The values a ruleset allows for one threshold, as written in its {@code range}; either end may be open.
 *
 * @param min the smallest allowed value, or null when only the unit's physical range applies
 * @param max the largest allowed value, or null when only the unit's physical range applies
 */
public record ThresholdRange(@Nullable BigDecimal min, @Nullable BigDecimal max) {

    /** Returns true when {@code value} lies within both ends. */
    public boolean contains(BigDecimal value) {
        return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
    }
}
