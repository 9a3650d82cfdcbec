package org.tezuo.workflow.operation;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Operations the applicant takes on their own running application: withdraw (撤回) and urge (催办). */
@Component
public class ApplicantOperations {

    /**
     * Withdraws the application, which ends it as withdrawn and tells every {@code FlowOutcomeListener}. Allowed
     * only to the applicant, only when the flow permits withdrawal, and only before anyone approved.
     */
    @Transactional
    public HistoryEntry withdraw(long tenantId, String processInstanceId, String applicant,
            @Nullable String comment) {
        throw new UnsupportedOperationException();
    }

    /**
     * Sends a reminder (催办) to the approvers of every open task of the application. Allowed to the applicant at
     * most once per {@code tezuo.workflow.urge-interval} (default 30 minutes) per application.
     */
    @Transactional
    public HistoryEntry urge(long tenantId, String processInstanceId, String applicant, @Nullable String comment) {
        throw new UnsupportedOperationException();
    }
}
