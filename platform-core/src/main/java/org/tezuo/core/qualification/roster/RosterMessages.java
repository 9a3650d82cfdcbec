package org.tezuo.core.qualification.roster;

import java.util.Locale;
import org.tezuo.core.i18n.UserMessages;

/** The roster import's message catalogue: {@code org/tezuo/core/qualification/roster/messages*.properties}. */
final class RosterMessages {

    static final String BUNDLE = "org.tezuo.core.qualification.roster.messages";

    private RosterMessages() {
    }

    static String render(Locale locale, String key, Object... arguments) {
        return UserMessages.render(BUNDLE, locale, key, arguments);
    }
}
