package org.tezuo.app.permit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tezuo.form.definition.FormDefinition;
import tools.jackson.databind.JsonNode;

/**
 * The time an operation runs in: a permit's approved work start and end, or a release of the site activity register.
 * A missing end reaches to the end of time and a missing start to its beginning, so an operation whose window is not
 * known is taken to overlap every other one.
 */
public record WorkWindow(@Nullable Instant start, @Nullable Instant end) {

    private static final Logger log = LoggerFactory.getLogger(WorkWindow.class);

    /** A window open at both ends. */
    public static final WorkWindow UNKNOWN = new WorkWindow(null, null);

    /** Returns the window bound to the form's {@code workStart} and {@code workEnd} roles in {@code data}. */
    public static WorkWindow of(FormDefinition form, JsonNode data) {
        return new WorkWindow(instant(form.boundValue("workStart", data)), instant(form.boundValue("workEnd", data)));
    }

    /** Returns this window with another end, such as the end of validity accepted on site, when it is given. */
    public WorkWindow endingAt(@Nullable Instant otherEnd) {
        return otherEnd == null ? this : new WorkWindow(start, otherEnd);
    }

    /** Returns this window without the time before {@code instant}, when it is given and later than the start. */
    public WorkWindow startingNoEarlierThan(@Nullable Instant instant) {
        return instant == null || (start != null && !start.isBefore(instant)) ? this : new WorkWindow(instant, end);
    }

    public boolean overlaps(WorkWindow other) {
        return (start == null || other.end == null || start.isBefore(other.end))
                && (other.start == null || end == null || other.start.isBefore(end));
    }

    /** Reads an ISO offset date-time such as {@code 2026-12-05T08:00:00+08:00}; anything else leaves the end open. */
    public static @Nullable Instant instant(JsonNode value) {
        if (!value.isString() || value.asString().isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asString()).toInstant();
        } catch (DateTimeParseException e) {
            log.debug("Time {} is not an ISO offset date-time; the window stays open", value.asString());
            return null;
        }
    }
}
