package org.tezuo.core.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.UserMessages;

/**
 * Thrown when a rule-language expression is rejected by the allow-list, fails to compile or to evaluate. Its
 * messages come from the {@code org.tezuo.core.rules.messages} bundle, or from the core bundle for keys defined
 * there.
 */
public final class InvalidExpressionException extends LocalizedException {

    static final String BUNDLE = "org.tezuo.core.rules.messages";

    public InvalidExpressionException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    @Override
    public String message(Locale locale) {
        Object[] localized = Arrays.stream(arguments())
                .map(argument -> argument instanceof Expectation expectation ? expectation.render(locale) : argument)
                .toArray();
        return hasKey(messageKey())
                ? UserMessages.render(BUNDLE, locale, messageKey(), localized)
                : UserMessages.render(locale, messageKey(), localized);
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }

    private static boolean hasKey(String key) {
        try {
            return ResourceBundle.getBundle(BUNDLE, Locale.ROOT).containsKey(key);
        } catch (MissingResourceException e) {
            return false;
        }
    }

    /**
     * A message argument that is itself a phrase from the bundle (what was expected instead of the offending
     * token), rendered in the same locale as the message.
     */
    public record Expectation(String messageKey) {

        String render(Locale locale) {
            return UserMessages.render(BUNDLE, locale, messageKey);
        }

        @Override
        public String toString() {
            return render(Locale.ENGLISH);
        }
    }
}
