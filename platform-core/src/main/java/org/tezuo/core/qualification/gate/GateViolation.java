package org.tezuo.core.qualification.gate;

import java.util.Arrays;
import java.util.Locale;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.i18n.UserMessages;

/** One reason the gate refuses a person, rendered in the reader's locale. */
public record GateViolation(String subjectName, String messageKey, Object[] arguments) {

    static final String BUNDLE = "org.tezuo.core.qualification.gate.messages";

    public String message(Locale locale) {
        Object[] localized = Arrays.stream(arguments)
                .map(argument -> argument instanceof CertificateState state ? state.label(locale)
                        : argument)
                .toArray();
        return UserMessages.render(BUNDLE, locale, messageKey, localized);
    }
}
