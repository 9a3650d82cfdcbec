package org.tezuo.app.permit.presence;

import java.util.Locale;

/** What a permit names a person as, for presence checks; a person named twice takes the first that applies. */
public enum PresenceRole {
    GUARDIAN, WORK_LEADER, WORKER;

    public String text(Locale locale) {
        return PresenceText.render(locale, "presence.role." + name());
    }
}
