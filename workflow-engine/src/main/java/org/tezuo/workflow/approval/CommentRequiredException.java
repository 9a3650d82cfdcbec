package org.tezuo.workflow.approval;

import org.tezuo.workflow.WorkflowException;

/** Thrown when a rejection or a return to the applicant comes without a comment giving the reason. */
public final class CommentRequiredException extends WorkflowException {

    CommentRequiredException(Decision decision, String taskName) {
        super(decision == Decision.REJECTED ? "approval.rejectCommentRequired" : "approval.returnCommentRequired",
                taskName);
    }
}
