package org.tezuo.app.permit;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tezuo.app.api.NotFoundException;
import org.tezuo.workflow.approval.TaskCompletionGuard;
import org.tezuo.workflow.approval.TaskDecisionContext;

/**
 * Rejects an approval until the approver has confirmed every risk item of the permit on this very task, naming
 * the items still unconfirmed. The check runs in the server whatever the screen shows, so an API call cannot skip
 * it.
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
        List<PermitRiskItem> items = permit.riskItems();
        List<Integer> missing = UnconfirmedRiskItems.positions(items, confirmed);
        if (!missing.isEmpty()) {
            throw new RiskNotConfirmedException(PermitGateAction.permitName(permit), items, missing);
        }
    }
}
