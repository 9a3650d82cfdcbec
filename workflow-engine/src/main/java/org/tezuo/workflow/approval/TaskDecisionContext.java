package org.tezuo.workflow.approval;

import org.jspecify.annotations.Nullable;
import org.tezuo.workflow.definition.ApproverNode;

/**
 * The task a user is about to approve, as passed to a {@link TaskCompletionGuard}.
 *
 * @param tenantId Tezuo tenant id
 * @param taskId Flowable task id
 * @param processInstanceId Flowable process instance id
 * @param businessKey the application's key
 * @param flowKey flow document key
 * @param flowVersion flow document version
 * @param node the node of the task, including {@link ApproverNode#requiresRiskConfirmation()}
 * @param approver user name of the approver
 * @param comment the approver's comment, when given
 */
public record TaskDecisionContext(
        long tenantId,
        String taskId,
        String processInstanceId,
        String businessKey,
        String flowKey,
        int flowVersion,
        ApproverNode node,
        String approver,
        @Nullable String comment) {
}
