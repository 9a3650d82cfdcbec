package org.tezuo.workflow.operation;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The suspension of safety sign-offs after a time-out. While an application is suspended nobody can approve,
 * reject or return its tasks; the escalation target resumes it and may then decide the open tasks.
 */
@Component
public class ApprovalSuspensions {

    /** Returns whether the application is suspended now. */
    public boolean isSuspended(long tenantId, String processInstanceId) {
        throw new UnsupportedOperationException();
    }

    /**
     * Resumes a suspended application and tells every {@code FlowOutcomeListener}. Only a user the escalation went
     * to may resume.
     */
    @Transactional
    public HistoryEntry resume(long tenantId, String processInstanceId, String user, @Nullable String comment) {
        throw new UnsupportedOperationException();
    }
}
