package org.tezuo.app.permit.presence;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The presence state of one person on one permit. It contains the newest placement but no coordinates, so it
 * outlives the retention of the position fixes.
 *
 * @param lastInside whether the newest fix is inside the zone; null when the zone has no coordinates
 * @param lastDistanceMetres distance outside the zone edge of the newest fix, 0 inside, null without a zone
 * @param outsideSince server time of the first fix of the current stretch outside the zone
 * @param outsideAlertedAt when the current stretch outside raised its alert
 * @param snapshotRequestedAt the open snapshot request, cleared by the next fix
 * @param missedAlertedAt when the open snapshot request raised its missed-snapshot alert
 */
public record PresencePerson(long id, long permitId, String username, PresenceRole role, Instant checkedInAt,
        @Nullable Instant checkedOutAt, Instant lastFixAt, @Nullable Boolean lastInside,
        @Nullable BigDecimal lastDistanceMetres, @Nullable Instant outsideSince, @Nullable Instant outsideAlertedAt,
        @Nullable Instant snapshotRequestedAt, @Nullable Instant missedAlertedAt) {

    public boolean checkedIn() {
        return checkedOutAt == null;
    }

    /** Returns how long the person has been outside at {@code now}, or zero while inside or unknown. */
    public Duration outsideFor(Instant now) {
        return outsideSince == null ? Duration.ZERO : Duration.between(outsideSince, now);
    }

    PresencePerson withSnapshotRequested(Instant at) {
        return new PresencePerson(id, permitId, username, role, checkedInAt, checkedOutAt, lastFixAt, lastInside,
                lastDistanceMetres, outsideSince, outsideAlertedAt, at, null);
    }

    PresencePerson withOutsideAlerted(Instant at) {
        return new PresencePerson(id, permitId, username, role, checkedInAt, checkedOutAt, lastFixAt, lastInside,
                lastDistanceMetres, outsideSince, at, snapshotRequestedAt, missedAlertedAt);
    }

    PresencePerson withMissedAlerted(Instant at) {
        return new PresencePerson(id, permitId, username, role, checkedInAt, checkedOutAt, lastFixAt, lastInside,
                lastDistanceMetres, outsideSince, outsideAlertedAt, snapshotRequestedAt, at);
    }
}
