package org.tezuo.workflow.approval;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tezuo.workflow.definition.Label;

/**
 * An open task as a user's task list shows it.
 *
 * @param taskId Flowable task id, passed back to {@link ApprovalDecider}
 * @param processInstanceId Flowable process instance id
 * @param businessKey the application's key
 * @param flowKey flow document key
 * @param flowVersion flow document version the approval runs on
 * @param nodeId node id, or {@code tz_resubmit} for the applicant's resubmission
 * @param nodeName node name
 * @param resubmission whether this is the applicant's resubmission task rather than an approval
 * @param requiresRiskConfirmation whether the approver must confirm every risk item before approving
 * @param assignee the user the task is assigned to, or null while it is offered to several candidates
 * @param createdAt when the task was created
 */
public record ApprovalTask(
        String taskId,
        String processInstanceId,
        String businessKey,
        String flowKey,
        int flowVersion,
        String nodeId,
        Label nodeName,
        boolean resubmission,
        boolean requiresRiskConfirmation,
        @Nullable String assignee,
        Instant createdAt) {
}
