package org.tezuo.app.ui.approval;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitApprovals;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.permit.PermitSubmitter;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.Role;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.workflow.approval.ApprovalDecider;
import org.tezuo.workflow.approval.ApprovalInbox;
import org.tezuo.workflow.approval.ApprovalTask;
import org.tezuo.workflow.approval.InboxFilter;
import org.tezuo.workflow.operation.ApplicantOperations;
import org.tezuo.workflow.operation.ApprovalOperations;
import org.tezuo.workflow.operation.Evidence;
import org.tezuo.workflow.operation.HistoryEntry;
import org.tezuo.workflow.operation.InstanceHistory;
import org.tezuo.workflow.operation.ReturnTarget;
import org.tezuo.workflow.operation.SignerPosition;

/**
 * The operations of the task page and the permit page, for the signed-in user. Reject and return to the
 * applicant go through {@link PermitApprovals}, which audits them against the permit. Every other operation goes
 * to the workflow engine's operation services, which write the history row and the audit record themselves. They
 * also route an approval through added signers (加签), which the plain decision would skip.
 */
@Component
public class ApprovalCommands {

    private final ApprovalInbox inbox;
    private final PermitStore permits;
    private final PermitApprovals approvals;
    private final ApprovalOperations operations;
    private final ApplicantOperations applicantOperations;
    private final InstanceHistory history;
    private final TaskParticipants participants;
    private final ApprovalDecider decider;

    ApprovalCommands(ApprovalInbox inbox, PermitStore permits, PermitApprovals approvals,
            ApprovalOperations operations, ApplicantOperations applicantOperations, InstanceHistory history,
            TaskParticipants participants, ApprovalDecider decider) {
        this.inbox = inbox;
        this.permits = permits;
        this.approvals = approvals;
        this.operations = operations;
        this.applicantOperations = applicantOperations;
        this.history = history;
        this.participants = participants;
        this.decider = decider;
    }

    /** An open task of the user with its permit, when the business key names one, and its Flowable facts. */
    public record OpenTask(ApprovalTask task, @Nullable Permit permit, TaskParticipants.Facts facts) {
    }

    /**
     * Finds an open task of the user: assigned, offered to the user, or offered to one of the user's roles. A task
     * of another user or tenant is not found.
     */
    public Optional<OpenTask> find(CurrentUser user, String taskId) {
        List<String> roles = user.roles().stream().map(Role::code).toList();
        return inbox.todo(user.tenantId(), user.username(), roles, InboxFilter.ALL).stream()
                .filter(task -> task.taskId().equals(taskId))
                .findFirst()
                .flatMap(task -> participants.of(user.tenantId(), taskId, user.username())
                        .map(facts -> new OpenTask(task, permitOf(user.tenantId(), task.businessKey()), facts)));
    }

    /**
     * Approves, or for a task delegated to the user, gives it back to its owner with the opinion. The signature
     * and attachments are stored-file ids.
     */
    public void approve(CurrentUser user, OpenTask open, @Nullable String comment, Evidence evidence) {
        String taskId = open.task().taskId();
        if (open.facts().delegatedToUser()) {
            operations.resolve(user.tenantId(), taskId, user.username(), comment, evidence);
        } else {
            operations.approve(user.tenantId(), taskId, user.username(), comment, evidence);
        }
    }

    public void reject(CurrentUser user, OpenTask open, String comment) {
        if (open.permit() != null) {
            approvals.reject(actor(user), open.task().taskId(), comment);
        } else {
            decider.reject(user.tenantId(), open.task().taskId(), user.username(), comment);
        }
    }

    public List<ReturnTarget> returnTargets(CurrentUser user, OpenTask open) {
        return operations.returnTargets(user.tenantId(), open.task().taskId(), user.username());
    }

    /** Returns the application to the applicant, or to an earlier approver step. */
    public void returnTo(CurrentUser user, OpenTask open, ReturnTarget target, String comment) {
        if (target.applicant() && open.permit() != null) {
            approvals.returnToApplicant(actor(user), open.task().taskId(), comment);
        } else {
            operations.returnTo(user.tenantId(), open.task().taskId(), user.username(), target.nodeId(), comment);
        }
    }

    public void transfer(CurrentUser user, OpenTask open, String toUser, @Nullable String comment) {
        operations.transfer(user.tenantId(), open.task().taskId(), user.username(), toUser, comment);
    }

    public void delegate(CurrentUser user, OpenTask open, String toUser, @Nullable String comment) {
        operations.delegate(user.tenantId(), open.task().taskId(), user.username(), toUser, comment);
    }

    public void addSigner(CurrentUser user, OpenTask open, String signer, SignerPosition position,
            @Nullable String comment) {
        operations.addSigner(user.tenantId(), open.task().taskId(), user.username(), signer, position, comment);
    }

    public void removeSigner(CurrentUser user, OpenTask open, String signer, @Nullable String comment) {
        operations.removeSigner(user.tenantId(), open.task().taskId(), user.username(), signer, comment);
    }

    /** Adds a comment with attachments to the running application without deciding anything. */
    public void comment(CurrentUser user, String processInstanceId, String text, List<String> attachmentIds) {
        operations.comment(user.tenantId(), processInstanceId, user.username(), text, attachmentIds);
    }

    /** Withdraws the user's own permit before its first approval. */
    public void withdraw(CurrentUser user, Permit permit, @Nullable String comment) {
        applicantOperations.withdraw(user.tenantId(), requireProcess(permit), user.username(), comment);
    }

    /** Urges the open approvers of the user's own permit. */
    public void urge(CurrentUser user, Permit permit, @Nullable String comment) {
        applicantOperations.urge(user.tenantId(), requireProcess(permit), user.username(), comment);
    }

    /** Returns the history of every approval of the permit, oldest first, superseded rows included. */
    public List<HistoryEntry> history(long tenantId, Permit permit) {
        return history.entriesForBusinessKey(tenantId, PermitSubmitter.businessKey(permit.id()));
    }

    /** Returns the history of one approval, oldest first, superseded rows included. */
    public List<HistoryEntry> history(long tenantId, String processInstanceId) {
        return history.entries(tenantId, processInstanceId);
    }

    private @Nullable Permit permitOf(long tenantId, String businessKey) {
        long permitId = PermitSubmitter.permitIdOf(businessKey);
        return permitId < 0 ? null : permits.find(tenantId, permitId).orElse(null);
    }

    private static String requireProcess(Permit permit) {
        if (permit.processInstanceId() == null) {
            throw new IllegalStateException("Permit " + permit.id() + " has no approval process");
        }
        return permit.processInstanceId();
    }

    /** Returns the actor of permit decisions. They render no text in the actor's locale, so the default serves. */
    private static Actor actor(CurrentUser user) {
        return new Actor(user.tenantId(), user.username(), UserMessages.DEFAULT_LOCALE);
    }
}
