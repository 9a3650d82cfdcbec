package org.tezuo.workflow.approval;

/**
 * Receives the outcomes of approvals, for example to issue the permit on final approval. Every Spring bean of
 * this type is called inside the transaction that completes the last task, so an exception rolls the decision
 * back and leaves the task open.
 */
public interface FlowOutcomeListener {

    /** Called when the last node approved. */
    default void onApproved(FlowOutcome outcome) {
    }

    /** Called when a node rejected the application; the approval has ended. */
    default void onRejected(FlowOutcome outcome) {
    }

    /** Called when a node returned the application to the applicant for resubmission. */
    default void onReturned(FlowOutcome outcome) {
    }

    /** Called when the applicant withdrew the application before the first approval; the approval has ended. */
    default void onWithdrawn(FlowOutcome outcome) {
    }

    /**
     * Called when a time-out suspended a safety sign-off; {@code decidedBy} is {@code system} and the comment names
     * the escalation target.
     */
    default void onSuspended(FlowOutcome outcome) {
    }

    /** Called when the escalation target resumed a suspended application. */
    default void onResumed(FlowOutcome outcome) {
    }
}
