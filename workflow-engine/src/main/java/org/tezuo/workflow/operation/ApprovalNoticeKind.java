package org.tezuo.workflow.operation;

import java.util.Locale;

/**
 * The event an approval notice reports. Each kind has its own notice topic, {@code approval.} followed by the kind in
 * lower case with hyphens, so a tenant can send, for example, only urges to a group robot.
 */
public enum ApprovalNoticeKind {
    /** A task waits for the recipient: a new step, a transfer (转办), a delegation (委派) or an added signer (加签). */
    TASK_ASSIGNED,
    /** The applicant urged (催办) the open approvers. */
    URGED,
    /** A time limit reminded the open approvers. */
    REMINDED,
    /** A time limit escalated the step to the recipient. */
    ESCALATED,
    /** A notify node of the chain sent its message. */
    NOTIFIED,
    /** The applicant's approval was approved by its last step. */
    APPROVED,
    /** The applicant's approval was rejected. */
    REJECTED,
    /** The applicant's approval was returned for resubmission. */
    RETURNED;

    /** Returns the notice topic, such as {@code approval.task-assigned}. */
    public String topic() {
        return ApprovalNotices.TOPIC_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
