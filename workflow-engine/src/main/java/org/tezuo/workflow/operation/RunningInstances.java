package org.tezuo.workflow.operation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.bpmn.ChainVariables;
import org.tezuo.workflow.deploy.FlowDeployer;
import org.tezuo.workflow.deploy.FlowableTenant;
import tools.jackson.databind.JsonNode;

/** Looks up running approvals of a tenant, their open tasks and the people those tasks wait for. */
@Component
class RunningInstances {

    private final RuntimeService runtime;
    private final TaskService taskService;
    private final FlowDeployer deployer;

    RunningInstances(RuntimeService runtime, TaskService taskService, FlowDeployer deployer) {
        this.runtime = runtime;
        this.taskService = taskService;
        this.deployer = deployer;
    }

    /**
     * Returns the running approval {@code processInstanceId} of the tenant.
     *
     * @throws OperationException when the tenant has no such running approval
     */
    InstanceRef require(long tenantId, String processInstanceId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .processInstanceTenantId(FlowableTenant.of(tenantId))
                .singleResult();
        if (instance == null) {
            throw OperationException.instanceNotFound(processInstanceId);
        }
        return new InstanceRef(tenantId, processInstanceId, Objects.requireNonNullElse(instance.getBusinessKey(), ""),
                deployer.definitionOf(instance.getProcessDefinitionId()),
                (String) runtime.getVariable(processInstanceId, ChainVariables.APPLICANT),
                (JsonNode) runtime.getVariable(processInstanceId, ChainVariables.FORM_DATA));
    }

    /** Returns the open process tasks of the instance, oldest first; added signers' tasks are not among them. */
    List<Task> openTasks(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().asc().list();
    }

    /** Returns the open process tasks of one node of the instance. */
    List<Task> openTasks(String processInstanceId, String nodeId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(nodeId)
                .orderByTaskCreateTime().asc().list();
    }

    /** Returns the assignees of the tasks, or their candidate users while a task is unassigned, without repeats. */
    List<String> peopleOf(List<Task> tasks) {
        Set<String> people = new LinkedHashSet<>();
        for (Task task : tasks) {
            if (task.getAssignee() != null) {
                people.add(task.getAssignee());
                continue;
            }
            for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
                    people.add(link.getUserId());
                }
            }
        }
        return List.copyOf(people);
    }
}
