package org.tezuo.app.ui.approval;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.flowable.task.api.DelegationState;
import org.flowable.task.api.Task;
import org.flowable.engine.TaskService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.approval.ActiveTask;
import org.tezuo.workflow.approval.ActiveTasks;
import org.tezuo.workflow.definition.ApproverNode;

/**
 * Reads from Flowable what the task page needs and {@code ApprovalInbox} does not return: whether the task was
 * delegated (委派) to the user, the other open signers of the step for 减签, and whether the node requires a
 * handwritten signature.
 *
 * <p>TODO: move these reads into the workflow engine's inbox API, so the page stops depending on Flowable's task
 * model. Signers of a sequential step who have not been reached yet have no task, so they are not listed.
 */
@Component
public class TaskParticipants {

    private final TaskService taskService;
    private final ActiveTasks activeTasks;

    TaskParticipants(TaskService taskService, ActiveTasks activeTasks) {
        this.taskService = taskService;
        this.activeTasks = activeTasks;
    }

    /**
     * Facts about an open task.
     *
     * @param delegatedToUser whether the task is delegated to the user, who gives it back with an opinion
     * @param owner the user who delegated it, when it is delegated
     * @param otherSigners assignees of the other open tasks of the same step, in creation order
     * @param requiresSignature whether the node requires a handwritten signature to approve
     */
    public record Facts(boolean delegatedToUser, @Nullable String owner, List<String> otherSigners,
            boolean requiresSignature) {
    }

    /** Returns the facts of an open task of the tenant, or empty when there is no such open task. */
    public Optional<Facts> of(long tenantId, String taskId, String user) {
        Optional<ActiveTask> active = activeTasks.find(tenantId, taskId);
        Task task = taskService.createTaskQuery().taskId(taskId).active().singleResult();
        if (active.isEmpty() || task == null) {
            return Optional.empty();
        }
        boolean delegated = task.getDelegationState() == DelegationState.PENDING && user.equals(task.getAssignee());
        // An added signer's task (加签) is a sub-task outside the process, so it has no fellow signers.
        List<String> others = task.getProcessInstanceId() == null ? List.of() : taskService.createTaskQuery()
                .processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(task.getTaskDefinitionKey())
                .active()
                .orderByTaskCreateTime().asc()
                .list()
                .stream()
                .filter(other -> !other.getId().equals(taskId))
                .map(Task::getAssignee)
                .filter(Objects::nonNull)
                .filter(assignee -> !assignee.equals(user))
                .distinct()
                .toList();
        ApproverNode node = active.get().node();
        boolean signature = node != null && node.requiresSignature();
        return Optional.of(new Facts(delegated, delegated ? task.getOwner() : null, others, signature));
    }
}
