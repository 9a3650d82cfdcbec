package org.tezuo.app.permit.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The approved work window that start and resume check. Work runs only within the permit's validity: from the
 * approved start (form role {@code workStart}) until the end of validity on site, which extensions move. GB
 * 30871-2022 4.16 requires a new permit once the validity is exceeded. The standard gives no clause for work before
 * the approved start, so that refusal cites enterprise practice: the validity begins at the approved start.
 */
final class SiteWorkWindow {

    /** Code of the refusal before the approved start. */
    static final String BEFORE_START = "site.window.before-start";
    /** Code of the refusal at or after the end of validity. */
    static final String AFTER_END = "site.window.after-end";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME_WITH_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SiteWorkWindow() {
    }

    /**
     * Returns why work may not run at {@code now}, or nothing inside the window. Times in the messages are shown in
     * the tenant's zone.
     *
     * @param start the approved start, or null when the form has none
     * @param end the end of validity on site, or null when the permit type has no end
     */
    static List<SiteReason> outside(Instant now, @Nullable Instant start, @Nullable Instant end, ZoneId zone) {
        if (start != null && now.isBefore(start)) {
            return List.of(reason(BEFORE_START, "site.window.beforeStart", start, now, zone));
        }
        if (end != null && !now.isBefore(end)) {
            return List.of(reason(AFTER_END, "site.window.afterEnd", end, now, zone));
        }
        return List.of();
    }

    /** Builds the reason with the limit and the current time, to the second when both fall in the same minute. */
    private static SiteReason reason(String code, String key, Instant limitTime, Instant now, ZoneId zone) {
        DateTimeFormatter format = sameMinute(now, limitTime, zone) ? TIME_WITH_SECONDS : TIME;
        String limit = format.format(limitTime.atZone(zone));
        String value = format.format(now.atZone(zone));
        String source = SiteText.render(Locale.SIMPLIFIED_CHINESE, key + ".source");
        return new SiteReason(code, SiteText.render(Locale.SIMPLIFIED_CHINESE, key, limit, value, source),
                SiteText.render(Locale.ENGLISH, key, limit, value, SiteText.render(Locale.ENGLISH, key + ".source")),
                value, limit, null, source);
    }

    /** Tells whether two times read the same to the minute, so that a message must show seconds to differ. */
    private static boolean sameMinute(Instant first, Instant second, ZoneId zone) {
        return TIME.format(first.atZone(zone)).equals(TIME.format(second.atZone(zone)));
    }

    /** Formats a time of a site message in the tenant's zone, such as {@code 2026-12-04 20:00}. */
    static String format(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }
}
