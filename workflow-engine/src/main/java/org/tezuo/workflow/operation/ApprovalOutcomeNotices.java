package org.tezuo.workflow.operation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.workflow.approval.FlowOutcome;
import org.tezuo.workflow.approval.FlowOutcomeListener;
import org.tezuo.workflow.deploy.FlowDeployer;
import org.tezuo.workflow.deploy.FlowDeployment;

/**
 * Tells the applicant through {@link ApprovalNotices} that the approval was approved, rejected or returned for
 * resubmission, naming the approver who decided and quoting the opinion. Runs in the transaction that completes
 * the last task, like every {@link FlowOutcomeListener}.
 */
@Component
class ApprovalOutcomeNotices implements FlowOutcomeListener {

    private final ApprovalNotices notices;
    private final FlowDeployer deployer;

    ApprovalOutcomeNotices(ApprovalNotices notices, FlowDeployer deployer) {
        this.notices = notices;
        this.deployer = deployer;
    }

    @Override
    public void onApproved(FlowOutcome outcome) {
        tellApplicant(outcome, ApprovalNoticeKind.APPROVED);
    }

    @Override
    public void onRejected(FlowOutcome outcome) {
        tellApplicant(outcome, ApprovalNoticeKind.REJECTED);
    }

    @Override
    public void onReturned(FlowOutcome outcome) {
        tellApplicant(outcome, ApprovalNoticeKind.RETURNED);
    }

    private void tellApplicant(FlowOutcome outcome, ApprovalNoticeKind kind) {
        String flowName = deployer.findLatest(outcome.tenantId(), outcome.flowKey(), outcome.flowVersion())
                .map(FlowDeployment::definition)
                .map(flow -> flow.name().zh())
                .orElse(outcome.flowKey());
        ApprovalNotices.Approval approval = new ApprovalNotices.Approval(outcome.tenantId(),
                outcome.processInstanceId(), outcome.businessKey(), flowName);
        String decidedBy = outcome.decidedBy();
        boolean bySystem = decidedBy == null || AuditLog.SYSTEM_ACTOR.equals(decidedBy);
        String decider = bySystem ? OperationMessages.zh("operation.notice.system")
                : notices.name(outcome.tenantId(), decidedBy);
        String body = OperationMessages.zh("operation.notice." + kind.name(),
                notices.label(outcome.tenantId(), outcome.businessKey()), flowName,
                decider, opinion(outcome.comment()));
        notices.send(approval, kind, List.of(outcome.applicant()), body, bySystem ? null : decidedBy,
                notices.applicationPage(outcome.tenantId(), outcome.businessKey()));
    }

    private static String opinion(@Nullable String comment) {
        return comment == null || comment.isBlank() ? "" : OperationMessages.zh("operation.notice.opinion", comment);
    }
}
