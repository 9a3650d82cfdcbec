package org.tezuo.core.rules;

import org.tezuo.core.i18n.LocalizedException;

/** Thrown when a rule-language expression is rejected by the allow-list, fails to compile or to evaluate. */
public final class InvalidExpressionException extends LocalizedException {

    public InvalidExpressionException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
