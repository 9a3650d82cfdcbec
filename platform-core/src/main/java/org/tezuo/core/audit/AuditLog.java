package org.tezuo.core.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Append-only, hash-chained audit trail. Callers append inside the transaction of the change they record, so a
 * change and its audit record commit or roll back together.
 *
 * <p>Each tenant's records form one chain ({@link AuditChain}): a record stores its position {@code chain_seq},
 * the previous record's hash and its own. Appending locks the tenant's row in {@code audit_chain_head}. Inside a
 * transaction the records wait until just before the commit, so that the lock is held for the commit only and
 * concurrent changes of one tenant do not queue behind each other's work. {@link AuditChainVerifier} checks a
 * chain.
 */
@Component
public class AuditLog {

    /** Actor name for changes made by scheduled jobs rather than a signed-in user. */
    public static final String SYSTEM_ACTOR = "system";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    public AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
    }

    /** Appends one record; {@code before} and {@code after} are serialised to JSON (either may be null). */
    public void append(long tenantId, String actor, String action, String subjectType, String subjectId,
            @Nullable Object before, @Nullable Object after) {
        Pending record = new Pending(tenantId, actor, AuditChain.storedInstant(clock.instant()), action,
                subjectType, subjectId, toJson(before), toJson(after));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pendingOfTransaction().add(record);
        } else {
            ownTransaction.executeWithoutResult(status -> write(List.of(record)));
        }
    }

    private List<Pending> pendingOfTransaction() {
        @SuppressWarnings("unchecked")
        List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Pending> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
                }
            });
            return created;
        }
        return pending;
    }

    /**
     * Writes records in order, each linked to the tenant's newest record under the lock of its chain head. Records
     * are taken tenant by tenant (a stable sort keeps each tenant's order), so that two transactions never lock two
     * chain heads in opposite orders.
     */
    private void write(List<Pending> records) {
        List<Pending> byTenant = new ArrayList<>(records);
        byTenant.sort(Comparator.comparingLong(Pending::tenantId));
        for (Pending record : byTenant) {
            ChainHead head = lockHead(record.tenantId());
            long seq = head.lastSeq() + 1;
            String hash = AuditChain.hash(record.tenantId(), seq, head.lastHash(), record.actor(),
                    record.occurredAt(), record.action(), record.subjectType(), record.subjectId(),
                    record.before(), record.after());
            jdbc.sql("""
                    insert into audit_log (tenant_id, actor, occurred_at, action, subject_type, subject_id,
                                           before_state, after_state, chain_seq, prev_hash, row_hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(record.tenantId(), record.actor(), Timestamp.from(record.occurredAt()),
                            record.action(), record.subjectType(), record.subjectId(), record.before(),
                            record.after(), seq, head.lastHash(), hash)
                    .update();
            jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where tenant_id = ?")
                    .params(seq, hash, record.tenantId())
                    .update();
        }
    }

    private ChainHead lockHead(long tenantId) {
        return selectHeadForUpdate(tenantId).orElseGet(() -> {
            // Tenants get their head when they are created; this covers records of a tenant id without one.
            jdbc.sql("""
                    insert into audit_chain_head (tenant_id, last_seq, last_hash)
                    select ?, 0, ? where not exists (select 1 from audit_chain_head where tenant_id = ?)""")
                    .params(tenantId, AuditChain.GENESIS, tenantId)
                    .update();
            return selectHeadForUpdate(tenantId).orElseThrow();
        });
    }

    private Optional<ChainHead> selectHeadForUpdate(long tenantId) {
        return jdbc.sql("select last_seq, last_hash from audit_chain_head where tenant_id = ? for update")
                .param(tenantId)
                .query((rs, row) -> new ChainHead(rs.getLong("last_seq"), rs.getString("last_hash")))
                .optional();
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

    private record Pending(long tenantId, String actor, Instant occurredAt, String action, String subjectType,
            String subjectId, @Nullable String before, @Nullable String after) {
    }

    private record ChainHead(long lastSeq, String lastHash) {
    }
}
