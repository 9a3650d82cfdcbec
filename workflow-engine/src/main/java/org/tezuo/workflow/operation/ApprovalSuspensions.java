package org.tezuo.workflow.operation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.tenant.UserNames;

/**
 * The suspension of safety sign-offs after a time-out. While an application is suspended, no user can approve,
 * reject or return its tasks; the escalation target resumes it and may then decide the open tasks.
 */
@Component
public class ApprovalSuspensions {

    /**
     * An open suspension.
     *
     * @param escalatedTo the users the escalation went to, who may resume
     */
    record Suspension(long id, String nodeId, List<String> escalatedTo) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RunningInstances instances;
    private final OperationLog log;
    private final OutcomeEvents events;
    private final UserNames names;

    ApprovalSuspensions(JdbcClient jdbc, Clock clock, RunningInstances instances, OperationLog log,
            OutcomeEvents events, UserNames names) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.instances = instances;
        this.log = log;
        this.events = events;
        this.names = names;
    }

    /** Returns whether the application is suspended now. */
    public boolean isSuspended(long tenantId, String processInstanceId) {
        return open(tenantId, processInstanceId).isPresent();
    }

    /**
     * Resumes a suspended application and notifies every {@code FlowOutcomeListener}. Only a user the escalation went
     * to may resume.
     */
    @Transactional
    public HistoryEntry resume(long tenantId, String processInstanceId, String user, @Nullable String comment) {
        InstanceRef instance = instances.require(tenantId, processInstanceId);
        Suspension suspension = open(tenantId, processInstanceId)
                .orElseThrow(() -> OperationException.notSuspended(instance.businessKey()));
        if (!suspension.escalatedTo().contains(user)) {
            throw OperationException.notEscalationTarget(user, instance.businessKey(),
                    names.join(tenantId, suspension.escalatedTo()));
        }
        jdbc.sql("update approval_suspension set resumed_at = ?, resumed_by = ? where id = ?")
                .params(Timestamp.from(clock.instant()), user, suspension.id())
                .update();
        String nodeName = instance.flow().node(suspension.nodeId()).map(node -> node.name().zh()).orElse("");
        HistoryEntry entry = log.append(new OperationLog.NewEntry(instance, null, suspension.nodeId(), nodeName, user,
                Operation.RESUMED, null, blankToNull(comment), List.of(), null));
        events.resumed(instance, user, blankToNull(comment));
        return entry;
    }

    /** Suspends the application at a node; the escalation targets may resume it. */
    void suspend(InstanceRef instance, String nodeId, List<String> escalatedTo) {
        jdbc.sql("""
                insert into approval_suspension (tenant_id, process_instance_id, node_id, escalated_to, suspended_at)
                values (?, ?, ?, ?, ?)""")
                .params(instance.tenantId(), instance.processInstanceId(), nodeId, String.join(",", escalatedTo),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Rejects any decision while the application is suspended.
     *
     * @throws OperationException naming the escalation targets who can resume it
     */
    void requireActive(long tenantId, String processInstanceId, String businessKey) {
        Optional<Suspension> suspension = open(tenantId, processInstanceId);
        if (suspension.isPresent()) {
            throw OperationException.suspended(businessKey, suspension.get().nodeId(),
                    names.join(tenantId, suspension.get().escalatedTo()));
        }
    }

    Optional<Suspension> open(long tenantId, String processInstanceId) {
        return jdbc.sql("""
                select id, node_id, escalated_to from approval_suspension
                where tenant_id = ? and process_instance_id = ? and resumed_at is null order by id desc limit 1""")
                .params(tenantId, processInstanceId)
                .query((rs, row) -> new Suspension(rs.getLong("id"), rs.getString("node_id"),
                        Arrays.stream(rs.getString("escalated_to").split(",")).filter(name -> !name.isBlank())
                                .toList()))
                .optional();
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
