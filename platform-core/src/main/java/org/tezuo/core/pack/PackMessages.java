package org.tezuo.core.pack;

import java.util.Locale;
import org.tezuo.core.i18n.MessageBundle;
import org.tezuo.core.i18n.UserMessages;

/** The message catalogue of policy packs. */
final class PackMessages {

    static final String BUNDLE = "org.tezuo.core.pack.messages";
    static final MessageBundle CATALOGUE = new MessageBundle(BUNDLE);

    private PackMessages() {
    }

    static PackProblem problem(Locale locale, String where, String key, Object... arguments) {
        return new PackProblem(where, UserMessages.render(BUNDLE, locale, key, arguments));
    }
}
