package org.tezuo.workflow.operation;

/**
 * What happened in one row of an approval's history. The first four names equal {@link
 * org.tezuo.workflow.approval.Decision} so the decisions recorded before operations existed read the same.
 */
public enum Operation {
    APPROVED,
    REJECTED,
    RETURNED,
    RESUBMITTED,
    /** An approver sent the application back to an earlier approver step. */
    RETURNED_TO_STEP,
    /** 转办: the task moved to another user for good. */
    TRANSFERRED,
    /** 委派: the owner handed the task to a delegate, who works it and gives it back. */
    DELEGATED,
    /** The delegate gave the task back to its owner with an opinion. */
    RESOLVED,
    /** 加签 before: the new signer approves before the current approver may. */
    SIGNER_ADDED_BEFORE,
    /** 加签 after: the new signer approves after the current approver. */
    SIGNER_ADDED_AFTER,
    /** 减签: a signer who had not decided yet was taken off the step. */
    SIGNER_REMOVED,
    /** The applicant withdrew the application before the first approval. */
    WITHDRAWN,
    /** 催办: the applicant urged the open approvers. */
    URGED,
    /** A comment, possibly with attachments, that decides nothing. */
    COMMENTED,
    /** A time limit reminded the open approvers. */
    REMINDED,
    /** A time limit escalated the step to the escalation target. */
    ESCALATED,
    /** A time-out on a safety sign-off suspended the application and escalated it. */
    SUSPENDED,
    /** The escalation target resumed a suspended application. */
    RESUMED,
    /** The chain sent carbon copies (抄送). */
    COPIED,
    /** The chain sent a notification message. */
    NOTIFIED
}
