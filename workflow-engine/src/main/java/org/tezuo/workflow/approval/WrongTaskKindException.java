package org.tezuo.workflow.approval;

import org.tezuo.workflow.WorkflowException;

/**
 * Thrown when an approval decision is taken on a resubmission task or on an added signer's task, or a resubmission
 * on an approval task.
 */
public final class WrongTaskKindException extends WorkflowException {

    private WrongTaskKindException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    static WrongTaskKindException notApprovalTask(String taskName) {
        return new WrongTaskKindException("approval.notApproverTask", taskName);
    }

    static WrongTaskKindException notResubmissionTask(String taskName, String nodeId) {
        return new WrongTaskKindException("approval.notResubmitTask", taskName, nodeId);
    }

    static WrongTaskKindException addedSignerTask(String taskName) {
        return new WrongTaskKindException("approval.addedSignerTask", taskName);
    }
}
