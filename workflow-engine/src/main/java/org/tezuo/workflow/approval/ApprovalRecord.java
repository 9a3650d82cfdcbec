package org.tezuo.workflow.approval;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One decision in the history of an approval.
 *
 * @param processInstanceId Flowable process instance id
 * @param businessKey the application's key
 * @param nodeId node id, or {@code tz_resubmit} for the applicant's resubmission
 * @param nodeName node name in Simplified Chinese
 * @param actor user name of the person who decided
 * @param decision what they decided
 * @param comment their comment, when they wrote one
 * @param decidedAt when they decided
 */
public record ApprovalRecord(
        String processInstanceId,
        String businessKey,
        String nodeId,
        String nodeName,
        String actor,
        Decision decision,
        @Nullable String comment,
        Instant decidedAt) {
}
