package org.tezuo.form.validation;

import java.util.Locale;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.UserMessages;

/**
 * Thrown when a form rule cannot be compiled or evaluated. This is a fault of the form document, not of the data,
 * so it is raised instead of being shown as a field error.
 */
public final class FormRuleException extends LocalizedException {

    private final String formReference;
    private final String ruleId;

    FormRuleException(String formReference, String ruleId, RuntimeException cause) {
        super("form.rule.failed", formReference, ruleId, cause.getMessage());
        initCause(cause);
        this.formReference = formReference;
        this.ruleId = ruleId;
    }

    public String formReference() {
        return formReference;
    }

    public String ruleId() {
        return ruleId;
    }

    /** Renders the message in {@code locale}, with the reason in that locale when the cause carries one. */
    @Override
    public String message(Locale locale) {
        String reason = getCause() instanceof LocalizedException localized
                ? localized.message(locale)
                : String.valueOf(getCause().getMessage());
        return UserMessages.render(FormErrorMessages.BUNDLE, locale, messageKey(), formReference, ruleId, reason);
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
