package org.tezuo.workflow.operation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.workflow.approval.ApprovalHistory;

/**
 * Writes and reads the rows of {@code approval_record} for every operation, each with its audit record. Decisions
 * taken through {@code ApprovalDecider} are written by {@link ApprovalHistory} into the same table.
 */
@Component
class OperationLog {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    OperationLog(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A row to append.
     *
     * @param taskId the task acted on, or null for instance-wide operations
     * @param nodeId the node, or empty for instance-wide operations
     */
    record NewEntry(InstanceRef instance, @Nullable String taskId, String nodeId, String nodeName, String actor,
            Operation operation, @Nullable String target, @Nullable String comment, List<String> attachmentIds,
            @Nullable String signatureFileId) {
    }

    /** Appends a row happening now and its audit record, and returns the row. */
    HistoryEntry append(NewEntry entry) {
        Instant now = clock.instant();
        InstanceRef instance = entry.instance();
        String attachments = entry.attachmentIds().isEmpty() ? null : String.join(",", entry.attachmentIds());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into approval_record (tenant_id, process_instance_id, business_key, flow_key, flow_version,
                                             task_id, node_id, node_name, actor, decision, comment_text, decided_at,
                                             target, attachment_ids, signature_file_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(instance.tenantId(), instance.processInstanceId(), instance.businessKey(),
                        instance.flow().key(), instance.flow().version(), entry.taskId(), entry.nodeId(),
                        entry.nodeName(), entry.actor(), entry.operation().name(), entry.comment(),
                        Timestamp.from(now), entry.target(), attachments, entry.signatureFileId())
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey(), "generated id").longValue();

        Map<String, Object> state = new LinkedHashMap<>();
        state.put("businessKey", instance.businessKey());
        state.put("node", entry.nodeId());
        state.put("taskId", entry.taskId());
        state.put("target", entry.target());
        state.put("comment", entry.comment());
        state.put("attachments", entry.attachmentIds());
        state.put("signature", entry.signatureFileId());
        audit.append(instance.tenantId(), entry.actor(), "approval." + entry.operation().name().toLowerCase(Locale.ROOT),
                ApprovalHistory.AUDIT_SUBJECT, instance.processInstanceId(), null, state);
        return new HistoryEntry(id, instance.processInstanceId(), instance.businessKey(), entry.nodeId(),
                entry.nodeName(), entry.actor(), entry.operation(), entry.target(), entry.comment(),
                entry.attachmentIds(), entry.signatureFileId(), now, false, null, null);
    }

    /**
     * Marks every row of the instance at one of {@code nodeIds} as superseded by {@code user}, and returns how many
     * rows it marked. Rows already superseded keep their first supersession.
     */
    int supersede(long tenantId, String processInstanceId, Collection<String> nodeIds, String user, String reason) {
        if (nodeIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                update approval_record set superseded = true, superseded_by = :user, superseded_reason = :reason,
                                           superseded_at = :at
                where tenant_id = :tenant and process_instance_id = :instance and node_id in (:nodes)
                  and superseded = false""")
                .param("user", user)
                .param("reason", reason)
                .param("at", Timestamp.from(clock.instant()))
                .param("tenant", tenantId)
                .param("instance", processInstanceId)
                .param("nodes", List.copyOf(nodeIds))
                .update();
    }

    /** Returns the rows of one instance, oldest first. */
    List<HistoryEntry> forInstance(long tenantId, String processInstanceId) {
        return jdbc.sql("select * from approval_record where tenant_id = ? and process_instance_id = ? order by id")
                .params(tenantId, processInstanceId)
                .query(OperationLog::map)
                .list();
    }

    /** Returns the rows of every instance of a business key, oldest first. */
    List<HistoryEntry> forBusinessKey(long tenantId, String businessKey) {
        return jdbc.sql("select * from approval_record where tenant_id = ? and business_key = ? order by id")
                .params(tenantId, businessKey)
                .query(OperationLog::map)
                .list();
    }

    /** Returns the newest row of {@code operation} on one task. */
    Optional<HistoryEntry> latestOfTask(long tenantId, String taskId, Operation operation) {
        return jdbc.sql("""
                select * from approval_record where tenant_id = ? and task_id = ? and decision = ?
                order by id desc limit 1""")
                .params(tenantId, taskId, operation.name())
                .query(OperationLog::map)
                .optional();
    }

    /** Returns when the operation last happened on the instance, if ever. */
    Optional<Instant> lastTime(long tenantId, String processInstanceId, Operation operation) {
        return jdbc.sql("""
                select max(decided_at) from approval_record
                where tenant_id = ? and process_instance_id = ? and decision = ?""")
                .params(tenantId, processInstanceId, operation.name())
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /** Returns the users with a row of {@code operation} on the instance that is not superseded, in order. */
    List<String> actorsOf(long tenantId, String processInstanceId, Operation operation) {
        return jdbc.sql("""
                select actor from approval_record
                where tenant_id = ? and process_instance_id = ? and decision = ? and superseded = false order by id""")
                .params(tenantId, processInstanceId, operation.name())
                .query(String.class)
                .list();
    }

    /** Returns whether {@code user} has a row of {@code operation} at the node that is not superseded. */
    boolean hasDecided(long tenantId, String processInstanceId, String nodeId, String user) {
        return jdbc.sql("""
                select count(*) from approval_record
                where tenant_id = ? and process_instance_id = ? and node_id = ? and actor = ? and superseded = false
                  and decision in ('APPROVED', 'REJECTED', 'RETURNED', 'RETURNED_TO_STEP')""")
                .params(tenantId, processInstanceId, nodeId, user)
                .query(Long.class)
                .single() > 0;
    }

    /** Returns whether the user has any row on the instance. */
    boolean participated(long tenantId, String processInstanceId, String user) {
        return jdbc.sql("""
                select count(*) from approval_record where tenant_id = ? and process_instance_id = ? and actor = ?""")
                .params(tenantId, processInstanceId, user)
                .query(Long.class)
                .single() > 0;
    }

    private static HistoryEntry map(ResultSet rs, int row) throws SQLException {
        String attachments = rs.getString("attachment_ids");
        Timestamp at = rs.getTimestamp("decided_at");
        return new HistoryEntry(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("business_key"),
                rs.getString("node_id"), rs.getString("node_name"), rs.getString("actor"),
                Operation.valueOf(rs.getString("decision")), rs.getString("target"), rs.getString("comment_text"),
                attachments == null ? List.of() : Arrays.asList(attachments.split(",")),
                rs.getString("signature_file_id"), at.toInstant(), rs.getBoolean("superseded"),
                rs.getString("superseded_by"), rs.getString("superseded_reason"));
    }
}
