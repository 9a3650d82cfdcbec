package org.tezuo.app.permit;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.action.FlowActionContext;
import org.tezuo.workflow.action.FlowActionResult;

/**
 * 风险再确认: passes when every risk item stored with the permit has been marked 已现场核查 or 已升级管控 by an
 * approver since the permit's latest submission. Confirmations from before a return do not count, because the
 * resubmitted permit may carry other risks.
 *
 * <p>NOTE: the permit row takes its new risk items only after the process has started or resumed, so a gate
 * placed before the first approver of a resubmitted permit checks the items of the previous submission.
 */
@Component
class RiskReconfirmationAction extends PermitGateAction {

    static final String CODE = "riskReconfirmation";

    private final PermitStore permits;

    RiskReconfirmationAction(PermitStore permits) {
        super(permits);
        this.permits = permits;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    FlowActionResult check(FlowActionContext context, Permit permit) {
        List<PermitRiskItem> items = permit.riskItems();
        Instant since = permit.submittedAt() == null ? Instant.MIN : permit.submittedAt();
        Set<String> confirmed = permits.confirmations(context.tenantId(), permit.id()).stream()
                .filter(confirmation -> !confirmation.confirmedAt().isBefore(since))
                .map(PermitStore.RiskConfirmation::itemCode)
                .collect(Collectors.toSet());
        List<Integer> missing = UnconfirmedRiskItems.positions(items, confirmed);
        if (missing.isEmpty()) {
            return FlowActionResult.pass();
        }
        return FlowActionResult.fail(label("gate.risk.unconfirmed", locale -> new Object[] {permitName(permit),
                missing.size(), items.size(), UnconfirmedRiskItems.describe(items, missing, locale)}));
    }
}
