package org.tezuo.app.permit.presence;

import java.util.Locale;
import org.tezuo.app.permit.site.SiteText;
import org.tezuo.core.i18n.LocalizedException;

/**
 * A check-in or snapshot that was rejected because of its input, such as an invalid position; nothing is saved.
 * Arguments that are {@link SiteText}s, such as site states, are rendered in the reader's locale.
 */
public class PresenceException extends LocalizedException {

    PresenceException(String messageKey, Object... arguments) {
        super(PresenceText.BUNDLE, messageKey, arguments);
    }

    @Override
    public String message(Locale locale) {
        Object[] arguments = arguments();
        for (int index = 0; index < arguments.length; index++) {
            if (arguments[index] instanceof SiteText text) {
                arguments[index] = text.text(locale);
            }
        }
        return PresenceText.render(locale, messageKey(), arguments);
    }
}
