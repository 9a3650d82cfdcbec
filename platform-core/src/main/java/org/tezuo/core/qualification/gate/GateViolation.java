package org.tezuo.core.qualification.gate;

import java.util.Locale;
import org.tezuo.core.i18n.UserMessages;

/** One reason the gate refuses a person, rendered in the reader's locale. */
public record GateViolation(String subjectName, String messageKey, Object[] arguments) {

    static final String BUNDLE = "org.tezuo.core.qualification.gate.messages";

    public String message(Locale locale) {
        return UserMessages.render(BUNDLE, locale, messageKey, arguments);
    }
}
