package org.tezuo.workflow.approval;

import org.tezuo.workflow.WorkflowException;

/** Thrown when an approval lacks the handwritten signature its node requires, or carries one the node does not ask for. */
public final class SignatureException extends WorkflowException {

    private SignatureException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    static SignatureException required(String nodeName) {
        return new SignatureException("approval.signatureRequired", nodeName);
    }

    static SignatureException notExpected(String nodeName) {
        return new SignatureException("approval.signatureNotExpected", nodeName);
    }
}
