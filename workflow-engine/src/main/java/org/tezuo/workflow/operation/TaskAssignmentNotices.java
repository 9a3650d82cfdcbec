package org.tezuo.workflow.operation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.RuntimeService;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.bpmn.ChainVariables;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.deploy.FlowDeployer;
import org.tezuo.workflow.deploy.FlowableTenant;

/**
 * Tells the approvers of every new approval task that it waits for them, through {@link ApprovalNotices}: the
 * task's assignee, or its candidate users while it is unassigned. Flowable calls it on {@code TASK_CREATED}, after
 * the assignee and candidates are set, inside the command that creates the task, so the notice commits with it.
 * The applicant's resubmission task is left out, because the applicant already gets the return notice, and so are
 * tasks outside a process, such as a signer's task added before the current approver, whose notice
 * {@link ApprovalOperations} sends.
 */
@Component
class TaskAssignmentNotices implements FlowableEventListener, InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TaskAssignmentNotices.class);

    private final RuntimeService runtime;
    private final ApprovalNotices notices;
    private final FlowDeployer deployer;

    TaskAssignmentNotices(RuntimeService runtime, ApprovalNotices notices, FlowDeployer deployer) {
        this.runtime = runtime;
        this.notices = notices;
        this.deployer = deployer;
    }

    @Override
    public void afterPropertiesSet() {
        runtime.addEventListener(this, FlowableEngineEventType.TASK_CREATED);
    }

    @Override
    public void onEvent(FlowableEvent event) {
        if (!(event instanceof FlowableEntityEvent entityEvent) || !(entityEvent.getEntity() instanceof TaskEntity task)
                || task.getProcessInstanceId() == null
                || ChainVariables.RESUBMIT_TASK.equals(task.getTaskDefinitionKey())) {
            return;
        }
        List<String> approvers = task.getAssignee() != null ? List.of(task.getAssignee()) : candidates(task);
        if (approvers.isEmpty()) {
            return;
        }
        Optional<FlowDefinition> chain = deployer.chainOf(task.getProcessDefinitionId());
        if (chain.isEmpty()) {
            log.debug("Task {} belongs to process {}, which no approval chain deployed; no notice",
                    task.getId(), task.getProcessDefinitionId());
            return;
        }
        long tenantId = FlowableTenant.parse(task.getTenantId());
        String businessKey = Objects.requireNonNullElse(task.getCategory(), "");
        String flowName = chain.get().name().zh();
        Object applicant = task.getVariable(ChainVariables.APPLICANT);
        String applicantName = applicant == null ? "" : notices.name(tenantId, applicant.toString());
        String body = OperationMessages.zh("operation.notice.TASK_ASSIGNED", applicantName,
                notices.label(tenantId, businessKey), flowName,
                Objects.requireNonNullElse(task.getName(), ""));
        notices.send(new ApprovalNotices.Approval(tenantId, task.getProcessInstanceId(), businessKey, flowName),
                ApprovalNoticeKind.TASK_ASSIGNED, approvers, body, applicant == null ? null : applicant.toString(),
                ApprovalNotices.TASKS_PAGE + "/" + task.getId());
    }

    // NOTE: only candidate users are notified. ChainCompiler offers tasks to users only, but a task offered to a
    // candidate group (a role code) by other means would send no notice, because the role's holders are not resolved.
    private static List<String> candidates(TaskEntity task) {
        return task.getIdentityLinks().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
                .map(link -> link.getUserId())
                .distinct()
                .toList();
    }

    /**
     * Fails the command when the notice cannot be stored, as any notice fails the change it reports, because on
     * PostgreSQL a failed insert leaves the transaction unusable anyway.
     */
    @Override
    public boolean isFailOnException() {
        return true;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
        return false;
    }

    @Override
    public String getOnTransaction() {
        return "";
    }
}
