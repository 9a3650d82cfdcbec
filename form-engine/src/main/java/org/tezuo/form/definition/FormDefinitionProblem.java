package org.tezuo.form.definition;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.tezuo.core.i18n.UserMessages;

/**
 * One reason a form document cannot be used, beyond what the meta-schema checks.
 *
 * @param pointer JSON pointer of the offending value in the form document, for example
 *     {@code /schema/properties/gasTest/x-visibleWhen}; empty for the whole document
 * @param messageKey key in {@code org/tezuo/form/definition/messages.properties}
 * @param arguments the offending names, paths and reasons, in message order
 */
public record FormDefinitionProblem(String pointer, String messageKey, List<Object> arguments) {

    static final String BUNDLE = "org.tezuo.form.definition.messages";

    public FormDefinitionProblem {
        Objects.requireNonNull(pointer, "pointer");
        arguments = List.copyOf(arguments);
    }

    /** Creates a problem at {@code pointer}; an argument may be a {@link LocalizedReason} rendered in the same locale. */
    public static FormDefinitionProblem at(String pointer, String messageKey, Object... arguments) {
        return new FormDefinitionProblem(pointer, messageKey, List.of(arguments));
    }

    /** Renders the problem (what is wrong and how to fix it) in {@code locale}. */
    public String message(Locale locale) {
        Object[] rendered = arguments.stream()
                .map(argument -> argument instanceof LocalizedReason reason ? reason.message(locale) : argument)
                .toArray();
        return UserMessages.render(BUNDLE, locale, messageKey, rendered);
    }

    /** A message argument that is itself localized, for example the rule-language compiler's reason. */
    @FunctionalInterface
    public interface LocalizedReason {

        String message(Locale locale);
    }
}
