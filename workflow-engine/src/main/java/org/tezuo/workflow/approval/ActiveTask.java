package org.tezuo.workflow.approval;

import org.jspecify.annotations.Nullable;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.ApproverNode;
import org.tezuo.workflow.definition.Label;

/**
 * An open task with the chain it belongs to, as the decision commands need it.
 *
 * @param node the approver node, or null for the applicant's resubmission task
 */
record ActiveTask(
        long tenantId,
        String taskId,
        String processInstanceId,
        String businessKey,
        FlowDefinition flow,
        String nodeId,
        Label nodeName,
        @Nullable ApproverNode node,
        @Nullable String assignee) {

    boolean resubmission() {
        return node == null;
    }
}
