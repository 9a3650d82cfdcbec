package org.tezuo.form.definition;

import java.util.List;
import java.util.Locale;
import org.tezuo.core.i18n.UserMessages;

/**
 * One reason a form document cannot be used, beyond what the meta-schema checks.
 *
 * @param messageKey key in {@code org/tezuo/form/definition/messages.properties}
 * @param arguments the offending names and paths, in message order
 */
public record FormDefinitionProblem(String messageKey, List<String> arguments) {

    static final String BUNDLE = "org.tezuo.form.definition.messages";

    public FormDefinitionProblem {
        arguments = List.copyOf(arguments);
    }

    static FormDefinitionProblem of(String messageKey, String... arguments) {
        return new FormDefinitionProblem(messageKey, List.of(arguments));
    }

    /** Renders the problem in {@code locale}. */
    public String message(Locale locale) {
        return UserMessages.render(BUNDLE, locale, messageKey, arguments.toArray());
    }
}
