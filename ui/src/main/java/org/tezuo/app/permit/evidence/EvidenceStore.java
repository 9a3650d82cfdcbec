package org.tezuo.app.permit.evidence;

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

/** Rows of {@code permit_evidence} and {@code evidence_seal}; every query is filtered by tenant. */
@Component
public class EvidenceStore {

    private final JdbcClient jdbc;

    public EvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertEvidence(long tenantId, long permitId, EvidenceKind kind, @Nullable Integer measureNumber,
            @Nullable String fileId, @Nullable String watermarkedFileId, @Nullable String watermarkedSha256,
            String content, String sha256, String recordedBy, Instant recordedAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into permit_evidence (tenant_id, permit_id, kind, measure_number, file_id, watermarked_file_id,
                                             watermarked_sha256, content, sha256, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, permitId, kind.name(), measureNumber, fileId, watermarkedFileId, watermarkedSha256,
                        content, sha256, recordedBy, Timestamp.from(recordedAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<PermitEvidence> find(long tenantId, long evidenceId) {
        return jdbc.sql("select * from permit_evidence where tenant_id = ? and id = ?")
                .params(tenantId, evidenceId).query(EvidenceStore::evidence).optional();
    }

    /** Returns the evidence of a permit, oldest first. */
    public List<PermitEvidence> evidence(long tenantId, long permitId) {
        return jdbc.sql("select * from permit_evidence where tenant_id = ? and permit_id = ? order by id")
                .params(tenantId, permitId).query(EvidenceStore::evidence).list();
    }

    /** Returns the seals of a permit in chain order. */
    public List<EvidenceSeal> seals(long tenantId, long permitId) {
        return jdbc.sql("select * from evidence_seal where tenant_id = ? and permit_id = ? order by seq")
                .params(tenantId, permitId).query(EvidenceStore::seal).list();
    }

    /** Locks the permit's row until the transaction ends, so that two sealers never take the same position. */
    void lockPermit(long tenantId, long permitId) {
        jdbc.sql("select id from permit where tenant_id = ? and id = ? for update")
                .params(tenantId, permitId).query(Long.class).optional();
    }

    void insertSeal(EvidenceSeal seal) {
        jdbc.sql("""
                insert into evidence_seal (tenant_id, permit_id, seq, risk_item_code, evidence_id, evidence_kind,
                                           file_id, sha256, sealed_by, sealed_at, prev_hash, seal_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seal.tenantId(), seal.permitId(), seal.seq(), seal.riskItemCode(), seal.evidenceId(),
                        seal.evidenceKind().name(), seal.fileId(), seal.sha256(), seal.sealedBy(),
                        Timestamp.from(seal.sealedAt()), seal.prevHash(), seal.sealHash())
                .update();
    }

    private static PermitEvidence evidence(ResultSet rs, int row) throws SQLException {
        return new PermitEvidence(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("permit_id"),
                EvidenceKind.valueOf(rs.getString("kind")), rs.getObject("measure_number", Integer.class),
                rs.getString("file_id"), rs.getString("watermarked_file_id"), rs.getString("watermarked_sha256"),
                rs.getString("content"), rs.getString("sha256"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    private static EvidenceSeal seal(ResultSet rs, int row) throws SQLException {
        return new EvidenceSeal(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("permit_id"), rs.getInt("seq"),
                rs.getString("risk_item_code"), rs.getLong("evidence_id"),
                EvidenceKind.valueOf(rs.getString("evidence_kind")), rs.getString("file_id"), rs.getString("sha256"),
                rs.getString("sealed_by"), rs.getTimestamp("sealed_at").toInstant(), rs.getString("prev_hash"),
                rs.getString("seal_hash"));
    }
}
