package org.tezuo.core.environment;

import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.MessageBundle;

/** Thrown when gas-reading JSON has a missing or invalid field; the message names the field and the value. */
public final class GasReadingException extends LocalizedException {

    static final String BUNDLE = "org.tezuo.core.environment.messages";

    public GasReadingException(String messageKey, Object... arguments) {
        super(new MessageBundle(BUNDLE), messageKey, arguments);
    }
}
