package org.tezuo.core.rules;

import java.util.Arrays;
import java.util.Locale;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.UserMessages;

/**
 * Thrown when a ruleset document breaks its meta-schema, repeats a rule id or contains an expression the rule
 * language rejects. An argument that is itself a {@link LocalizedException} is rendered in the same locale.
 */
public final class InvalidRulesetException extends LocalizedException {

    public InvalidRulesetException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    @Override
    public String message(Locale locale) {
        Object[] localized = Arrays.stream(arguments())
                .map(argument -> argument instanceof LocalizedException nested ? nested.message(locale) : argument)
                .toArray();
        return UserMessages.render(InvalidExpressionException.BUNDLE, locale, messageKey(), localized);
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
