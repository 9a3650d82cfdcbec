package org.tezuo.core.environment;

import java.util.Locale;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.UserMessages;

/** Thrown when gas-reading JSON has a missing or invalid field; the message names the field and the value. */
public final class GasReadingException extends LocalizedException {

    static final String BUNDLE = "org.tezuo.core.environment.messages";

    public GasReadingException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    @Override
    public String message(Locale locale) {
        return UserMessages.render(BUNDLE, locale, messageKey(), arguments());
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
