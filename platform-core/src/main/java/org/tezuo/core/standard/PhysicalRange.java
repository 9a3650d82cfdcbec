package org.tezuo.core.standard;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The values a quantity in one unit can physically take, which every enterprise override must respect whatever the
 * ruleset allows.
 *
 * @param unit the unit as rulesets write it, for example {@code %LEL}
 * @param min the smallest possible value, or null when unbounded below
 * @param max the largest possible value, or null when unbounded above
 * @param wholeNumbers true when only whole numbers make sense, for example a Beaufort level
 */
public record PhysicalRange(String unit, @Nullable BigDecimal min, @Nullable BigDecimal max, boolean wholeNumbers) {

    private static final BigDecimal ZERO = BigDecimal.ZERO;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Ranges by unit. Shares of a whole (%LEL, %vol, %) lie in 0–100; the Beaufort scale with its extension of
     * GB/T 28591-2012 runs 0–17; 60 m/s lies above level 17; gauge pressure cannot fall below full vacuum
     * (−0.1 MPa); temperature cannot fall below absolute zero; durations, lengths, masses and counts are not negative.
     */
    private static final Map<String, PhysicalRange> BY_UNIT = Map.ofEntries(
            range("%LEL", ZERO, HUNDRED, false),
            range("%vol", ZERO, HUNDRED, false),
            range("%", ZERO, HUNDRED, false),
            range("ppm", ZERO, BigDecimal.valueOf(1_000_000), false),
            range("级", ZERO, BigDecimal.valueOf(17), true),
            range("m/s", ZERO, BigDecimal.valueOf(60), false),
            range("min", ZERO, null, false),
            range("h", ZERO, null, false),
            range("d", ZERO, null, false),
            range("m", ZERO, null, false),
            range("t", ZERO, null, false),
            range("块", ZERO, null, true),
            range("MPa", new BigDecimal("-0.1"), null, false),
            range("°C", new BigDecimal("-273.15"), null, false));

    /** Returns the range of {@code unit}, or empty for a unit without one (plain numbers, texts, flags). */
    public static Optional<PhysicalRange> of(String unit) {
        return Optional.ofNullable(BY_UNIT.get(unit));
    }

    /** Returns true when {@code value} lies within the range and, for whole-number units, has no fraction. */
    public boolean contains(BigDecimal value) {
        if (wholeNumbers && value.stripTrailingZeros().scale() > 0) {
            return false;
        }
        return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
    }

    private static Map.Entry<String, PhysicalRange> range(String unit, @Nullable BigDecimal min,
            @Nullable BigDecimal max, boolean wholeNumbers) {
        return Map.entry(unit, new PhysicalRange(unit, min, max, wholeNumbers));
    }
}
