package org.tezuo.core.qualification.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.tezuo.core.qualification.RegistryResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores verification runs and the check of every certificate (tables verification_run, verification_check). */
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
                .params(Timestamp.from(run.finishedAt()), run.checked(), run.unchanged(), run.changed().size(),
                        run.unverifiable(), run.mismatches(), json.writeValueAsString(run.changed()), run.tenantId(),
                        run.id())
                .update();
    }

    void insertCheck(long tenantId, @Nullable Long runId, CertificateCheck check) {
        jdbc.sql("""
                insert into verification_check (tenant_id, run_id, certificate_id, result, detail, state_before,
                    state_after, checked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, runId, check.certificateId(), check.result().name(), check.detail(),
                        check.stateBefore().name(), check.stateAfter().name(), Timestamp.from(check.checkedAt()))
                .update();
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
                finished == null ? rs.getTimestamp("started_at").toInstant() : finished.toInstant(),
                rs.getInt("checked"), rs.getInt("unchanged"),
                changes == null ? List.of() : json.readValue(changes, CHANGES),
                rs.getInt("unverifiable"), rs.getInt("mismatches"));
    }
}
