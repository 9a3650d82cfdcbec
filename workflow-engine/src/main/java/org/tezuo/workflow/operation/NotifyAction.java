package org.tezuo.workflow.operation;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.workflow.action.FlowAction;
import org.tezuo.workflow.action.FlowActionContext;
import org.tezuo.workflow.action.FlowActionResult;
import org.tezuo.workflow.definition.NotifyNode;

/** The flow action {@code notify}: sends the message of a {@link NotifyNode} to its recipients through {@link ApprovalNotices}. */
@Component
class NotifyAction implements FlowAction {

    static final String CODE = "notify";

    private final Recipients recipients;
    private final ApprovalNotices notices;
    private final OperationLog history;

    NotifyAction(Recipients recipients, ApprovalNotices notices, OperationLog history) {
        this.recipients = recipients;
        this.notices = notices;
        this.history = history;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public FlowActionResult execute(FlowActionContext context) {
        if (!(context.node() instanceof NotifyNode node)) {
            throw new IllegalStateException("Action notify of " + context.flow().reference() + " names node '"
                    + context.node().id() + "', which is no notify node");
        }
        InstanceRef instance = new InstanceRef(context.tenantId(), context.processInstanceId(), context.businessKey(),
                context.flow(), context.applicant(), context.formData());
        List<String> to = recipients.resolve(instance, node.assignee());
        notices.send(instance, ApprovalNoticeKind.NOTIFIED, to, node.message().zh(), null,
                notices.applicationPage(instance));
        history.append(new OperationLog.NewEntry(instance, null, node.id(), node.name().zh(), AuditLog.SYSTEM_ACTOR,
                Operation.NOTIFIED, String.join(",", to), node.message().zh(), List.of(), null));
        return FlowActionResult.pass();
    }
}
