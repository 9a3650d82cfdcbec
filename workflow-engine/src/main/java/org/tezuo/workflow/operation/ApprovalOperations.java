package org.tezuo.workflow.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.DelegationState;
import org.flowable.task.api.Task;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.workflow.approval.ActiveTask;
import org.tezuo.workflow.approval.ActiveTasks;
import org.tezuo.workflow.approval.ApprovalDecider;
import org.tezuo.workflow.approval.Decision;
import org.tezuo.workflow.approval.DecisionEvidence;
import org.tezuo.workflow.approval.TaskCompletionGuard;
import org.tezuo.workflow.approval.TaskDecisionContext;
import org.tezuo.workflow.bpmn.ChainVariables;
import org.tezuo.workflow.definition.ApprovalMode;
import org.tezuo.workflow.definition.ApproverNode;
import org.tezuo.workflow.deploy.FlowableTenant;

/**
 * Operations an approver takes on an open task besides reject and return to the applicant. The acting user must
 * be the task's assignee or one of its candidates. Each operation writes one history row and one audit record in
 * the transaction that changes the process, so either everything or nothing is saved.
 */
@Component
public class ApprovalOperations {

    private static final Logger log = LoggerFactory.getLogger(ApprovalOperations.class);

    private final ActiveTasks tasks;
    private final ApprovalDecider decider;
    private final TaskService taskService;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final RunningInstances instances;
    private final OperationLog history;
    private final AddedSigners signers;
    private final ApprovalSuspensions suspensions;
    private final DecisionEvidence evidenceCheck;
    private final ObjectProvider<TaskCompletionGuard> guards;
    private final SequentialSigners sequentialSigners;
    private final ApprovalNotices notices;

    ApprovalOperations(ActiveTasks tasks, ApprovalDecider decider, TaskService taskService, RuntimeService runtime,
            IdentityService identity, RunningInstances instances, OperationLog history, AddedSigners signers,
            ApprovalSuspensions suspensions, DecisionEvidence evidenceCheck,
            ObjectProvider<TaskCompletionGuard> guards, SequentialSigners sequentialSigners,
            ApprovalNotices notices) {
        this.tasks = tasks;
        this.decider = decider;
        this.taskService = taskService;
        this.runtime = runtime;
        this.identity = identity;
        this.instances = instances;
        this.history = history;
        this.signers = signers;
        this.suspensions = suspensions;
        this.evidenceCheck = evidenceCheck;
        this.guards = guards;
        this.sequentialSigners = sequentialSigners;
        this.notices = notices;
    }

    /**
     * Approves a task, with a handwritten signature and attachments. A signature is required when the node
     * requires one and rejected otherwise. An added signer's task (加签 before) is completed without moving the
     * chain; a task with open before-signers or of a suspended application cannot be approved. When an
     * after-signer was added to a single-approver node, the task passes to that signer instead of completing.
     */
    @Transactional
    public HistoryEntry approve(long tenantId, String taskId, String user, @Nullable String comment,
            Evidence evidence) {
        ActiveTask task = tasks.require(tenantId, taskId, user);
        if (task.addedSigner()) {
            return approveAsAddedSigner(task, user, comment, evidence);
        }
        List<AddedSigners.Signer> queued = signers.ofTask(tenantId, taskId, AddedSigners.QUEUED);
        if (!queued.isEmpty() && !task.resubmission()) {
            return approveAndPass(task, user, comment, evidence, queued.getFirst());
        }
        decider.approve(tenantId, taskId, user, comment, evidence.signatureFileId(), evidence.attachmentIds());
        // Read back by task, because service tasks that ran after the approval may have appended rows of their own.
        return history.latestOfTask(tenantId, taskId, Operation.APPROVED).orElseThrow();
    }

    /** Returns the steps the task may be returned to, the applicant first, then the passed approver nodes in order. */
    public List<ReturnTarget> returnTargets(long tenantId, String taskId, String user) {
        ActiveTask task = approverTask(tenantId, taskId, user);
        return returnTargets(task);
    }

    /**
     * Returns the application to an earlier approver node, or to the applicant with {@code tz_resubmit}. Every
     * active step of the instance ends, including the other branches and signers of a multi-instance step. History
     * rows from the target step onward stay but are marked superseded, and a re-entered countersign starts with
     * fresh counters. The comment is required.
     */
    @Transactional
    public HistoryEntry returnTo(long tenantId, String taskId, String user, String targetNodeId, String comment) {
        ActiveTask task = approverTask(tenantId, taskId, user);
        String reason = requireComment(comment, Operation.RETURNED_TO_STEP, task);
        checkDecision(task, user, reason, Decision.RETURNED);
        List<ReturnTarget> targets = returnTargets(task);
        ReturnTarget target = targets.stream().filter(candidate -> candidate.nodeId().equals(targetNodeId))
                .findFirst()
                .orElseThrow(() -> OperationException.notReturnTarget(targetNodeId, task.nodeName().zh(),
                        String.join("、", targets.stream().map(found -> found.name().zh()).toList())));

        List<String> superseded = new ArrayList<>();
        List<ApproverNode> approvers = task.flow().approvers();
        boolean from = target.applicant();
        for (ApproverNode node : approvers) {
            from = from || node.id().equals(target.nodeId());
            if (from) {
                superseded.add(node.id());
            }
        }
        superseded.add(ChainVariables.RESUBMIT_TASK);
        history.supersede(tenantId, task.processInstanceId(), superseded, user, reason);
        signers.cancelAll(tenantId, task.processInstanceId(), "returned to " + target.nodeId() + " by " + user);

        InstanceRef instance = instance(task);
        HistoryEntry entry = history.append(new OperationLog.NewEntry(instance, task.taskId(), task.nodeId(),
                task.nodeName().zh(), user, Operation.RETURNED_TO_STEP, target.nodeId(), reason, List.of(), null));

        // Moving every active activity, not only this task's, also ends the parallel branches and the other
        // instances of a multi-instance step. Entering a multi-instance step creates a new root execution, so its
        // counters (nrOfInstances, nrOfCompletedInstances) start afresh.
        List<String> active = runtime.getActiveActivityIds(task.processInstanceId()).stream().distinct().toList();
        identity.setAuthenticatedUserId(user);
        try {
            runtime.createChangeActivityStateBuilder()
                    .processInstanceId(task.processInstanceId())
                    .moveActivityIdsToSingleActivityId(active, target.nodeId())
                    .processVariable(ChainVariables.DECISION, Decision.RETURNED.name())
                    .processVariable(ApprovalDecider.DECIDED_BY, user)
                    .processVariable(ApprovalDecider.COMMENT, reason)
                    .changeState();
        } finally {
            identity.setAuthenticatedUserId(null);
        }
        log.info("Approval {} returned from {} to {} by {}", task.processInstanceId(), task.nodeId(),
                target.nodeId(), user);
        return entry;
    }

    /** Transfers (转办) the task to {@code toUser} for good; it leaves the acting user's to-do list. */
    @Transactional
    public HistoryEntry transfer(long tenantId, String taskId, String user, String toUser, @Nullable String comment) {
        ActiveTask task = approverTask(tenantId, taskId, user);
        requireOtherUser(task, user, toUser);
        suspensions.requireActive(tenantId, task.processInstanceId(), task.businessKey());
        requireNotDelegated(task);

        taskService.setAssignee(taskId, toUser);
        for (IdentityLink link : taskService.getIdentityLinksForTask(taskId)) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getUserId() != null) {
                    taskService.deleteCandidateUser(taskId, link.getUserId());
                } else if (link.getGroupId() != null) {
                    taskService.deleteCandidateGroup(taskId, link.getGroupId());
                }
            }
        }
        tellNewApprover(task, taskId, user, toUser, Operation.TRANSFERRED);
        return append(task, user, Operation.TRANSFERRED, toUser, comment);
    }

    /**
     * Delegates (委派) the task to {@code toUser}, who gives an opinion with {@link #resolve}; the task then returns
     * to its owner, who decides.
     */
    @Transactional
    public HistoryEntry delegate(long tenantId, String taskId, String user, String toUser, @Nullable String comment) {
        ActiveTask task = approverTask(tenantId, taskId, user);
        requireOtherUser(task, user, toUser);
        suspensions.requireActive(tenantId, task.processInstanceId(), task.businessKey());
        requireNotDelegated(task);

        if (task.assignee() == null) {
            taskService.claim(taskId, user);
        }
        taskService.delegateTask(taskId, toUser);
        tellNewApprover(task, taskId, user, toUser, Operation.DELEGATED);
        return append(task, user, Operation.DELEGATED, toUser, comment);
    }

    /** Gives a delegated task back to its owner with the delegate's opinion. Only the delegate may resolve. */
    @Transactional
    public HistoryEntry resolve(long tenantId, String taskId, String user, @Nullable String comment,
            Evidence evidence) {
        ActiveTask task = approverTask(tenantId, taskId, user);
        Task flowableTask = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (flowableTask.getDelegationState() != DelegationState.PENDING || !user.equals(flowableTask.getAssignee())) {
            throw OperationException.notDelegate(user, task.nodeName().zh());
        }
        evidenceCheck.checkAttachments(tenantId, evidence.attachmentIds());

        taskService.resolveTask(taskId);
        return history.append(new OperationLog.NewEntry(instance(task), taskId, task.nodeId(), task.nodeName().zh(),
                user, Operation.RESOLVED, flowableTask.getOwner(), ApprovalSuspensions.blankToNull(comment),
                evidence.attachmentIds(), null));
    }

    /**
     * Adds a signer (加签) to the task's step. Before: the signer gets a task of their own, and the current task
     * cannot be approved until the signer approved. After: on a countersign the signer joins the step as one more
     * parallel instance, and on a sequential step the signer comes right after the current approver. On a
     * single-approver or or-sign step the signer receives the task once the current approver approved.
     */
    @Transactional
    public HistoryEntry addSigner(long tenantId, String taskId, String user, String signer, SignerPosition position,
            @Nullable String comment) {
        ActiveTask task = approverTask(tenantId, taskId, user);
        requireOtherUser(task, user, signer);
        suspensions.requireActive(tenantId, task.processInstanceId(), task.businessKey());
        requireNotDelegated(task);
        ApproverNode node = Objects.requireNonNull(task.node());
        if (instances.peopleOf(instances.openTasks(task.processInstanceId(), task.nodeId())).contains(signer)
                || hasAddedSigner(tenantId, taskId, signer)) {
            throw OperationException.alreadySigner(signer, task.nodeName().zh());
        }

        if (position == SignerPosition.BEFORE) {
            Task signerTask = taskService.newTask();
            signerTask.setParentTaskId(taskId);
            signerTask.setName(task.nodeName().zh());
            signerTask.setAssignee(signer);
            signerTask.setOwner(user);
            signerTask.setTenantId(FlowableTenant.of(tenantId));
            taskService.saveTask(signerTask);
            signers.add(tenantId, task.processInstanceId(), task.nodeId(), taskId, signerTask.getId(), signer,
                    position, AddedSigners.OPEN, user);
            tellNewApprover(task, signerTask.getId(), user, signer, Operation.SIGNER_ADDED_BEFORE);
            return append(task, user, Operation.SIGNER_ADDED_BEFORE, signer, comment);
        }

        switch (node.mode()) {
            case ALL, RATIO -> runtime.addMultiInstanceExecution(task.nodeId(), task.processInstanceId(),
                    Map.of(ChainVariables.APPROVER, signer));
            case SEQUENTIAL -> sequentialSigners.insertAfter(
                    taskService.createTaskQuery().taskId(taskId).singleResult(), task.nodeId(), signer);
            case SINGLE, ANY -> signers.add(tenantId, task.processInstanceId(), task.nodeId(), taskId, null, signer,
                    position, AddedSigners.QUEUED, user);
        }
        return append(task, user, Operation.SIGNER_ADDED_AFTER, signer, comment);
    }

    /**
     * Removes (减签) a signer who has not decided yet from the task's multi-instance step. Refused for a signer who
     * already decided and for the last open signer of the step.
     */
    @Transactional
    public HistoryEntry removeSigner(long tenantId, String taskId, String user, String signer,
            @Nullable String comment) {
        ActiveTask task = approverTask(tenantId, taskId, user);
        suspensions.requireActive(tenantId, task.processInstanceId(), task.businessKey());
        ApproverNode node = Objects.requireNonNull(task.node());
        String nodeName = task.nodeName().zh();

        for (AddedSigners.Signer added : signers.ofTask(tenantId, taskId, AddedSigners.OPEN)) {
            if (added.signer().equals(signer) && added.signerTaskId() != null) {
                taskService.deleteTask(added.signerTaskId(), "signer removed by " + user);
                signers.setStatus(added.id(), AddedSigners.CANCELLED);
                return append(task, user, Operation.SIGNER_REMOVED, signer, comment);
            }
        }
        for (AddedSigners.Signer queued : signers.ofTask(tenantId, taskId, AddedSigners.QUEUED)) {
            if (queued.signer().equals(signer)) {
                signers.setStatus(queued.id(), AddedSigners.CANCELLED);
                return append(task, user, Operation.SIGNER_REMOVED, signer, comment);
            }
        }
        if (node.mode() == ApprovalMode.SINGLE) {
            throw OperationException.notMultiInstance(nodeName);
        }
        if (node.mode() == ApprovalMode.SEQUENTIAL) {
            return removeSequentialSigner(task, user, signer, comment);
        }

        List<Task> open = instances.openTasks(task.processInstanceId(), task.nodeId());
        Task signerTask = open.stream().filter(candidate -> signer.equals(candidate.getAssignee())).findFirst()
                .orElse(null);
        if (signerTask == null) {
            if (history.hasDecided(tenantId, task.processInstanceId(), task.nodeId(), signer)) {
                throw OperationException.signerDecided(signer, nodeName);
            }
            throw OperationException.signerNotFound(signer, nodeName);
        }
        if (open.size() == 1) {
            throw OperationException.lastSigner(signer, nodeName);
        }
        runtime.deleteMultiInstanceExecution(signerTask.getExecutionId(), false);
        return append(task, user, Operation.SIGNER_REMOVED, signer, comment);
    }

    /**
     * Adds a comment with attachments to a running application without deciding anything. Allowed for the
     * applicant and for anyone with an open task of the instance.
     */
    @Transactional
    public HistoryEntry comment(long tenantId, String processInstanceId, String user, String text,
            List<String> attachmentIds) {
        InstanceRef instance = instances.require(tenantId, processInstanceId);
        List<Task> open = instances.openTasks(processInstanceId);
        Task own = open.stream()
                .filter(task -> taskService.createTaskQuery().taskId(task.getId()).taskCandidateOrAssigned(user)
                        .count() > 0)
                .findFirst()
                .orElse(null);
        if (own == null && !user.equals(instance.applicant())) {
            throw OperationException.notParticipant(user, instance.businessKey());
        }
        String trimmed = ApprovalSuspensions.blankToNull(text);
        if (trimmed == null) {
            throw OperationException.commentRequired(OperationMessages.zh("operation.name.COMMENTED"),
                    instance.businessKey());
        }
        evidenceCheck.checkAttachments(tenantId, attachmentIds);
        String nodeId = own == null ? "" : own.getTaskDefinitionKey();
        String nodeName = own == null ? "" : own.getName();
        return history.append(new OperationLog.NewEntry(instance, own == null ? null : own.getId(), nodeId, nodeName,
                user, Operation.COMMENTED, null, trimmed, attachmentIds, null));
    }

    private HistoryEntry approveAsAddedSigner(ActiveTask task, String user, @Nullable String comment,
            Evidence evidence) {
        suspensions.requireActive(task.tenantId(), task.processInstanceId(), task.businessKey());
        evidenceCheck.check(task.tenantId(), Objects.requireNonNull(task.node()), evidence.signatureFileId(),
                evidence.attachmentIds());
        AddedSigners.Signer signer = signers.bySignerTask(task.tenantId(), task.taskId())
                .orElseThrow(() -> new IllegalStateException("Signer task " + task.taskId() + " has no signer row"));
        signers.setStatus(signer.id(), AddedSigners.DONE);
        taskService.complete(task.taskId());
        return history.append(new OperationLog.NewEntry(instance(task), task.taskId(), task.nodeId(),
                task.nodeName().zh(), user, Operation.APPROVED, null, ApprovalSuspensions.blankToNull(comment),
                evidence.attachmentIds(), evidence.signatureFileId()));
    }

    private HistoryEntry approveAndPass(ActiveTask task, String user, @Nullable String comment, Evidence evidence,
            AddedSigners.Signer next) {
        checkDecision(task, user, comment, Decision.APPROVED);
        TaskDecisionContext context = TaskDecisionContext.of(task, user, comment);
        guards.orderedStream().forEach(guard -> guard.beforeApprove(context));
        evidenceCheck.check(task.tenantId(), Objects.requireNonNull(task.node()), evidence.signatureFileId(),
                evidence.attachmentIds());

        HistoryEntry entry = history.append(new OperationLog.NewEntry(instance(task), task.taskId(), task.nodeId(),
                task.nodeName().zh(), user, Operation.APPROVED, next.signer(), ApprovalSuspensions.blankToNull(comment),
                evidence.attachmentIds(), evidence.signatureFileId()));
        taskService.setAssignee(task.taskId(), next.signer());
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.taskId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
                taskService.deleteCandidateUser(task.taskId(), link.getUserId());
            }
        }
        signers.setStatus(next.id(), AddedSigners.DONE);
        tellNewApprover(task, task.taskId(), user, next.signer(), Operation.SIGNER_ADDED_AFTER);
        return entry;
    }

    private HistoryEntry removeSequentialSigner(ActiveTask task, String user, String signer,
            @Nullable String comment) {
        String nodeName = task.nodeName().zh();
        List<Task> open = instances.openTasks(task.processInstanceId(), task.nodeId());
        if (open.stream().anyMatch(candidate -> signer.equals(candidate.getAssignee()))) {
            throw OperationException.currentSequentialSigner(signer, nodeName);
        }
        if (!sequentialSigners.removeLater(open.getFirst(), task.nodeId(), signer)) {
            if (history.hasDecided(task.tenantId(), task.processInstanceId(), task.nodeId(), signer)) {
                throw OperationException.signerDecided(signer, nodeName);
            }
            throw OperationException.signerNotFound(signer, nodeName);
        }
        return append(task, user, Operation.SIGNER_REMOVED, signer, comment);
    }

    private List<ReturnTarget> returnTargets(ActiveTask task) {
        List<ReturnTarget> targets = new ArrayList<>();
        targets.add(new ReturnTarget(ChainVariables.RESUBMIT_TASK,
                OperationMessages.label("bpmn.resubmit"), true));
        List<String> passedNodes = history.forInstance(task.tenantId(), task.processInstanceId()).stream()
                .filter(entry -> !entry.superseded() && entry.operation() == Operation.APPROVED)
                .map(HistoryEntry::nodeId)
                .distinct()
                .toList();
        for (ApproverNode node : task.flow().approvers()) {
            if (node.id().equals(task.nodeId())) {
                break;
            }
            if (passedNodes.contains(node.id())) {
                targets.add(new ReturnTarget(node.id(), node.name(), false));
            }
        }
        return targets;
    }

    private ActiveTask approverTask(long tenantId, String taskId, String user) {
        ActiveTask task = tasks.require(tenantId, taskId, user);
        if (task.resubmission() || task.addedSigner()) {
            throw OperationException.notApproverTask(task.nodeName().zh());
        }
        return task;
    }

    private void checkDecision(ActiveTask task, String user, @Nullable String comment, Decision decision) {
        TaskDecisionContext context = TaskDecisionContext.of(task, user, comment);
        guards.orderedStream().forEach(guard -> guard.beforeDecision(context, decision));
    }


    private void requireNotDelegated(ActiveTask task) {
        Task flowableTask = taskService.createTaskQuery().taskId(task.taskId()).singleResult();
        if (flowableTask.getDelegationState() == DelegationState.PENDING) {
            throw OperationException.delegated(task.nodeName().zh(), String.valueOf(flowableTask.getAssignee()));
        }
    }

    private static void requireOtherUser(ActiveTask task, String user, String other) {
        if (other.isBlank() || other.equals(user)) {
            throw OperationException.sameUser(other, task.nodeName().zh());
        }
    }

    private static String requireComment(@Nullable String comment, Operation operation, ActiveTask task) {
        String trimmed = ApprovalSuspensions.blankToNull(comment);
        if (trimmed == null) {
            throw OperationException.commentRequired(OperationMessages.zh("operation.name." + operation.name()),
                    task.nodeName().zh());
        }
        return trimmed;
    }

    private boolean hasAddedSigner(long tenantId, String taskId, String signer) {
        return signers.ofTask(tenantId, taskId, AddedSigners.OPEN).stream()
                .anyMatch(added -> added.signer().equals(signer))
                || signers.ofTask(tenantId, taskId, AddedSigners.QUEUED).stream()
                .anyMatch(added -> added.signer().equals(signer));
    }

    private HistoryEntry append(ActiveTask task, String user, Operation operation, @Nullable String target,
            @Nullable String comment) {
        return history.append(new OperationLog.NewEntry(instance(task), task.taskId(), task.nodeId(),
                task.nodeName().zh(), user, operation, target, ApprovalSuspensions.blankToNull(comment), List.of(),
                null));
    }

    /**
     * Tells the user who now has a task that it waits for them. New tasks of the process are reported by
     * {@link TaskAssignmentNotices}; this covers the hand-overs that reuse a task or create one outside the process.
     */
    private void tellNewApprover(ActiveTask task, String taskId, String byUser, String toUser, Operation operation) {
        InstanceRef instance = instance(task);
        String body = OperationMessages.zh("operation.notice.handedOver", notices.name(instance, byUser),
                OperationMessages.zh("operation.name." + operation.name()), notices.label(instance),
                instance.flow().name().zh(), task.nodeName().zh());
        notices.send(instance, ApprovalNoticeKind.TASK_ASSIGNED, List.of(toUser), body, byUser,
                ApprovalNotices.TASKS_PAGE + "/" + taskId);
    }

    private InstanceRef instance(ActiveTask task) {
        return instances.require(task.tenantId(), task.processInstanceId());
    }
}
