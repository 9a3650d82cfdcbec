package org.tezuo.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tezuo.core.audit.AuditChainProblem.Kind;

/**
 * Checks that a tenant's audit chain is whole: every record's hash matches its fields, every record names the hash
 * of the one before it, no position is missing, and the chain head names the newest record. Records are read in chain
 * order through a cursor, so a long chain needs no more memory than a short one.
 */
@Component
public class AuditChainVerifier {

    /** Rows fetched per round trip, so that PostgreSQL streams a long chain through a cursor. */
    private static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    public AuditChainVerifier(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
        // PostgreSQL uses a cursor for the fetch size only inside a transaction.
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
    }

    /** Checks the chain of every tenant that has audit records, in tenant order. */
    public List<AuditChainReport> verifyAll() {
        return jdbc.sql("select distinct tenant_id from audit_log order by tenant_id")
                .query((rs, row) -> rs.getLong(1))
                .list()
                .stream()
                .map(this::verify)
                .toList();
    }

    /** Checks the chain of one tenant. */
    public AuditChainReport verify(long tenantId) {
        return readOnly.execute(status -> verifyInTransaction(tenantId));
    }

    private AuditChainReport verifyInTransaction(long tenantId) {
        Walk walk = new Walk(tenantId);
        jdbc.sql("""
                select id, actor, occurred_at, action, subject_type, subject_id, before_state, after_state,
                       chain_seq, prev_hash, row_hash
                from audit_log where tenant_id = ? and chain_seq is not null order by chain_seq""")
                .param(tenantId)
                .query((RowCallbackHandler) rs -> walk.visit(rs.getLong("id"), rs.getLong("chain_seq"), rs.getString("prev_hash"),
                        rs.getString("row_hash"), AuditChain.hash(tenantId, rs.getLong("chain_seq"),
                                rs.getString("prev_hash"), rs.getString("actor"),
                                rs.getTimestamp("occurred_at").toInstant(), rs.getString("action"),
                                rs.getString("subject_type"), rs.getString("subject_id"),
                                rs.getString("before_state"), rs.getString("after_state"))));
        checkHead(walk);
        long unchained = countUnchained(tenantId, walk);
        return new AuditChainReport(tenantId, walk.checked, unchained, walk.problems);
    }

    private void checkHead(Walk walk) {
        Optional<ChainHead> head = jdbc.sql("select last_seq, last_hash from audit_chain_head where tenant_id = ?")
                .param(walk.tenantId)
                .query((rs, row) -> new ChainHead(rs.getLong("last_seq"), rs.getString("last_hash")))
                .optional();
        if (head.isEmpty()) {
            if (walk.checked > 0) {
                walk.problems.add(new AuditChainProblem(Kind.HEAD_MISMATCH, null, walk.lastSeq));
            }
            return;
        }
        if (head.get().lastSeq() != walk.lastSeq || !head.get().lastHash().equals(walk.lastHash)) {
            walk.problems.add(new AuditChainProblem(Kind.HEAD_MISMATCH, null, head.get().lastSeq()));
        }
    }

    /**
     * Counts the records without a chain position. Those written before the chain started are expected; one written
     * after the first chained record is a record whose chain columns were cleared.
     */
    private long countUnchained(long tenantId, Walk walk) {
        if (walk.firstChainedId != null) {
            jdbc.sql("""
                    select id from audit_log
                    where tenant_id = ? and chain_seq is null and id > ? order by id""")
                    .params(tenantId, walk.firstChainedId)
                    .query((rs, row) -> rs.getLong("id"))
                    .list()
                    .forEach(id -> walk.problems.add(new AuditChainProblem(Kind.UNCHAINED, id, 0)));
        }
        return jdbc.sql("select count(*) from audit_log where tenant_id = ? and chain_seq is null")
                .param(tenantId)
                .query(Long.class)
                .single();
    }

    /** The state of one pass along a chain. */
    private static final class Walk {

        private final long tenantId;
        private final List<AuditChainProblem> problems = new ArrayList<>();
        private long checked;
        private long lastSeq;
        private String lastHash = AuditChain.GENESIS;
        private @Nullable Long firstChainedId;

        private Walk(long tenantId) {
            this.tenantId = tenantId;
        }

        private void visit(long id, long seq, String prevHash, String storedHash, String computedHash) {
            if (firstChainedId == null) {
                firstChainedId = id;
            }
            if (seq != lastSeq + 1) {
                problems.add(new AuditChainProblem(Kind.MISSING, id, seq));
            } else if (!prevHash.equals(lastHash)) {
                problems.add(new AuditChainProblem(Kind.LINK_BROKEN, id, seq));
            }
            if (!storedHash.equals(computedHash)) {
                problems.add(new AuditChainProblem(Kind.EDITED, id, seq));
            }
            checked++;
            lastSeq = seq;
            lastHash = storedHash;
        }
    }

    private record ChainHead(long lastSeq, String lastHash) {
    }
}
