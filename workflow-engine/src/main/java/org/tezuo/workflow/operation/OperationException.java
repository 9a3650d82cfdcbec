package org.tezuo.workflow.operation;

import org.tezuo.workflow.WorkflowException;

/** Thrown when an operation on a running approval is not allowed; the message names the user, the step and the fix. */
public final class OperationException extends WorkflowException {

    private final String messageKey;

    private OperationException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.messageKey = messageKey;
    }

    /** Returns the message key, such as {@code operation.suspended}, which tells callers which rule failed. */
    public String messageKey() {
        return messageKey;
    }

    static OperationException instanceNotFound(String processInstanceId) {
        return new OperationException("operation.instanceNotFound", processInstanceId);
    }

    static OperationException commentRequired(String operation, String nodeName) {
        return new OperationException("operation.commentRequired", operation, nodeName);
    }

    static OperationException notReturnTarget(String target, String nodeName, String targets) {
        return new OperationException("operation.notReturnTarget", target, nodeName, targets);
    }

    static OperationException notApproverTask(String nodeName) {
        return new OperationException("operation.notApproverTask", nodeName);
    }

    static OperationException sameUser(String user, String nodeName) {
        return new OperationException("operation.sameUser", user, nodeName);
    }

    static OperationException delegated(String nodeName, String delegate) {
        return new OperationException("operation.delegated", nodeName, delegate);
    }

    static OperationException notDelegate(String user, String nodeName) {
        return new OperationException("operation.notDelegate", user, nodeName);
    }

    static OperationException signersPending(String nodeName, String signers) {
        return new OperationException("operation.signersPending", nodeName, signers);
    }

    static OperationException alreadySigner(String signer, String nodeName) {
        return new OperationException("operation.alreadySigner", signer, nodeName);
    }

    static OperationException notMultiInstance(String nodeName) {
        return new OperationException("operation.notMultiInstance", nodeName);
    }

    static OperationException signerDecided(String signer, String nodeName) {
        return new OperationException("operation.signerDecided", signer, nodeName);
    }

    static OperationException signerNotFound(String signer, String nodeName) {
        return new OperationException("operation.signerNotFound", signer, nodeName);
    }

    static OperationException lastSigner(String signer, String nodeName) {
        return new OperationException("operation.lastSigner", signer, nodeName);
    }

    static OperationException currentSequentialSigner(String signer, String nodeName) {
        return new OperationException("operation.currentSequentialSigner", signer, nodeName);
    }

    static OperationException notApplicant(String user, String businessKey) {
        return new OperationException("operation.notApplicant", user, businessKey);
    }

    static OperationException withdrawalNotAllowed(String businessKey) {
        return new OperationException("operation.withdrawalNever", businessKey);
    }

    static OperationException alreadyApproved(String businessKey, String approvers) {
        return new OperationException("operation.withdrawalAfterApproval", businessKey, approvers);
    }

    static OperationException urgedTooSoon(String businessKey, long minutes, String next) {
        return new OperationException("operation.urgedTooSoon", businessKey, minutes, next);
    }

    static OperationException noOpenTask(String businessKey) {
        return new OperationException("operation.noOpenTask", businessKey);
    }

    static OperationException notParticipant(String user, String businessKey) {
        return new OperationException("operation.notParticipant", user, businessKey);
    }

    static OperationException suspended(String businessKey, String nodeName, String escalatedTo) {
        return new OperationException("operation.suspended", businessKey, nodeName, escalatedTo);
    }

    static OperationException notSuspended(String businessKey) {
        return new OperationException("operation.notSuspended", businessKey);
    }

    static OperationException notEscalationTarget(String user, String businessKey, String escalatedTo) {
        return new OperationException("operation.notEscalationTarget", user, businessKey, escalatedTo);
    }
}
