package org.tezuo.workflow.operation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operations an approver takes on an open task besides reject and return to the applicant. The acting user must
 * be the task's assignee or one of its candidates. Each operation writes one history row and one audit record in
 * the transaction that changes the process, so either everything or nothing is saved.
 */
@Component
public class ApprovalOperations {

    /**
     * Approves a task, with a handwritten signature and attachments. A signature is required when the node
     * requires one and refused otherwise. An added signer's task (加签 before) is completed without moving the
     * chain; a task with open before-signers or of a suspended application cannot be approved. When an
     * after-signer was added to a single-approver node, the task passes to that signer instead of completing.
     */
    @Transactional
    public HistoryEntry approve(long tenantId, String taskId, String user, @Nullable String comment,
            Evidence evidence) {
        throw new UnsupportedOperationException();
    }

    /** Returns the steps the task may be returned to, the applicant first, then the passed approver nodes in order. */
    public List<ReturnTarget> returnTargets(long tenantId, String taskId, String user) {
        throw new UnsupportedOperationException();
    }

    /**
     * Returns the application to an earlier approver node, or to the applicant with {@code tz_resubmit}. Every
     * active step of the instance ends, including the other branches and signers of a multi-instance step. History
     * rows from the target step onward stay but are marked superseded, and a re-entered countersign starts with
     * fresh counters. The comment is required.
     */
    @Transactional
    public HistoryEntry returnTo(long tenantId, String taskId, String user, String targetNodeId, String comment) {
        throw new UnsupportedOperationException();
    }

    /** Transfers (转办) the task to {@code toUser} for good; the acting user no longer sees it. */
    @Transactional
    public HistoryEntry transfer(long tenantId, String taskId, String user, String toUser, @Nullable String comment) {
        throw new UnsupportedOperationException();
    }

    /**
     * Delegates (委派) the task to {@code toUser}, who gives an opinion with {@link #resolve}; the task then returns
     * to its owner, who decides.
     */
    @Transactional
    public HistoryEntry delegate(long tenantId, String taskId, String user, String toUser, @Nullable String comment) {
        throw new UnsupportedOperationException();
    }

    /** Gives a delegated task back to its owner with the delegate's opinion. Only the delegate may resolve. */
    @Transactional
    public HistoryEntry resolve(long tenantId, String taskId, String user, @Nullable String comment,
            Evidence evidence) {
        throw new UnsupportedOperationException();
    }

    /**
     * Adds a signer (加签) to the task's step. Before: the signer gets a task of their own, and the current task
     * cannot be approved until the signer approved. After: on a countersign or sequential step the signer joins the
     * step as one more instance after the current approver; on a single-approver step the signer receives the task
     * when the current approver approves.
     */
    @Transactional
    public HistoryEntry addSigner(long tenantId, String taskId, String user, String signer, SignerPosition position,
            @Nullable String comment) {
        throw new UnsupportedOperationException();
    }

    /**
     * Removes (减签) a signer who has not decided yet from the task's multi-instance step. Refused for a signer who
     * already decided and for the last open signer of the step.
     */
    @Transactional
    public HistoryEntry removeSigner(long tenantId, String taskId, String user, String signer,
            @Nullable String comment) {
        throw new UnsupportedOperationException();
    }

    /**
     * Adds a comment with attachments to a running application without deciding anything. Allowed for the
     * applicant and for anyone with an open task of the instance.
     */
    @Transactional
    public HistoryEntry comment(long tenantId, String processInstanceId, String user, String text,
            List<String> attachmentIds) {
        throw new UnsupportedOperationException();
    }
}
