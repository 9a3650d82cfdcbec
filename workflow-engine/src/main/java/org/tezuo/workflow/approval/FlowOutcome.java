package org.tezuo.workflow.approval;

import org.jspecify.annotations.Nullable;

/**
 * How an approval ended, or that it went back to the applicant.
 *
 * @param tenantId Tezuo tenant id
 * @param processInstanceId Flowable process instance id
 * @param businessKey the application's key
 * @param flowKey flow document key
 * @param flowVersion flow document version
 * @param applicant user name of the applicant
 * @param decidedBy user name of the person who took the last decision
 * @param comment that person's comment, when given
 */
public record FlowOutcome(
        long tenantId,
        String processInstanceId,
        String businessKey,
        String flowKey,
        int flowVersion,
        String applicant,
        String decidedBy,
        @Nullable String comment) {
}
