package org.tezuo.workflow.approval;

import org.tezuo.workflow.WorkflowException;

/** Thrown when a submission names a flow version that does not exist or is still a draft. */
public final class FlowNotPublishedException extends WorkflowException {

    FlowNotPublishedException(String flowKey, int flowVersion) {
        super("approval.flowNotPublished", flowKey, String.valueOf(flowVersion));
    }
}
