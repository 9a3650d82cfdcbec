package org.tezuo.form.evaluation;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.UserMessages;

/**
 * Thrown when an expression of a form document does not compile or computed fields read each other in a cycle.
 * The document check rejects such documents before they are stored, so this means a document that bypassed it.
 */
public final class InvalidFormExpressionException extends LocalizedException {

    static final String BUNDLE = "org.tezuo.form.evaluation.messages";

    private final String formReference;
    private final String owner;

    InvalidFormExpressionException(String formReference, String owner, String expression,
            @Nullable RuntimeException cause) {
        super(cause == null ? "form.expression.cycle" : "form.expression.failed", formReference, owner, expression);
        if (cause != null) {
            initCause(cause);
        }
        this.formReference = formReference;
        this.owner = owner;
    }

    /** Returns the form reference, for example {@code form:hot-work-permit@2}. */
    public String formReference() {
        return formReference;
    }

    /** Returns the field path or {@code section:<id>} whose expression failed. */
    public String owner() {
        return owner;
    }

    /** Renders the message in {@code locale}, with the compiler's reason in that locale when there is one. */
    @Override
    public String message(Locale locale) {
        String reason = getCause() instanceof LocalizedException localized ? localized.message(locale)
                : getCause() == null ? "" : String.valueOf(getCause().getMessage());
        Object[] arguments = arguments();
        return UserMessages.render(BUNDLE, locale, messageKey(), arguments[0], arguments[1], arguments[2], reason);
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
