package org.tezuo.core.qualification.roster;

import java.util.Locale;
import org.tezuo.core.i18n.LocalizedException;

/** Base of the roster import's exceptions: renders its key from the roster message catalogue. */
public abstract class RosterLocalizedException extends LocalizedException {

    protected RosterLocalizedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    @Override
    public String message(Locale locale) {
        return RosterMessages.render(locale, messageKey(), arguments());
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
