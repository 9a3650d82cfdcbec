package org.tezuo.core.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Append-only audit trail. Callers append inside the transaction of the change they record, so a change and
 * its audit record commit or roll back together.
 */
@Component
public class AuditLog {

    /** Actor name for changes made by scheduled jobs rather than a signed-in user. */
    public static final String SYSTEM_ACTOR = "system";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Appends one record; {@code before} and {@code after} are serialised to JSON (either may be null). */
    public void append(long tenantId, String actor, String action, String subjectType, String subjectId,
            @Nullable Object before, @Nullable Object after) {
        jdbc.sql("""
                insert into audit_log (tenant_id, actor, occurred_at, action, subject_type, subject_id,
                                       before_state, after_state)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, actor, Timestamp.from(clock.instant()), action, subjectType, subjectId,
                        toJson(before), toJson(after))
                .update();
    }

    /** Returns the records of one subject, oldest first. */
    public List<AuditEntry> forSubject(long tenantId, String subjectType, String subjectId) {
        return jdbc.sql("""
                select * from audit_log where tenant_id = ? and subject_type = ? and subject_id = ? order by id""")
                .params(tenantId, subjectType, subjectId)
                .query(AuditLog::map)
                .list();
    }

    /** Returns the newest records of a tenant, newest first. */
    public List<AuditEntry> recent(long tenantId, int limit) {
        return jdbc.sql("select * from audit_log where tenant_id = ? order by id desc limit ?")
                .params(tenantId, limit)
                .query(AuditLog::map)
                .list();
    }

    private @Nullable String toJson(@Nullable Object state) {
        if (state == null) {
            return null;
        }
        return state instanceof String text ? text : json.writeValueAsString(state);
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("actor"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("action"), rs.getString("subject_type"),
                rs.getString("subject_id"), rs.getString("before_state"), rs.getString("after_state"));
    }
}
