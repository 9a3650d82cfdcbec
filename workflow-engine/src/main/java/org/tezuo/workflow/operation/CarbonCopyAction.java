package org.tezuo.workflow.operation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.workflow.action.FlowAction;
import org.tezuo.workflow.action.FlowActionContext;
import org.tezuo.workflow.action.FlowActionResult;
import org.tezuo.workflow.definition.CcNode;

/** The flow action {@code cc}: stores a carbon copy (抄送) of the application for every recipient of a {@link CcNode}. */
@Component
class CarbonCopyAction implements FlowAction {

    static final String CODE = "cc";

    private final Recipients recipients;
    private final OperationLog history;
    private final JdbcClient jdbc;
    private final Clock clock;

    CarbonCopyAction(Recipients recipients, OperationLog history, JdbcClient jdbc, Clock clock) {
        this.recipients = recipients;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public FlowActionResult execute(FlowActionContext context) {
        if (!(context.node() instanceof CcNode node)) {
            throw new IllegalStateException("Action cc of " + context.flow().reference() + " names node '"
                    + context.node().id() + "', which is no carbon-copy node");
        }
        InstanceRef instance = new InstanceRef(context.tenantId(), context.processInstanceId(), context.businessKey(),
                context.flow(), context.applicant(), context.formData());
        List<String> copiedTo = recipients.resolve(instance, node.assignee());
        Timestamp now = Timestamp.from(clock.instant());
        for (String recipient : copiedTo) {
            jdbc.sql("""
                    insert into approval_copy (tenant_id, process_instance_id, business_key, flow_key, node_id,
                                               node_name, recipient, copied_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(context.tenantId(), context.processInstanceId(), context.businessKey(),
                            context.flow().key(), node.id(), node.name().zh(), recipient, now)
                    .update();
        }
        history.append(new OperationLog.NewEntry(instance, null, node.id(), node.name().zh(), AuditLog.SYSTEM_ACTOR,
                Operation.COPIED, String.join(",", copiedTo), null, List.of(), null));
        return FlowActionResult.pass();
    }
}
