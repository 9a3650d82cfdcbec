package org.tezuo.workflow.approval;

import java.util.Collection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.task.api.TaskQuery;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.flowable.task.api.history.HistoricTaskInstanceQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.deploy.FlowableTenant;

/**
 * A user's inbox in one tenant: open tasks they can act on (待办), tasks they completed (已办) and carbon copies to
 * them (抄送我). Tasks and copies of other tenants never appear.
 */
@Component
public class ApprovalInbox {

    private static final Logger log = LoggerFactory.getLogger(ApprovalInbox.class);

    private final TaskService taskService;
    private final RuntimeService runtime;
    private final HistoryService flowableHistory;
    private final ActiveTasks activeTasks;
    private final JdbcClient jdbc;
    private final Clock clock;

    public ApprovalInbox(TaskService taskService, RuntimeService runtime, HistoryService flowableHistory,
            ActiveTasks activeTasks, JdbcClient jdbc, Clock clock) {
        this.taskService = taskService;
        this.runtime = runtime;
        this.flowableHistory = flowableHistory;
        this.activeTasks = activeTasks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Returns the user's open tasks in the tenant, oldest first; tasks of other tenants never appear. */
    public List<ApprovalTask> tasks(long tenantId, String user) {
        return todo(tenantId, user, List.of(), InboxFilter.ALL);
    }

    /**
     * Returns one open task of the user in the tenant, as {@link #tasks} lists it, without reading the rest of the
     * inbox; empty when the task is not the user's, belongs to another tenant or has ended.
     */
    public Optional<ApprovalTask> task(long tenantId, String user, String taskId) {
        Task task = todoQuery(tenantId, user, List.of()).taskId(taskId).singleResult();
        if (task == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(toApprovalTask(activeTasks.toActiveTask(tenantId, task), task));
        } catch (TaskNotFoundException e) {
            log.debug("Task {} of {} in tenant {} ended while it was read", taskId, user, tenantId);
            return Optional.empty();
        }
    }

    /**
     * Returns the user's open tasks in the tenant that match the filter, oldest first: tasks assigned to the user,
     * offered to the user as a candidate, or offered to one of {@code roles} as candidate group. Tasks of signers
     * added before an approver (加签) are included and describe the approver's step.
     */
    public List<ApprovalTask> todo(long tenantId, String user, Collection<String> roles, InboxFilter filter) {
        List<Task> open = todoQuery(tenantId, user, roles).orderByTaskCreateTime().asc().list();
        List<ActiveTask> active = new ArrayList<>();
        Map<String, Task> byId = new HashMap<>();
        for (Task task : open) {
            try {
                active.add(activeTasks.toActiveTask(tenantId, task));
                byId.put(task.getId(), task);
            } catch (TaskNotFoundException e) {
                log.warn("Task {} of {} in tenant {} ended while the to-do list was read (parent task {});"
                        + " left out of the list", task.getId(), user, tenantId, task.getParentTaskId());
            }
        }
        return active.stream()
                .filter(task -> matches(filter, task.flow().key(), task.businessKey(),
                        byId.get(task.taskId()).getCreateTime().toInstant()))
                .map(task -> toApprovalTask(task, byId.get(task.taskId())))
                .toList();
    }

    /** Returns the tasks the user completed in the tenant that match the filter, newest first. */
    public List<DoneTask> done(long tenantId, String user, InboxFilter filter) {
        HistoricTaskInstanceQuery query = flowableHistory.createHistoricTaskInstanceQuery()
                .taskTenantId(FlowableTenant.of(tenantId))
                .taskAssignee(user)
                .finished()
                .orderByHistoricTaskInstanceEndTime().desc();
        if (filter.flowKey() != null) {
            query.processDefinitionKey(filter.flowKey());
        }
        if (filter.businessKeyText() != null && !filter.businessKeyText().isBlank()) {
            query.processInstanceBusinessKeyLikeIgnoreCase("%" + filter.businessKeyText().strip() + "%");
        }
        if (filter.from() != null) {
            query.taskCompletedAfter(Date.from(filter.from().minusMillis(1)));
        }
        if (filter.to() != null) {
            query.taskCompletedBefore(Date.from(filter.to()));
        }
        List<HistoricTaskInstance> tasks = query.list().stream()
                .filter(task -> task.getProcessInstanceId() != null)
                // Tasks ended by a withdrawal, a return to an earlier step or a removed signer carry a delete reason.
                .filter(task -> task.getDeleteReason() == null)
                .toList();
        if (tasks.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = tasks.stream().map(HistoricTaskInstance::getProcessInstanceId)
                .collect(Collectors.toSet());
        Map<String, HistoricProcessInstance> instances = flowableHistory.createHistoricProcessInstanceQuery()
                .processInstanceIds(instanceIds)
                .list()
                .stream()
                .collect(Collectors.toMap(HistoricProcessInstance::getId, instance -> instance));
        return tasks.stream().map(task -> {
            HistoricProcessInstance instance = instances.get(task.getProcessInstanceId());
            return new DoneTask(task.getId(), task.getProcessInstanceId(),
                    instance == null ? "" : Objects.requireNonNullElse(instance.getBusinessKey(), ""),
                    instance == null ? "" : instance.getProcessDefinitionKey(), task.getTaskDefinitionKey(),
                    task.getName(), task.getEndTime().toInstant(), instance != null && instance.getEndTime() != null);
        }).toList();
    }

    /** Returns the carbon copies to the user in the tenant that match the filter, newest first. */
    public List<CopiedApplication> copied(long tenantId, String user, InboxFilter filter) {
        return jdbc.sql("""
                select * from approval_copy where tenant_id = ? and recipient = ? order by copied_at desc, id desc""")
                .params(tenantId, user)
                .query((rs, row) -> new CopiedApplication(rs.getLong("id"), rs.getString("process_instance_id"),
                        rs.getString("business_key"), rs.getString("flow_key"), rs.getString("node_id"),
                        rs.getString("node_name"), rs.getTimestamp("copied_at").toInstant(),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()))
                .list()
                .stream()
                .filter(copy -> matches(filter, copy.flowKey(), copy.businessKey(), copy.copiedAt()))
                .toList();
    }

    /** Marks a carbon copy to the user as read; copies to other users are left alone. */
    public void markCopyRead(long tenantId, long copyId, String user) {
        jdbc.sql("""
                update approval_copy set read_at = ? where tenant_id = ? and id = ? and recipient = ? and read_at is null""")
                .params(Timestamp.from(clock.instant()), tenantId, copyId, user)
                .update();
    }

    /** Returns the sizes of the user's lists with the filter applied. */
    public InboxCounts counts(long tenantId, String user, Collection<String> roles, InboxFilter filter) {
        List<CopiedApplication> copies = copied(tenantId, user, filter);
        return new InboxCounts(todo(tenantId, user, roles, filter).size(), done(tenantId, user, filter).size(),
                copies.size(), copies.stream().filter(CopiedApplication::unread).count());
    }

    private TaskQuery todoQuery(long tenantId, String user, Collection<String> roles) {
        TaskQuery query = taskService.createTaskQuery()
                .taskTenantId(FlowableTenant.of(tenantId))
                .active();
        if (roles.isEmpty()) {
            return query.taskCandidateOrAssigned(user);
        }
        return query.taskCandidateOrAssigned(user).taskCandidateGroupIn(List.copyOf(roles));
    }

    private static boolean matches(InboxFilter filter, String flowKey, String businessKey, Instant at) {
        if (filter.flowKey() != null && !filter.flowKey().equals(flowKey)) {
            return false;
        }
        if (filter.businessKeyText() != null && !filter.businessKeyText().isBlank()
                && !businessKey.toLowerCase(Locale.ROOT).contains(filter.businessKeyText().strip()
                        .toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (filter.from() != null && at.isBefore(filter.from())) {
            return false;
        }
        return filter.to() == null || at.isBefore(filter.to());
    }

    private static ApprovalTask toApprovalTask(ActiveTask active, Task task) {
        return new ApprovalTask(active.taskId(), active.processInstanceId(), active.businessKey(),
                active.flow().key(), active.flow().version(), active.nodeId(), active.nodeName(),
                active.resubmission(), active.node() != null && active.node().requiresRiskConfirmation(),
                active.assignee(), task.getCreateTime().toInstant());
    }
}
