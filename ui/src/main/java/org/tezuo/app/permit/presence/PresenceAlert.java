package org.tezuo.app.permit.presence;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored presence alert.
 *
 * @param since start of the stretch outside, or the time of the missed snapshot request
 * @param minutes minutes outside, or minutes since the missed request, at {@code raisedAt}
 * @param distanceMetres distance outside the zone edge at the newest fix, or null when unknown
 * @param thresholdSource where the threshold that raised the alert comes from
 */
public record PresenceAlert(long id, long permitId, String username, PresenceRole role, PresenceAlertKind kind,
        Instant raisedAt, @Nullable Instant since, @Nullable Integer minutes, @Nullable BigDecimal distanceMetres,
        String thresholdSource) {
}
