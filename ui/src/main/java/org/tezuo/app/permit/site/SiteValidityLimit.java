package org.tezuo.app.permit.site;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.risk.RiskItem;
import org.tezuo.core.rules.Threshold;
import org.tezuo.core.rules.ThresholdDirection;

/**
 * Finds the latest end of validity that the validity limit of a permit type accepts. The validity rules of the
 * GB 30871-2022 pack compare the window from the approved start (form role {@code workStart}) with a maximum in
 * hours or days: {@code validityHoursSpecialAndFirstGrade} (8 h) and {@code validityHoursSecondGrade} (72 h) for
 * hot work (chapter 5, clause not yet confirmed in the pack), {@code validityHours} (24 h, 6.10) for confined
 * spaces, {@code validityDays} (7 d, 8.2.11) for work at height and {@code maxValidityDays} (30 d, 10.8) for
 * temporary power. The latest end is the start plus that maximum, with the value in force, so an enterprise
 * override counts.
 */
final class SiteValidityLimit {

    private static final Map<String, Duration> UNITS = Map.of("min", Duration.ofMinutes(1), "h", Duration.ofHours(1),
            "d", Duration.ofDays(1));

    private SiteValidityLimit() {
    }

    /**
     * Returns the latest end that the blocking items of an extension leave, or empty when none of them is a maximum
     * duration that ends before {@code requestedEnd}.
     *
     * @param items the blocking items the extension causes
     * @param start the approved start of the work, or null when the form has none
     */
    static Optional<Instant> latestEnd(List<RiskItem> items, @Nullable Instant start, Instant requestedEnd) {
        if (start == null) {
            return Optional.empty();
        }
        return items.stream()
                .flatMap(item -> item.limits().stream())
                .map(SiteValidityLimit::maximumDuration)
                .filter(Objects::nonNull)
                .map(start::plus)
                .filter(end -> end.isBefore(requestedEnd))
                .min(Instant::compareTo);
    }

    /** Returns an upper-limit threshold in minutes, hours or days as a duration, or null for any other threshold. */
    private static @Nullable Duration maximumDuration(Threshold threshold) {
        Duration unit = UNITS.get(threshold.unit());
        if (unit == null || threshold.direction() != ThresholdDirection.MAX
                || !(threshold.value() instanceof Number number)) {
            return null;
        }
        BigDecimal seconds = new BigDecimal(number.toString()).multiply(BigDecimal.valueOf(unit.toSeconds()));
        return seconds.signum() > 0 ? Duration.ofSeconds(seconds.longValue()) : null;
    }
}
