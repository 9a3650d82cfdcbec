package org.tezuo.core.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The message catalogue for everything users read: {@code org/tezuo/core/messages*.properties}, Simplified
 * Chinese first and English second. Other modules add their own bundles through {@link #render(String, Locale,
 * String, Object...)}.
 */
public final class UserMessages {

    /** Locale used when a request carries none. */
    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private static final String CORE_BUNDLE = "org.tezuo.core.messages";

    private UserMessages() {
    }

    /** Renders {@code key} from the core catalogue. */
    public static String render(Locale locale, String key, Object... arguments) {
        return render(CORE_BUNDLE, locale, key, arguments);
    }

    /**
     * Renders {@code key} from {@code bundle} in {@code locale}; a missing key renders as the key itself with its
     * arguments, so a gap in a translation never hides the offending value.
     */
    public static String render(String bundle, Locale locale, String key, Object... arguments) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(bundle, normalise(locale)).getString(key);
        } catch (MissingResourceException e) {
            return key + " " + java.util.Arrays.toString(arguments);
        }
        return new MessageFormat(pattern, locale).format(arguments);
    }

    private static Locale normalise(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
