package org.tezuo.form.defaults;

import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Request values that a new record's initial data may use.
 *
 * @param currentUser user name of the person creating the record, for fields marked {@code x-default: currentUser}
 * @param zone the tenant's zone, for fields marked {@code x-default: now} or {@code today}
 * @param currentOrgUnit code of that person's org unit, for {@code x-default: currentOrgUnit}, or null when the
 *     person belongs to none
 */
public record InitialDataContext(String currentUser, ZoneId zone, @Nullable String currentOrgUnit) {

    public InitialDataContext {
        Objects.requireNonNull(currentUser, "currentUser");
        Objects.requireNonNull(zone, "zone");
    }

    /** Creates a context without an org unit. */
    public InitialDataContext(String currentUser, ZoneId zone) {
        this(currentUser, zone, null);
    }
}
