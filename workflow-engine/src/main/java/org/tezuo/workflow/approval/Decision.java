package org.tezuo.workflow.approval;

/** What a person did at a task; the names equal the {@code DECISION_*} values the compiled gateways route on. */
public enum Decision {
    APPROVED,
    REJECTED,
    RETURNED,
    RESUBMITTED
}
