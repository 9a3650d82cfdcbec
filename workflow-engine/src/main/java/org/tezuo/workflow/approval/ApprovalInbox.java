package org.tezuo.workflow.approval;

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

    private static ApprovalTask toApprovalTask(ActiveTask active, Task task) {
        return new ApprovalTask(active.taskId(), active.processInstanceId(), active.businessKey(),
                active.flow().key(), active.flow().version(), active.nodeId(), active.nodeName(),
                active.resubmission(), active.node() != null && active.node().requiresRiskConfirmation(),
                active.assignee(), task.getCreateTime().toInstant());
    }
}
