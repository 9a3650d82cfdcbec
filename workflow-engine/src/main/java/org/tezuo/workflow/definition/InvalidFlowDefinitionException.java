package org.tezuo.workflow.definition;

import org.tezuo.workflow.WorkflowException;

/** Thrown when a flow document cannot be turned into an approval chain; the message names the document and why. */
public final class InvalidFlowDefinitionException extends WorkflowException {

    private final String reference;

    public InvalidFlowDefinitionException(String messageKey, String reference, Object... details) {
        super(messageKey, prepend(reference, details));
        this.reference = reference;
    }

    /** Returns the document reference, such as {@code flow:hot-work-approval@1}. */
    public String reference() {
        return reference;
    }

    private static Object[] prepend(String reference, Object[] details) {
        Object[] arguments = new Object[details.length + 1];
        arguments[0] = reference;
        System.arraycopy(details, 0, arguments, 1, details.length);
        return arguments;
    }
}
