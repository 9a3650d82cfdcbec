package org.tezuo.core.qualification.verification;

import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.MessageBundle;
import org.tezuo.core.i18n.UserMessages;

/** Base of the verification exceptions users read, rendered from this package's message bundle. */
public class VerificationException extends LocalizedException {

    static final String BUNDLE = "org.tezuo.core.qualification.verification.messages";

    public VerificationException(String messageKey, Object... arguments) {
        super(new MessageBundle(BUNDLE), messageKey, arguments);
    }

    /** Renders a message of this package's bundle in the default (Chinese) locale, for text stored in rows. */
    static String stored(String key, Object... arguments) {
        return UserMessages.render(BUNDLE, UserMessages.DEFAULT_LOCALE, key, arguments);
    }
}
