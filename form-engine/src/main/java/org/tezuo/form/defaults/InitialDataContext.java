package org.tezuo.form.defaults;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Request values that a new record's initial data may use.
 *
 * @param currentUser user name of the person creating the record, for fields marked {@code x-default: currentUser}
 * @param zone the tenant's zone, for fields marked {@code x-default: now} or {@code today}
 */
public record InitialDataContext(String currentUser, ZoneId zone) {

    public InitialDataContext {
        Objects.requireNonNull(currentUser, "currentUser");
        Objects.requireNonNull(zone, "zone");
    }
}
