package org.tezuo.app.permit;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tezuo.app.api.NotFoundException;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.workflow.approval.TaskCompletionGuard;
import org.tezuo.workflow.approval.TaskDecisionContext;

/**
 * Refuses an approval until the approver has confirmed every risk item of the permit on this very task. The
 * check runs in the server whatever the screen shows, so an API call cannot skip it.
 */
@Component
class RiskConfirmationGuard implements TaskCompletionGuard {

    private final PermitStore permits;

    RiskConfirmationGuard(PermitStore permits) {
        this.permits = permits;
    }

    @Override
    public void beforeApprove(TaskDecisionContext context) {
        long permitId = PermitSubmitter.permitIdOf(context.businessKey());
        if (permitId < 0 || !context.node().requiresRiskConfirmation()) {
            return;
        }
        Permit permit = permits.find(context.tenantId(), permitId)
                .orElseThrow(() -> new NotFoundException("作业票", permitId));
        Set<String> confirmed = permits.confirmations(context.tenantId(), permitId).stream()
                .filter(confirmation -> confirmation.taskId().equals(context.taskId())
                        && confirmation.approver().equals(context.approver()))
                .map(PermitStore.RiskConfirmation::itemCode)
                .collect(Collectors.toSet());
        List<String> missing = permit.riskItems().stream()
                .map(PermitRiskItem::code)
                .filter(code -> !confirmed.contains(code))
                .toList();
        if (!missing.isEmpty()) {
            throw new LocalizedException("permit.riskNotConfirmed", permit.permitNumber() == null ? "#" + permitId
                    : permit.permitNumber(), missing.size(), permit.riskItems().size());
        }
    }
}
