package org.tezuo.workflow.approval;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.deploy.FlowableTenant;

/** Lists the open tasks a user can act on in one tenant: assigned to them or offered to them as a candidate. */
@Component
public class ApprovalInbox {

    private final TaskService taskService;
    private final RuntimeService runtime;
    private final ActiveTasks activeTasks;

    public ApprovalInbox(TaskService taskService, RuntimeService runtime, ActiveTasks activeTasks) {
        this.taskService = taskService;
        this.runtime = runtime;
        this.activeTasks = activeTasks;
    }

    /** Returns the user's open tasks in the tenant, oldest first; tasks of other tenants never appear. */
    public List<ApprovalTask> tasks(long tenantId, String user) {
        List<Task> open = taskService.createTaskQuery()
                .taskTenantId(FlowableTenant.of(tenantId))
                .taskCandidateOrAssigned(user)
                .active()
                .orderByTaskCreateTime().asc()
                .list();
        if (open.isEmpty()) {
            return List.of();
        }

        Set<String> instanceIds = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> businessKeys = runtime.createProcessInstanceQuery()
                .processInstanceIds(instanceIds)
                .list()
                .stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        return open.stream()
                .map(task -> toApprovalTask(activeTasks.toActiveTask(tenantId, task,
                        businessKeys.get(task.getProcessInstanceId())), task))
                .toList();
    }

    /**
     * Returns the user's open tasks in the tenant that match the filter, oldest first: tasks assigned to the user,
     * offered to the user as a candidate, or offered to one of {@code roles} as candidate group.
     */
    public List<ApprovalTask> todo(long tenantId, String user, Collection<String> roles, InboxFilter filter) {
        throw new UnsupportedOperationException();
    }

    /** Returns the tasks the user completed in the tenant that match the filter, newest first. */
    public List<DoneTask> done(long tenantId, String user, InboxFilter filter) {
        throw new UnsupportedOperationException();
    }

    /** Returns the carbon copies to the user in the tenant that match the filter, newest first. */
    public List<CopiedApplication> copied(long tenantId, String user, InboxFilter filter) {
        throw new UnsupportedOperationException();
    }

    /** Marks a carbon copy to the user as read; copies to other users are left alone. */
    public void markCopyRead(long tenantId, long copyId, String user) {
        throw new UnsupportedOperationException();
    }

    /** Returns the sizes of the user's lists with the filter applied. */
    public InboxCounts counts(long tenantId, String user, Collection<String> roles, InboxFilter filter) {
        throw new UnsupportedOperationException();
    }

    private static ApprovalTask toApprovalTask(ActiveTask active, Task task) {
        return new ApprovalTask(active.taskId(), active.processInstanceId(), active.businessKey(),
                active.flow().key(), active.flow().version(), active.nodeId(), active.nodeName(),
                active.resubmission(), active.node() != null && active.node().requiresRiskConfirmation(),
                active.assignee(), task.getCreateTime().toInstant());
    }
}
