package org.tezuo.app.ui.i18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.qualification.DatePrecision;

/**
 * Formats of dates and times on pages. Both languages use ISO-style digits, so a date reads the same in
 * Chinese and English; instants are shown in the tenant's zone.
 */
public final class DisplayFormats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private DisplayFormats() {
    }

    /** Formats an instant as {@code 2026-03-05 14:30} in {@code zone}; null renders as an empty string. */
    public static String dateTime(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    /** Formats a date as {@code 2026-03-05}, or {@code 2026-03} when only the month is known. */
    public static String date(@Nullable LocalDate date, @Nullable DatePrecision precision) {
        if (date == null) {
            return "";
        }
        return precision == DatePrecision.MONTH ? MONTH.format(date) : date.toString();
    }
}
