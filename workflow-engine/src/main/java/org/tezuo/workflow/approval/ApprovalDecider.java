package org.tezuo.workflow.approval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.workflow.bpmn.ChainVariables;
import org.tezuo.workflow.condition.ConditionFacts;
import org.tezuo.workflow.definition.ApproverNode;
import tools.jackson.databind.JsonNode;

/**
 * Takes decisions on open tasks: an approver approves, rejects or returns the application to the applicant, and
 * the applicant resubmits it. The acting user must be the task's assignee or one of its candidates. Each decision
 * is recorded in {@link ApprovalHistory}, in the audit log and as a Flowable task comment in the same transaction as
 * the task's completion. Every {@link TaskCompletionGuard} may veto a decision first.
 */
@Component
public class ApprovalDecider {

    private static final Logger log = LoggerFactory.getLogger(ApprovalDecider.class);
    /** Transient variable holding the user who takes the decision, read by the outcome notifier. */
    public static final String DECIDED_BY = "tz_decidedBy";
    /** Transient variable holding the comment of the decision. */
    public static final String COMMENT = "tz_comment";

    private final ActiveTasks tasks;
    private final TaskService taskService;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ApprovalHistory history;
    private final ObjectProvider<TaskCompletionGuard> guards;
    private final ApproverAssigner assigner;
    private final DecisionEvidence evidence;

    public ApprovalDecider(ActiveTasks tasks, TaskService taskService, ManagementService management,
            RuntimeService runtime, IdentityService identity, ApprovalHistory history,
            ObjectProvider<TaskCompletionGuard> guards, ApproverResolver resolver, DecisionEvidence evidence) {
        this.tasks = tasks;
        this.taskService = taskService;
        this.management = management;
        this.runtime = runtime;
        this.identity = identity;
        this.history = history;
        this.guards = guards;
        this.assigner = new ApproverAssigner(resolver);
        this.evidence = evidence;
    }

    /**
     * Approves a task after every {@link TaskCompletionGuard} let it pass. The chain moves to the next node, or
     * ends as approved after the last one.
     */
    @Transactional
    public ApprovalRecord approve(long tenantId, String taskId, String user, @Nullable String comment) {
        return approve(tenantId, taskId, user, comment, null, List.of());
    }

    /**
     * Approves a task with a handwritten signature and attachments, given as stored-file ids of the tenant. The
     * signature is required when the node requires one and rejected otherwise.
     *
     * @throws SignatureException when the signature is missing or not expected
     * @throws StoredFileNotFoundException when a file id names no file of the tenant
     */
    @Transactional
    public ApprovalRecord approve(long tenantId, String taskId, String user, @Nullable String comment,
            @Nullable String signatureFileId, List<String> attachmentIds) {
        ActiveTask task = approvalTask(tenantId, taskId, user);
        TaskDecisionContext context = TaskDecisionContext.of(task, user, comment);
        guards.orderedStream().forEach(guard -> guard.beforeDecision(context, Decision.APPROVED));
        guards.orderedStream().forEach(guard -> guard.beforeApprove(context));
        evidence.check(tenantId, node(task), signatureFileId, attachmentIds);

        return complete(task, user, Decision.APPROVED, comment, signatureFileId, attachmentIds);
    }

    /** Rejects a task, which ends the approval as rejected; the comment giving the reason is required. */
    @Transactional
    public ApprovalRecord reject(long tenantId, String taskId, String user, String comment) {
        ActiveTask task = approvalTask(tenantId, taskId, user);
        requireComment(task, Decision.REJECTED, comment);
        TaskDecisionContext context = TaskDecisionContext.of(task, user, comment);
        guards.orderedStream().forEach(guard -> guard.beforeDecision(context, Decision.REJECTED));

        return complete(task, user, Decision.REJECTED, comment, null, List.of());
    }

    /**
     * Returns the application to the applicant's resubmission task; the comment saying what to change is required.
     * After resubmission the chain runs again from its first node.
     */
    @Transactional
    public ApprovalRecord returnToApplicant(long tenantId, String taskId, String user, String comment) {
        ActiveTask task = approvalTask(tenantId, taskId, user);
        requireComment(task, Decision.RETURNED, comment);
        TaskDecisionContext context = TaskDecisionContext.of(task, user, comment);
        guards.orderedStream().forEach(guard -> guard.beforeDecision(context, Decision.RETURNED));

        return complete(task, user, Decision.RETURNED, comment, null, List.of());
    }

    /**
     * Resubmits a returned application. When {@code revisedFormData} is given, it replaces the form data and every
     * node's approvers are resolved again from it.
     *
     * @throws NoApproverException when the revised data leaves a node without an approver
     */
    @Transactional
    public ApprovalRecord resubmit(long tenantId, String taskId, String applicant, @Nullable String comment,
            @Nullable JsonNode revisedFormData) {
        ActiveTask task = tasks.require(tenantId, taskId, applicant);
        if (!task.resubmission()) {
            throw WrongTaskKindException.notResubmissionTask(task.nodeName().zh(), task.nodeId());
        }
        if (revisedFormData != null) {
            ConditionFacts facts = new ConditionFacts(revisedFormData,
                    (String) runtime.getVariable(task.processInstanceId(), ChainVariables.PERMIT_GRADE),
                    ConditionFacts.score(runtime.getVariable(task.processInstanceId(), ChainVariables.RISK_SCORE)));
            Map<String, Object> variables = new HashMap<>(assigner.assign(tenantId, task.flow(), applicant, facts));
            variables.put(ChainVariables.FORM_DATA, revisedFormData);
            runtime.setVariables(task.processInstanceId(), variables);
        }

        return complete(task, applicant, Decision.RESUBMITTED, comment, null, List.of());
    }

    private ActiveTask approvalTask(long tenantId, String taskId, String user) {
        ActiveTask task = tasks.require(tenantId, taskId, user);
        if (task.resubmission()) {
            throw WrongTaskKindException.notApprovalTask(task.nodeName().zh());
        }
        if (task.addedSigner()) {
            throw WrongTaskKindException.addedSignerTask(task.nodeName().zh());
        }
        return task;
    }

    private static ApproverNode node(ActiveTask task) {
        return Objects.requireNonNull(task.node(), "approval task without node");
    }

    private static void requireComment(ActiveTask task, Decision decision, @Nullable String comment) {
        if (comment == null || comment.isBlank()) {
            throw new CommentRequiredException(decision, task.nodeName().zh());
        }
    }

    private ApprovalRecord complete(ActiveTask task, String user, Decision decision, @Nullable String comment,
            @Nullable String signatureFileId, List<String> attachmentIds) {
        String trimmed = comment == null || comment.isBlank() ? null : comment.strip();
        ApprovalRecord record = history.append(task, user, decision, trimmed, signatureFileId, attachmentIds);

        Map<String, Object> variables = new HashMap<>();
        if (!task.resubmission()) {
            // Gateways route on the node's own decision variable, which parallel branches cannot overwrite.
            variables.put(ChainVariables.decision(task.nodeId()), decision.name());
        }
        // Read only while the completion runs (the outcome notifier at an end event), so they are not stored.
        Map<String, Object> transientVariables = new HashMap<>();
        transientVariables.put(ChainVariables.DECISION, decision.name());
        transientVariables.put(DECIDED_BY, user);
        transientVariables.put(COMMENT, trimmed);

        identity.setAuthenticatedUserId(user);
        try {
            // One engine command for the claim, the comment and the completion: the task is read once and the
            // changes are written together.
            management.executeCommand(commandContext -> {
                if (task.assignee() == null) {
                    taskService.claim(task.taskId(), user);
                }
                if (trimmed != null) {
                    taskService.addComment(task.taskId(), task.processInstanceId(), decision.name(), trimmed);
                }
                taskService.complete(task.taskId(), user, variables, transientVariables);
                return null;
            });
        } finally {
            identity.setAuthenticatedUserId(null);
        }
        log.debug("Task {} of approval {} completed as {}", task.taskId(), task.processInstanceId(), decision);
        return record;
    }
}
