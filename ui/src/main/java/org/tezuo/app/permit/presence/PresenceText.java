package org.tezuo.app.permit.presence;

import java.util.Locale;
import org.tezuo.core.i18n.MessageBundle;
import org.tezuo.core.i18n.UserMessages;

/** Renders the presence bundle, {@code org/tezuo/app/permit/presence/messages*.properties}. */
final class PresenceText {

    static final MessageBundle BUNDLE = new MessageBundle("org.tezuo.app.permit.presence.messages");

    private PresenceText() {
    }

    static String render(Locale locale, String key, Object... arguments) {
        return UserMessages.render(BUNDLE.baseName(), locale, key, arguments);
    }
}
