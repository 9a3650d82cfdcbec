package org.tezuo.workflow.approval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.DelegationState;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.workflow.WorkflowException;
import org.tezuo.workflow.definition.ApproverNode;
import org.tezuo.workflow.definition.AssigneeSpec;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.Label;
import org.tezuo.workflow.deploy.FlowDeployer;
import org.tezuo.workflow.deploy.FlowableTenant;
import tools.jackson.databind.node.JsonNodeFactory;

/** Looks up a tenant's open tasks and checks that the acting user may work on them. */
@Component
public class ActiveTasks {

    private final TaskService taskService;
    private final RuntimeService runtime;
    private final FlowDeployer deployer;
    private final ApproverResolver resolver;

    public ActiveTasks(TaskService taskService, RuntimeService runtime, FlowDeployer deployer,
            ApproverResolver resolver) {
        this.taskService = taskService;
        this.runtime = runtime;
        this.deployer = deployer;
        this.resolver = resolver;
    }

    /**
     * Returns the open task {@code taskId} of the tenant when {@code user} is its assignee or one of its candidates.
     *
     * @throws TaskNotFoundException when the tenant has no such open task
     * @throws NotTaskCandidateException when the user may not act on it
     */
    public ActiveTask require(long tenantId, String taskId, String user) {
        Task offered = taskService.createTaskQuery()
                .taskId(taskId)
                .taskTenantId(FlowableTenant.of(tenantId))
                .active()
                .taskCandidateOrAssigned(user)
                .singleResult();
        if (offered != null) {
            return toActiveTask(tenantId, offered);
        }

        // Not offered to the user by name: the task is missing, or offered to a role the user has, or not theirs.
        Task task = taskService.createTaskQuery()
                .taskId(taskId)
                .taskTenantId(FlowableTenant.of(tenantId))
                .active()
                .singleResult();
        if (task == null) {
            throw new TaskNotFoundException(taskId);
        }
        if (!inCandidateGroup(tenantId, taskId, user)) {
            throw new NotTaskCandidateException(user, taskId, task.getName(), task.getTaskDefinitionKey(),
                    people(task));
        }
        return toActiveTask(tenantId, task);
    }

    /** Returns the open task {@code taskId} of the tenant, whoever may act on it, or empty when there is none. */
    public Optional<ActiveTask> find(long tenantId, String taskId) {
        Task task = taskService.createTaskQuery()
                .taskId(taskId)
                .taskTenantId(FlowableTenant.of(tenantId))
                .active()
                .singleResult();
        return Optional.ofNullable(task).map(found -> toActiveTask(tenantId, found));
    }

    /** Returns the task with the chain it belongs to; a signer's task describes the step of its parent task. */
    public ActiveTask toActiveTask(long tenantId, Task task) {
        if (task.getParentTaskId() != null && task.getProcessInstanceId() == null) {
            Task parent = taskService.createTaskQuery().taskId(task.getParentTaskId()).singleResult();
            if (parent == null) {
                throw new TaskNotFoundException(task.getParentTaskId());
            }
            ActiveTask step = toActiveTask(tenantId, parent);
            return new ActiveTask(tenantId, task.getId(), step.processInstanceId(), step.businessKey(), step.flow(),
                    step.nodeId(), step.nodeName(), step.node(), task.getAssignee(), parent.getId(),
                    task.getDelegationState() == DelegationState.PENDING);
        }
        return toActiveTask(tenantId, task, businessKey(task));
    }

    /**
     * Returns whether {@code user} has a role that the task is offered to. Flowable does not know Tezuo's roles,
     * so a candidate group, as imported BPMN may name, is read as a role code and resolved through the directory.
     */
    private boolean inCandidateGroup(long tenantId, String taskId, String user) {
        return taskService.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .anyMatch(link -> resolver.resolve(new ApproverQuery(tenantId, AssigneeSpec.role(link.getGroupId()),
                        user, JsonNodeFactory.instance.objectNode())).contains(user));
    }

    /** Returns the task with the chain it belongs to, the business key given. */
    ActiveTask toActiveTask(long tenantId, Task task, String businessKey) {
        if (task.getParentTaskId() != null && task.getProcessInstanceId() == null) {
            return toActiveTask(tenantId, task);
        }
        FlowDefinition flow = deployer.definitionOf(task.getProcessDefinitionId());
        String nodeId = task.getTaskDefinitionKey();
        ApproverNode node = flow.approver(nodeId).orElse(null);
        Label name = node == null ? resubmissionName() : node.name();
        return new ActiveTask(tenantId, task.getId(), task.getProcessInstanceId(), businessKey, flow, nodeId, name,
                node, task.getAssignee(), null, task.getDelegationState() == DelegationState.PENDING);
    }

    /**
     * Returns the business key of the task's process instance: the task's category, which the compiled chain sets
     * to it, or for tasks without one, the key read from the process instance.
     *
     * @throws TaskNotFoundException when the instance ended after the task was read, as when another approver
     *     completes the last step while a to-do list is being built
     */
    private String businessKey(Task task) {
        if (task.getCategory() != null) {
            return task.getCategory();
        }
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .singleResult();
        if (instance == null) {
            throw new TaskNotFoundException(task.getId());
        }
        return instance.getBusinessKey();
    }

    private List<String> people(Task task) {
        Set<String> people = new LinkedHashSet<>();
        if (task.getAssignee() != null) {
            people.add(task.getAssignee());
        }
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (link.getUserId() != null && (IdentityLinkType.CANDIDATE.equals(link.getType())
                    || IdentityLinkType.ASSIGNEE.equals(link.getType()))) {
                people.add(link.getUserId());
            }
        }
        return List.copyOf(people);
    }

    private static Label resubmissionName() {
        return new Label(UserMessages.render(WorkflowException.BUNDLE, UserMessages.DEFAULT_LOCALE, "bpmn.resubmit"),
                UserMessages.render(WorkflowException.BUNDLE, Locale.ENGLISH, "bpmn.resubmit"));
    }
}
