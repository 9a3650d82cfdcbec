package org.tezuo.workflow.migration;

import java.util.List;
import java.util.Locale;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.workflow.WorkflowException;

/** One reason an instance cannot move to the target version, as a message key of the workflow bundle. */
public record MigrationProblem(String messageKey, List<Object> arguments) {

    public MigrationProblem {
        arguments = List.copyOf(arguments);
    }

    static MigrationProblem of(String messageKey, Object... arguments) {
        return new MigrationProblem(messageKey, List.of(arguments));
    }

    /** Renders the problem in {@code locale}. */
    public String message(Locale locale) {
        return UserMessages.render(WorkflowException.BUNDLE, locale, messageKey, arguments.toArray());
    }
}
