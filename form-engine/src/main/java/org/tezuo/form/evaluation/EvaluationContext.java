package org.tezuo.form.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The user, org unit, time, zone and locale of one form evaluation. Expressions read these values as {@code currentUser},
 * {@code currentOrgUnit}, {@code now} and {@code today}.
 *
 * @param currentUser user name of the person filling in or submitting the form, or null when unknown
 * @param currentOrgUnit code of that person's org unit, or null when unknown
 * @param now the instant of the evaluation
 * @param zone the tenant's zone, which fixes the offset of {@code now} and the date {@code today}
 * @param locale language of messages (Simplified Chinese or English)
 */
public record EvaluationContext(@Nullable String currentUser, @Nullable String currentOrgUnit, Instant now,
        ZoneId zone, Locale locale) {

    public EvaluationContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(locale, "locale");
    }

    /** Creates a context whose {@code now} is the current instant of {@code clock}. */
    public static EvaluationContext of(@Nullable String currentUser, @Nullable String currentOrgUnit, ZoneId zone,
            Locale locale, Clock clock) {
        return new EvaluationContext(currentUser, currentOrgUnit, clock.instant(), zone, locale);
    }

    /** Returns {@code now} in the tenant's zone, truncated to whole seconds. */
    public OffsetDateTime nowInZone() {
        return OffsetDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Returns the tenant's date at {@code now}. */
    public LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }
}
