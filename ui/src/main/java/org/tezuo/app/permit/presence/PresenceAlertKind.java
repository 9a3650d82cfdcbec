package org.tezuo.app.permit.presence;

import java.util.Locale;

/**
 * The reason a presence alert was raised. The two guardian kinds also stop the work ({@link #stopsWork()}), because
 * GB 30871-2022 4.10 stops the work when the guardian leaves. A worker or work leader outside the zone and a missed
 * snapshot stay alerts: the standard ties no stop to them, and the work leader decides.
 */
public enum PresenceAlertKind {
    /** A person's newest fix has been outside the zone for longer than the ruleset allows; an alert only. */
    OUTSIDE_ZONE,
    /** A person did not send a position for a snapshot request in time; an alert only. */
    MISSED_SNAPSHOT,
    /** The guardian's fix is outside the zone while work is in progress. */
    GUARDIAN_LEFT,
    /** The guardian checked out while work is in progress. */
    GUARDIAN_CHECKED_OUT;

    /** Returns whether the alert suspends work in progress as well. */
    public boolean stopsWork() {
        return this == GUARDIAN_LEFT || this == GUARDIAN_CHECKED_OUT;
    }

    public String text(Locale locale) {
        return PresenceText.render(locale, "presence.alert.kind." + name());
    }
}
