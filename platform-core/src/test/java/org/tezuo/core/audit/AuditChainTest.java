package org.tezuo.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tezuo.core.audit.AuditChainProblem.Kind;
import org.tezuo.core.tenant.TenantDirectory;

/** The audit chain on PostgreSQL: appends link up, and every kind of tampering is found by the verifier. */
@SpringBootTest
class AuditChainTest {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditChainVerifier verifier;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private long tenantId;

    @BeforeEach
    void createTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        tenantId = tenants.create("audit-" + suffix, "审计链测试", null, ZoneId.of("Asia/Shanghai")).id();
    }

    @Test
    void untouchedChainIsIntact() {
        appendFive();

        AuditChainReport report = verifier.verify(tenantId);

        assertThat(report.intact()).isTrue();
        assertThat(report.checked()).isEqualTo(5);
        assertThat(report.unchained()).isZero();
    }

    @Test
    void editedFieldIsFound() {
        List<Long> ids = appendFive();
        jdbc.sql("update audit_log set actor = 'mallory' where id = ?").param(ids.get(2)).update();

        AuditChainReport report = verifier.verify(tenantId);

        assertThat(report.problems()).containsExactly(new AuditChainProblem(Kind.EDITED, ids.get(2), 3));
        assertThat(report.problems().getFirst().message(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("审计记录 " + ids.get(2) + "（链序号 3）的内容与其哈希不符：该记录在写入后被修改过");
    }

    @Test
    void editedJsonStateIsFound() {
        List<Long> ids = appendFive();
        jdbc.sql("update audit_log set after_state = '{\"grade\":\"二级\"}' where id = ?").param(ids.get(0)).update();

        assertThat(verifier.verify(tenantId).problems()).extracting(AuditChainProblem::kind)
                .containsExactly(Kind.EDITED);
    }

    @Test
    void deletedMiddleRecordIsFound() {
        List<Long> ids = appendFive();
        jdbc.sql("delete from audit_log where id = ?").param(ids.get(1)).update();

        assertThat(verifier.verify(tenantId).problems())
                .containsExactly(new AuditChainProblem(Kind.MISSING, ids.get(2), 3));
    }

    @Test
    void deletedNewestRecordIsFound() {
        List<Long> ids = appendFive();
        jdbc.sql("delete from audit_log where id = ?").param(ids.get(4)).update();

        assertThat(verifier.verify(tenantId).problems())
                .containsExactly(new AuditChainProblem(Kind.HEAD_MISMATCH, null, 5));
    }

    @Test
    void recomputedHashStillBreaksNextLink() {
        List<Long> ids = appendFive();
        jdbc.sql("update audit_log set actor = 'mallory', row_hash = ? where id = ?")
                .params(rehash(ids.get(1), "mallory"), ids.get(1))
                .update();

        assertThat(verifier.verify(tenantId).problems())
                .containsExactly(new AuditChainProblem(Kind.LINK_BROKEN, ids.get(2), 3));
    }

    @Test
    void swappedRecordsAreFound() {
        List<Long> ids = appendFive();
        jdbc.sql("update audit_log set chain_seq = -1 where id = ?").param(ids.get(1)).update();
        jdbc.sql("update audit_log set chain_seq = 2 where id = ?").param(ids.get(2)).update();
        jdbc.sql("update audit_log set chain_seq = 3 where id = ?").param(ids.get(1)).update();

        assertThat(verifier.verify(tenantId).problems()).extracting(AuditChainProblem::kind)
                .contains(Kind.LINK_BROKEN, Kind.EDITED);
    }

    @Test
    void clearedChainColumnsAreFound() {
        List<Long> ids = appendFive();
        jdbc.sql("update audit_log set chain_seq = null, prev_hash = null, row_hash = null where id = ?")
                .param(ids.get(3))
                .update();

        assertThat(verifier.verify(tenantId).problems()).extracting(AuditChainProblem::kind)
                .containsExactlyInAnyOrder(Kind.MISSING, Kind.UNCHAINED);
    }

    @Test
    void recordsOfRolledBackTransactionLeaveNoGap() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            audit.append(tenantId, "engineer", "permit.submit", "permit", "1", null, Map.of("grade", "一级"));
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status ->
                audit.append(tenantId, "engineer", "permit.submit", "permit", "2", null, null));

        AuditChainReport report = verifier.verify(tenantId);

        assertThat(report.intact()).isTrue();
        assertThat(report.checked()).isEqualTo(1);
    }

    @Test
    void concurrentAppendsFormOneChain() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
            List<Future<?>> done = java.util.stream.IntStream.range(0, 40)
                    .mapToObj(n -> writers.submit(() -> transaction.executeWithoutResult(status -> {
                        audit.append(tenantId, "worker", "permit.update", "permit", Integer.toString(n), null,
                                Map.of("step", n));
                        audit.append(tenantId, "worker", "permit.comment", "permit", Integer.toString(n), null,
                                null);
                    })))
                    .<Future<?>>map(future -> future)
                    .toList();
            for (Future<?> future : done) {
                future.get();
            }
        }

        AuditChainReport report = verifier.verify(tenantId);

        assertThat(report.intact()).isTrue();
        assertThat(report.checked()).isEqualTo(80);
    }

    private List<Long> appendFive() {
        for (int n = 1; n <= 5; n++) {
            audit.append(tenantId, "engineer", "permit.approve", "permit", "P-" + n, Map.of("step", n - 1),
                    Map.of("step", n, "opinion", "同意，现场已核查"));
        }
        return jdbc.sql("select id from audit_log where tenant_id = ? order by chain_seq")
                .param(tenantId)
                .query(Long.class)
                .list();
    }

    private String rehash(long id, String actor) {
        return jdbc.sql("select * from audit_log where id = ?")
                .param(id)
                .query((rs, row) -> AuditChain.hash(tenantId, rs.getLong("chain_seq"), rs.getString("prev_hash"),
                        actor, rs.getTimestamp("occurred_at").toInstant(), rs.getString("action"),
                        rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("before_state"),
                        rs.getString("after_state")))
                .single();
    }
}
