package org.tezuo.core.i18n;

import java.util.Arrays;
import java.util.Locale;

/**
 * Base of every exception whose message a user reads. It carries a key into the message catalogue and the
 * arguments (the offending value, its location, the limit), so the text is rendered in the user's locale
 * only where it is shown.
 */
public class LocalizedException extends RuntimeException {

    private static final String CORE_BUNDLE = "org.tezuo.core.messages";

    private final String bundle;
    private final String messageKey;
    private final Object[] arguments;

    /** Creates an exception whose message comes from the core catalogue. */
    public LocalizedException(String messageKey, Object... arguments) {
        this(new MessageBundle(CORE_BUNDLE), messageKey, arguments);
    }

    /** Creates an exception whose message comes from a feature's own catalogue, such as a module's bundle. */
    protected LocalizedException(MessageBundle bundle, String messageKey, Object... arguments) {
        super(UserMessages.render(bundle.baseName(), Locale.ENGLISH, messageKey, arguments));
        this.bundle = bundle.baseName();
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** Renders the message in {@code locale}. */
    public String message(Locale locale) {
        return UserMessages.render(bundle, locale, messageKey, arguments);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + messageKey + " " + Arrays.toString(arguments) + "]";
    }
}
