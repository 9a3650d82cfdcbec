package org.tezuo.workflow.approval;

import org.jspecify.annotations.Nullable;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.ApproverNode;
import org.tezuo.workflow.definition.Label;

/**
 * An open task with the chain it belongs to, as the decision commands and the operations need it.
 *
 * @param node the approver node, or null for the applicant's resubmission task
 * @param parentTaskId for the task of a signer added before the approver (加签), the approver's task; the other
 *     attributes then describe that approver's step
 * @param delegated whether the task is delegated (委派) and waits for the delegate to resolve it
 */
public record ActiveTask(
        long tenantId,
        String taskId,
        String processInstanceId,
        String businessKey,
        FlowDefinition flow,
        String nodeId,
        Label nodeName,
        @Nullable ApproverNode node,
        @Nullable String assignee,
        @Nullable String parentTaskId,
        boolean delegated) {

    public boolean resubmission() {
        return node == null;
    }

    /** Returns whether this is the task of a signer added before the approver. */
    public boolean addedSigner() {
        return parentTaskId != null;
    }
}
