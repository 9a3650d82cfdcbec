package org.tezuo.workflow.approval;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.tezuo.core.i18n.LocalizedException;

/** Vetoes approvals of nodes that require risk confirmation by approvers a test marks, per tenant, as unconfirmed. */
@Component
public class RiskConfirmationGuard implements TaskCompletionGuard {

    private final Set<String> unconfirmedApprovers = ConcurrentHashMap.newKeySet();

    public void markUnconfirmed(long tenantId, String approver) {
        unconfirmedApprovers.add(tenantId + "/" + approver);
    }

    @Override
    public void beforeApprove(TaskDecisionContext context) {
        if (context.node().requiresRiskConfirmation() && unconfirmedApprovers.contains(context.tenantId() + "/" + context.approver())) {
            throw new LocalizedException("test.riskNotConfirmed", context.approver(), context.node().id());
        }
    }
}
