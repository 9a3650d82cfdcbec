package org.tezuo.workflow;

import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.MessageBundle;
import org.tezuo.core.i18n.UserMessages;

/**
 * Base of the workflow errors users read. Messages come from the workflow catalogue
 * {@code org/tezuo/workflow/messages*.properties} rather than the core one.
 */
public abstract class WorkflowException extends LocalizedException {

    /** Resource bundle of every workflow message. */
    public static final String BUNDLE = "org.tezuo.workflow.messages";

    protected WorkflowException(String messageKey, Object... arguments) {
        super(new MessageBundle(BUNDLE), messageKey, arguments);
    }

    /** Returns the message in Simplified Chinese, the language users read first. */
    @Override
    public String getMessage() {
        return message(UserMessages.DEFAULT_LOCALE);
    }
}
