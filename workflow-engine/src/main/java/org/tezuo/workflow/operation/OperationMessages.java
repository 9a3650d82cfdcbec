package org.tezuo.workflow.operation;

import java.util.Locale;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.workflow.WorkflowException;
import org.tezuo.workflow.definition.Label;

/** Renders the texts that operations store in history rows and notices, in Simplified Chinese and English. */
final class OperationMessages {

    private OperationMessages() {
    }

    static Label label(String key, Object... arguments) {
        return new Label(UserMessages.render(WorkflowException.BUNDLE, UserMessages.DEFAULT_LOCALE, key, arguments),
                UserMessages.render(WorkflowException.BUNDLE, Locale.ENGLISH, key, arguments));
    }

    static String zh(String key, Object... arguments) {
        return UserMessages.render(WorkflowException.BUNDLE, UserMessages.DEFAULT_LOCALE, key, arguments);
    }
}
