package org.tezuo.core.standard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Table {@code threshold_override}: every change of an enterprise override, the active row being in force. */
@Component
class ThresholdOverrides {

    private final JdbcClient jdbc;

    ThresholdOverrides(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the overrides in force in the tenant. */
    List<ThresholdOverride> active(long tenantId) {
        return jdbc.sql("select * from threshold_override where tenant_id = ? and active order by id")
                .params(tenantId).query(this::map).list();
    }

    Optional<ThresholdOverride> active(long tenantId, String rulesetKey, String threshold) {
        return jdbc.sql("""
                select * from threshold_override where tenant_id = ? and ruleset_key = ? and threshold_name = ?
                    and active""")
                .params(tenantId, rulesetKey, threshold).query(this::map).optional();
    }

    /** Returns every change of one threshold's override, newest first. */
    List<ThresholdOverride> history(long tenantId, String rulesetKey, String threshold) {
        return jdbc.sql("""
                select * from threshold_override where tenant_id = ? and ruleset_key = ? and threshold_name = ?
                    order by id desc""")
                .params(tenantId, rulesetKey, threshold).query(this::map).list();
    }

    /** Ends the override in force of one threshold, if any, and stores {@code change} after it. */
    ThresholdOverride append(long tenantId, ThresholdOverride change) {
        jdbc.sql("""
                update threshold_override set active = false
                where tenant_id = ? and ruleset_key = ? and threshold_name = ? and active""")
                .params(tenantId, change.rulesetKey(), change.threshold()).update();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into threshold_override (tenant_id, ruleset_key, threshold_name, action, override_value, unit,
                    document_value, document_origin, change_kind, reason, source, changed_by, changed_at, active)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, change.rulesetKey(), change.threshold(), change.action().name(), change.value(),
                        change.unit(), change.documentValue(), change.documentOrigin(), change.change().name(),
                        change.reason(), change.source(), change.changedBy(), Timestamp.from(change.changedAt()),
                        change.active())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        return new ThresholdOverride(id, change.rulesetKey(), change.threshold(), change.action(), change.value(),
                change.unit(), change.documentValue(), change.documentOrigin(), change.change(), change.reason(),
                change.source(), change.changedBy(), change.changedAt(), change.active());
    }

    /** Locks the tenant row, so that two changes in one tenant run one after the other. */
    void lockTenant(long tenantId) {
        jdbc.sql("select id from tenant where id = ? for update").params(tenantId).query(Long.class).list();
    }

    private ThresholdOverride map(ResultSet rs, int row) throws SQLException {
        return new ThresholdOverride(rs.getLong("id"), rs.getString("ruleset_key"), rs.getString("threshold_name"),
                ThresholdOverride.Action.valueOf(rs.getString("action")), rs.getString("override_value"), rs.getString("unit"),
                rs.getString("document_value"), rs.getString("document_origin"),
                ChangeKind.valueOf(rs.getString("change_kind")), rs.getString("reason"), rs.getString("source"),
                rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(), rs.getBoolean("active"));
    }
}
