package org.tezuo.workflow.operation;

import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.approval.Decision;
import org.tezuo.workflow.approval.TaskCompletionGuard;
import org.tezuo.workflow.approval.TaskDecisionContext;

/**
 * Vetoes decisions the operations forbid: any decision on a suspended application or by the delegate of a
 * delegated task, and approval while a signer added before the approver has not approved yet. A rejection or a
 * return cancels the open tasks of signers added before the approver.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OperationGuard implements TaskCompletionGuard {

    private final ApprovalSuspensions suspensions;
    private final AddedSigners signers;

    OperationGuard(ApprovalSuspensions suspensions, AddedSigners signers) {
        this.suspensions = suspensions;
        this.signers = signers;
    }

    @Override
    public void beforeDecision(TaskDecisionContext context, Decision decision) {
        suspensions.requireActive(context.tenantId(), context.processInstanceId(), context.businessKey());
        if (context.delegate() != null) {
            throw OperationException.delegated(context.node().name().zh(), context.delegate());
        }
        if (decision != Decision.APPROVED) {
            // A rejection or return ends the step, so the opinions still awaited from added signers lapse.
            signers.cancelBefore(context.tenantId(), context.taskId(), decision.name().toLowerCase(Locale.ROOT)
                    + " by " + context.approver());
        }
    }

    @Override
    public void beforeApprove(TaskDecisionContext context) {
        List<String> pending = signers.ofTask(context.tenantId(), context.taskId(), AddedSigners.OPEN).stream()
                .filter(signer -> signer.position() == SignerPosition.BEFORE)
                .map(AddedSigners.Signer::signer)
                .toList();
        if (!pending.isEmpty()) {
            throw OperationException.signersPending(context.node().name().zh(), String.join("、", pending));
        }
    }
}
