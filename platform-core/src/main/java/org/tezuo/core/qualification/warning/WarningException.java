package org.tezuo.core.qualification.warning;

import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.MessageBundle;
import org.tezuo.core.i18n.UserMessages;

/** A warning-related error users read, rendered from this package's message bundle. */
public class WarningException extends LocalizedException {

    static final String BUNDLE = "org.tezuo.core.qualification.warning.messages";

    public WarningException(String messageKey, Object... arguments) {
        super(new MessageBundle(BUNDLE), messageKey, arguments);
    }

    /** Renders a message of this package's bundle in the default (Chinese) locale, for text stored in rows. */
    static String stored(String key, Object... arguments) {
        return UserMessages.render(BUNDLE, UserMessages.DEFAULT_LOCALE, key, arguments);
    }
}
