package org.tezuo.app.permit.presence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The counts that remain of a permit's presence data after the retention job deleted its position fixes. */
public record PresenceSummary(long permitId, int people, int fixes, int fixesOutside, int alerts,
        @Nullable Instant firstFixAt, @Nullable Instant lastFixAt, Instant purgedAt) {
}
