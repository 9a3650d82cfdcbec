package org.tezuo.workflow.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tezuo.core.audit.AuditLog;

/**
 * Records and lists the decisions taken on approvals, oldest first, in the table {@code approval_record}. Each
 * decision is also appended to the audit log. The table also stores the other operations of {@code
 * org.tezuo.workflow.operation}, which these lists leave out.
 */
@Component
public class ApprovalHistory {

    /** Audit subject type of approval records; the subject id is the process instance id. */
    public static final String AUDIT_SUBJECT = "approval";
    private static final String DECISIONS = "decision in ('APPROVED', 'REJECTED', 'RETURNED', 'RESUBMITTED')";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    public ApprovalHistory(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** Returns the decisions on one process instance of the tenant, oldest first. */
    public List<ApprovalRecord> forInstance(long tenantId, String processInstanceId) {
        return jdbc.sql("""
                select * from approval_record where tenant_id = ? and process_instance_id = ? and %s
                order by decided_at, id""".formatted(DECISIONS))
                .params(tenantId, processInstanceId)
                .query(ApprovalHistory::map)
                .list();
    }

    /** Returns the decisions on every approval of a business key in the tenant, oldest first. */
    public List<ApprovalRecord> forBusinessKey(long tenantId, String businessKey) {
        return jdbc.sql("""
                select * from approval_record where tenant_id = ? and business_key = ? and %s
                order by decided_at, id""".formatted(DECISIONS))
                .params(tenantId, businessKey)
                .query(ApprovalHistory::map)
                .list();
    }

    /** Appends a decision taken now with its audit record and returns it. */
    ApprovalRecord append(ActiveTask task, String actor, Decision decision, @Nullable String comment,
            @Nullable String signatureFileId, List<String> attachmentIds) {
        Instant now = clock.instant();
        String attachments = attachmentIds.isEmpty() ? null : String.join(",", attachmentIds);
        jdbc.sql("""
                insert into approval_record (tenant_id, process_instance_id, business_key, flow_key, flow_version,
                                             task_id, node_id, node_name, actor, decision, comment_text, decided_at,
                                             signature_file_id, attachment_ids)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(task.tenantId(), task.processInstanceId(), task.businessKey(), task.flow().key(),
                        task.flow().version(), task.taskId(), task.nodeId(), task.nodeName().zh(), actor,
                        decision.name(), comment, Timestamp.from(now), signatureFileId, attachments)
                .update();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("businessKey", task.businessKey());
        state.put("node", task.nodeId());
        state.put("taskId", task.taskId());
        state.put("comment", comment);
        state.put("signature", signatureFileId);
        state.put("attachments", attachmentIds);
        audit.append(task.tenantId(), actor, "approval." + decision.name().toLowerCase(Locale.ROOT), AUDIT_SUBJECT,
                task.processInstanceId(), null, state);
        return new ApprovalRecord(task.processInstanceId(), task.businessKey(), task.nodeId(), task.nodeName().zh(),
                actor, decision, comment, now);
    }

    private static ApprovalRecord map(ResultSet rs, int row) throws SQLException {
        return new ApprovalRecord(rs.getString("process_instance_id"), rs.getString("business_key"),
                rs.getString("node_id"), rs.getString("node_name"), rs.getString("actor"),
                Decision.valueOf(rs.getString("decision")), rs.getString("comment_text"),
                rs.getTimestamp("decided_at").toInstant());
    }
}
