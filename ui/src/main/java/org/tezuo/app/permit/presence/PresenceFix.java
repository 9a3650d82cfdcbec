package org.tezuo.app.permit.presence;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One position a phone sent.
 *
 * @param accuracyMetres the radius of the phone's 68 % confidence circle, as the Geolocation API reports it
 * @param deviceTime the phone's own time of the fix, kept for reference; {@code recordedAt} is the time of record
 * @param inside null when the permit's zone has no coordinates
 * @param distanceMetres distance outside the zone edge, 0 inside, null without a zone
 */
public record PresenceFix(long permitId, String username, Kind kind, GeoPosition position, BigDecimal accuracyMetres,
        @Nullable Instant deviceTime, Instant recordedAt, @Nullable Boolean inside,
        @Nullable BigDecimal distanceMetres) {

    /** The reason the fix was sent. */
    public enum Kind {
        CHECK_IN, SNAPSHOT, CHECK_OUT
    }
}
