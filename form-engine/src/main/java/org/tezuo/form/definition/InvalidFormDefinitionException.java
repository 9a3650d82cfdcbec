package org.tezuo.form.definition;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.UserMessages;

/** Thrown when a form document passes its meta-schema but its parts do not fit together; carries every problem. */
public final class InvalidFormDefinitionException extends LocalizedException {

    private final String reference;
    private final List<FormDefinitionProblem> problems;

    public InvalidFormDefinitionException(String reference, List<FormDefinitionProblem> problems) {
        super("form.definition.invalid", reference, problems.size());
        this.reference = reference;
        this.problems = List.copyOf(problems);
    }

    /** Returns the document reference, for example {@code form:hot-work-permit@2}. */
    public String reference() {
        return reference;
    }

    public List<FormDefinitionProblem> problems() {
        return problems;
    }

    /** Renders the summary followed by one line per problem. */
    @Override
    public String message(Locale locale) {
        String summary = UserMessages.render(FormDefinitionProblem.BUNDLE, locale, messageKey(), reference,
                problems.size());
        return problems.stream()
                .map(problem -> problem.message(locale))
                .collect(Collectors.joining("\n", summary + "\n", ""));
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
