package org.tezuo.app.permit.site;

import org.jspecify.annotations.Nullable;
import org.tezuo.app.security.Role;

/**
 * The site steps a permit type needs, read from its ruleset.
 *
 * @param gasTestRequired whether the ruleset evaluates gas readings, so work starts only after a passed gas test
 * @param shiftCheckRole the role whose check before the start is a required step (threshold
 *     {@code siteShiftCheckRole}), or null when the type has none
 * @param shiftCheckSource the clause of that threshold, empty without one
 * @param fireWatchSource the clause of threshold {@code siteFireWatchRequired} when closing needs the fire watch's
 *     confirmation, or null
 */
public record SiteProfile(boolean gasTestRequired, @Nullable Role shiftCheckRole, String shiftCheckSource,
        @Nullable String fireWatchSource) {

    public boolean fireWatchRequired() {
        return fireWatchSource != null;
    }
}
