package org.tezuo.app.permit.site;

import java.util.Locale;
import org.tezuo.core.i18n.LocalizedException;

/**
 * A site step that was not taken because its input is missing or wrong; nothing is saved. Arguments that are
 * {@link SiteText}s, such as states and step names, are rendered in the reader's locale.
 */
public class SiteActionException extends LocalizedException {

    public SiteActionException(String messageKey, Object... arguments) {
        super(SiteText.BUNDLE, messageKey, arguments);
    }

    @Override
    public String message(Locale locale) {
        return SiteText.render(locale, messageKey(), arguments());
    }
}
