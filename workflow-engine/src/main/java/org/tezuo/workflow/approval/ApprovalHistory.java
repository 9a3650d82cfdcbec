package org.tezuo.workflow.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records and lists the decisions taken on approvals, oldest first, in the table {@code approval_record}. */
@Component
public class ApprovalHistory {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ApprovalHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Returns the decisions on one process instance of the tenant, oldest first. */
    public List<ApprovalRecord> forInstance(long tenantId, String processInstanceId) {
        return jdbc.sql("""
                select * from approval_record where tenant_id = ? and process_instance_id = ?
                order by decided_at, id""")
                .params(tenantId, processInstanceId)
                .query(ApprovalHistory::map)
                .list();
    }

    /** Returns the decisions on every approval of a business key in the tenant, oldest first. */
    public List<ApprovalRecord> forBusinessKey(long tenantId, String businessKey) {
        return jdbc.sql("""
                select * from approval_record where tenant_id = ? and business_key = ?
                order by decided_at, id""")
                .params(tenantId, businessKey)
                .query(ApprovalHistory::map)
                .list();
    }

    /** Appends a decision taken now and returns it. */
    ApprovalRecord append(ActiveTask task, String actor, Decision decision, @Nullable String comment) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into approval_record (tenant_id, process_instance_id, business_key, flow_key, flow_version,
                                             task_id, node_id, node_name, actor, decision, comment_text, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(task.tenantId(), task.processInstanceId(), task.businessKey(), task.flow().key(),
                        task.flow().version(), task.taskId(), task.nodeId(), task.nodeName().zh(), actor,
                        decision.name(), comment, Timestamp.from(now))
                .update();
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
