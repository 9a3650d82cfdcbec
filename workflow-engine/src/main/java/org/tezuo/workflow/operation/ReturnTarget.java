package org.tezuo.workflow.operation;

import org.tezuo.workflow.definition.Label;

/**
 * A step a task may be returned to: an approver node the application already passed, or the applicant.
 *
 * @param nodeId approver node id, or {@code tz_resubmit} for the applicant
 * @param name node name, or the resubmission step's name for the applicant
 * @param applicant whether the target is the applicant's resubmission
 */
public record ReturnTarget(String nodeId, Label name, boolean applicant) {
}
