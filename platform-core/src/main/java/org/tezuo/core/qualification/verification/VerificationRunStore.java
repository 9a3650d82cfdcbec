package org.tezuo.core.qualification.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.tezuo.core.privacy.IdNumberMask;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.RegistryResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores verification runs, the check of every certificate and the fields each check found different or adopted
 * (tables verification_run, verification_check, verification_check_field).
 */
@Component
public class VerificationRunStore {

    private static final TypeReference<List<VerificationRun.CertificateChange>> CHANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public VerificationRunStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long start(long tenantId, String actor, Instant startedAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into verification_run (tenant_id, actor, started_at) values (?, ?, ?)")
                .params(tenantId, actor, Timestamp.from(startedAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void finish(VerificationRun run) {
        jdbc.sql("""
                update verification_run set finished_at = ?, checked = ?, unchanged = ?, changed = ?,
                    unverifiable = ?, mismatches = ?, changes = ?
                where tenant_id = ? and id = ?""")
                .params(Timestamp.from(Objects.requireNonNull(run.finishedAt(), "finishedAt")), run.checked(), run.unchanged(), run.changed().size(),
                        run.unverifiable(), run.mismatches(), json.writeValueAsString(run.changed()), run.tenantId(),
                        run.id())
                .update();
    }

    void insertCheck(long tenantId, @Nullable Long runId, CertificateCheck check) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into verification_check (tenant_id, run_id, certificate_id, result, detail, state_before,
                    state_after, checked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, runId, check.certificateId(), check.result().name(), check.detail(),
                        check.stateBefore().name(), check.stateAfter().name(), Timestamp.from(check.checkedAt()))
                .update(keys, "id");
        long checkId = keys.getKey().longValue();
        insertFields(checkId, FieldKind.ADOPTED, check.adopted());
        insertFields(checkId, FieldKind.MISMATCH, check.differences());
    }

    private void insertFields(long checkId, FieldKind kind, List<FieldDifference> fields) {
        for (FieldDifference field : fields) {
            jdbc.sql("""
                    insert into verification_check_field (check_id, kind, field, ledger_value, registry_value)
                    values (?, ?, ?, ?, ?)""")
                    .params(checkId, kind.name(), field.field().name(), clip(field.ledgerValue()),
                            clip(field.registryValue()))
                    .update();
        }
    }

    /** Returns the newest unfinished run of the tenant: one that a stopped process left behind. */
    Optional<OpenRun> unfinished(long tenantId) {
        return jdbc.sql("""
                select id, actor, started_at, checkpoint_certificate_id from verification_run
                where tenant_id = ? and finished_at is null order by id desc limit 1""")
                .param(tenantId)
                .query((rs, row) -> new OpenRun(rs.getLong("id"), rs.getString("actor"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getLong("checkpoint_certificate_id")))
                .optional();
    }

    /**
     * Returns, in id order, up to {@code limit} special-operation certificates of the tenant with an id above
     * {@code afterId} that have no check in the run yet. Special-equipment certificates are left out because the
     * market-regulation authorities keep them in another registry.
     */
    // NOTE: no connector reads the special-equipment registry yet, so those certificates are never verified.
    List<Long> certificatesToCheck(long tenantId, long runId, long afterId, int limit) {
        return jdbc.sql("""
                select c.id from certificate c
                where c.tenant_id = ? and c.id > ? and c.certificate_class = 'SPECIAL_OPERATION'
                  and not exists (select 1 from verification_check vc where vc.run_id = ? and vc.certificate_id = c.id)
                order by c.id limit ?""")
                .params(tenantId, afterId, runId, limit)
                .query((rs, row) -> rs.getLong(1))
                .list();
    }

    /** Records that every certificate up to {@code certificateId} has its check stored in the run. */
    void checkpoint(long tenantId, long runId, long certificateId) {
        jdbc.sql("update verification_run set checkpoint_certificate_id = ? where tenant_id = ? and id = ?")
                .params(certificateId, tenantId, runId)
                .update();
    }

    /** Counts the run's stored checks and lists the certificates it changed, with their adopted values. */
    VerificationRun summarize(long tenantId, long runId, String actor, Instant startedAt, Instant finishedAt) {
        RunCounts counts = jdbc.sql("""
                select count(*) as checked,
                    sum(case when result = 'UNVERIFIABLE' then 1 else 0 end) as unverifiable,
                    sum(case when result in ('MISMATCH', 'NOT_FOUND') then 1 else 0 end) as mismatches
                from verification_check where tenant_id = ? and run_id = ?""")
                .params(tenantId, runId)
                .query((rs, row) -> new RunCounts(rs.getInt("checked"), rs.getInt("unverifiable"),
                        rs.getInt("mismatches")))
                .single();
        List<VerificationRun.CertificateChange> changed = changes(tenantId, runId, Integer.MAX_VALUE, 0);
        return new VerificationRun(runId, tenantId, actor, startedAt, finishedAt, counts.checked(),
                counts.checked() - changed.size(), changed, counts.unverifiable(), counts.mismatches());
    }

    /**
     * Returns a page of the certificates the run changed (state or adopted values), in certificate id order, with
     * the registry's result and the fields it adopted or disagreed on. ID numbers in certificate numbers and values
     * are masked.
     */
    List<VerificationRun.CertificateChange> changes(long tenantId, long runId, int limit, int offset) {
        List<ChangedCheck> checks = jdbc.sql("""
                select vc.id, vc.certificate_id, c.cert_number, vc.state_before, vc.state_after, vc.result
                from verification_check vc join certificate c on c.id = vc.certificate_id
                where vc.tenant_id = ? and vc.run_id = ?
                  and (vc.state_before <> vc.state_after or exists (select 1 from verification_check_field f
                      where f.check_id = vc.id and f.kind = 'ADOPTED'))
                order by vc.certificate_id limit ? offset ?""")
                .params(tenantId, runId, limit, offset)
                .query((rs, row) -> new ChangedCheck(rs.getLong("id"), rs.getLong("certificate_id"),
                        IdNumberMask.mask(rs.getString("cert_number")), CertificateState.valueOf(rs.getString("state_before")),
                        CertificateState.valueOf(rs.getString("state_after")),
                        RegistryResult.valueOf(rs.getString("result"))))
                .list();
        return checks.stream()
                .map(check -> new VerificationRun.CertificateChange(check.certificateId(), check.certNumber(),
                        check.stateBefore(), check.stateAfter(), fields(check.checkId(), FieldKind.ADOPTED),
                        check.result(), fields(check.checkId(), FieldKind.MISMATCH)))
                .toList();
    }

    /**
     * Returns a page of the run's fields on which ledger and registry disagree, in certificate id order, with ID
     * numbers masked.
     */
    List<RunMismatch> mismatches(long tenantId, long runId, int limit, int offset) {
        return jdbc.sql("""
                select vc.certificate_id, c.cert_number, vc.result, f.field, f.ledger_value, f.registry_value
                from verification_check vc
                join certificate c on c.id = vc.certificate_id
                left join verification_check_field f on f.check_id = vc.id and f.kind = 'MISMATCH'
                where vc.tenant_id = ? and vc.run_id = ? and vc.result in ('MISMATCH', 'NOT_FOUND')
                order by vc.certificate_id, f.id limit ? offset ?""")
                .params(tenantId, runId, limit, offset)
                .query((rs, row) -> new RunMismatch(rs.getLong("certificate_id"),
                        IdNumberMask.mask(rs.getString("cert_number")), RegistryResult.valueOf(rs.getString("result")),
                        rs.getString("field") == null ? null : ComparedField.valueOf(rs.getString("field")),
                        IdNumberMask.mask(rs.getString("ledger_value")),
                        IdNumberMask.mask(rs.getString("registry_value"))))
                .list();
    }

    private List<FieldDifference> fields(long checkId, FieldKind kind) {
        return jdbc.sql("""
                select field, ledger_value, registry_value from verification_check_field
                where check_id = ? and kind = ? order by id""")
                .params(checkId, kind.name())
                .query((rs, row) -> new FieldDifference(ComparedField.valueOf(rs.getString("field")),
                        IdNumberMask.mask(rs.getString("ledger_value")), IdNumberMask.mask(rs.getString("registry_value"))))
                .list();
    }

    private static @Nullable String clip(@Nullable String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 499) + "…";
    }

    /** A run that has not finished, with its checkpoint (0 when no batch finished). */
    record OpenRun(long id, String actor, Instant startedAt, long checkpointCertificateId) {
    }

    private record RunCounts(int checked, int unverifiable, int mismatches) {
    }

    private record ChangedCheck(long checkId, long certificateId, String certNumber, CertificateState stateBefore,
            CertificateState stateAfter, RegistryResult result) {
    }

    private enum FieldKind {
        ADOPTED,
        MISMATCH
    }

    /** Returns a finished or running run of the tenant. */
    public Optional<VerificationRun> find(long tenantId, long runId) {
        return jdbc.sql("select * from verification_run where tenant_id = ? and id = ?")
                .params(tenantId, runId).query(this::map).optional();
    }

    /** Returns the newest runs of the tenant, newest first. */
    public List<VerificationRun> recent(long tenantId, int limit) {
        return jdbc.sql("select * from verification_run where tenant_id = ? order by started_at desc, id desc limit ?")
                .params(tenantId, limit).query(this::map).list();
    }

    /**
     * Returns the newest result other than {@link RegistryResult#UNVERIFIABLE} recorded for a certificate, so that a
     * registry outage never hides what the registry returned before.
     */
    public Optional<RegistryResult> lastConclusiveResult(long tenantId, long certificateId) {
        return jdbc.sql("""
                select result from verification_check
                where tenant_id = ? and certificate_id = ? and result <> 'UNVERIFIABLE'
                order by checked_at desc, id desc limit 1""")
                .params(tenantId, certificateId)
                .query((rs, row) -> RegistryResult.valueOf(rs.getString("result")))
                .optional();
    }

    /** Returns every result recorded for a certificate, oldest first. */
    public List<RegistryResult> resultsOf(long tenantId, long certificateId) {
        return jdbc.sql("select result from verification_check where tenant_id = ? and certificate_id = ? order by id")
                .params(tenantId, certificateId)
                .query((rs, row) -> RegistryResult.valueOf(rs.getString("result")))
                .list();
    }

    private VerificationRun map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        String changes = rs.getString("changes");
        return new VerificationRun(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("actor"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getInt("checked"), rs.getInt("unchanged"),
                changes == null ? List.of() : json.readValue(changes, CHANGES),
                rs.getInt("unverifiable"), rs.getInt("mismatches"));
    }
}
