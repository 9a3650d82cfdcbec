package org.tezuo.core.qualification.health;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One line of the report: an org unit with its measures this month and last month.
 *
 * @param level {@code enterprise} for the whole tenant, otherwise the org unit kind ({@code company},
 *     {@code plant} or {@code workshop})
 * @param depth nesting depth for indentation, 0 for the whole tenant
 */
public record HealthRow(@Nullable Long orgUnitId, String level, String name, int depth, HealthMeasures current,
        HealthMeasures previous) {

    /** Returns this month's value minus last month's, or null when either is missing. */
    public static @Nullable BigDecimal change(@Nullable BigDecimal current, @Nullable BigDecimal previous) {
        return current == null || previous == null ? null : current.subtract(previous);
    }
}
