package org.tezuo.workflow.approval;

import java.util.Objects;
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
 * @param delegate when the task is delegated (委派) and waits for the delegate to resolve it, the delegate's user
 *     name, otherwise null
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
        @Nullable String comment,
        @Nullable String delegate) {

    /** Returns the context of {@code user} deciding on {@code task}, which must be an approver's task. */
    public static TaskDecisionContext of(ActiveTask task, String user, @Nullable String comment) {
        ApproverNode node = Objects.requireNonNull(task.node(), "approval task without node");
        return new TaskDecisionContext(task.tenantId(), task.taskId(), task.processInstanceId(), task.businessKey(),
                task.flow().key(), task.flow().version(), node, user, comment,
                task.delegated() ? task.assignee() : null);
    }
}
