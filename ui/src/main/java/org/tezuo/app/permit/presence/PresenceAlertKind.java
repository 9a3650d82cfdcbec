package org.tezuo.app.permit.presence;

import java.util.Locale;

/** The reason a presence alert was raised. */
public enum PresenceAlertKind {
    /** A person's newest fix has been outside the zone for longer than the ruleset allows. */
    OUTSIDE_ZONE,
    /** A person did not send a position for a snapshot request in time. */
    MISSED_SNAPSHOT,
    /** The guardian's fix is outside the zone while work is in progress. */
    GUARDIAN_LEFT,
    /** The guardian checked out while work is in progress. */
    GUARDIAN_CHECKED_OUT;

    public String text(Locale locale) {
        return PresenceText.render(locale, "presence.alert.kind." + name());
    }
}
