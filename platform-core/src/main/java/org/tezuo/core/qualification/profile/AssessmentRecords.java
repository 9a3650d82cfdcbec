package org.tezuo.core.qualification.profile;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.tenant.TenantDirectory;

/** Records and lists the training sessions and practical assessments of a tenant's persons. */
@Component
public class AssessmentRecords {

    static final int MAX_ITEM_LENGTH = 100;
    static final int MAX_ASSESSOR_LENGTH = 100;
    static final int MAX_NOTES_LENGTH = 1000;

    private final JdbcClient jdbc;
    private final QualificationStore qualifications;
    private final TenantDirectory tenants;
    private final AuditLog audit;
    private final Clock clock;

    public AssessmentRecords(JdbcClient jdbc, QualificationStore qualifications, TenantDirectory tenants,
            AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.qualifications = qualifications;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /** Values of a new record as the trainer enters them. */
    public record NewAssessment(AssessmentKind kind, String item, LocalDate heldOn, AssessmentResult result,
            String assessor, @Nullable String notes) {
    }

    /**
     * Checks and stores a record of a person, and audits it.
     *
     * @throws LocalizedException naming the field and the value when the person is unknown, a text is blank or too
     *     long, the day lies in the future, or a practical assessment has the result "attended"
     */
    @Transactional
    public AssessmentRecord record(long tenantId, String actor, long personId, NewAssessment data) {
        if (qualifications.findPerson(tenantId, personId).isEmpty()) {
            throw new LocalizedException("profile.personNotFound", personId);
        }
        String item = requireText("assessment.item", data.item(), MAX_ITEM_LENGTH);
        String assessor = requireText("assessment.assessor", data.assessor(), MAX_ASSESSOR_LENGTH);
        String notes = data.notes() == null || data.notes().isBlank() ? null : data.notes().strip();
        if (notes != null && notes.length() > MAX_NOTES_LENGTH) {
            throw new LocalizedException("assessment.notesTooLong", notes.length(), MAX_NOTES_LENGTH);
        }
        LocalDate today = LocalDate.now(clock.withZone(tenants.require(tenantId).zone()));
        if (data.heldOn().isAfter(today)) {
            throw new LocalizedException("assessment.heldInFuture", data.heldOn().toString(), today.toString());
        }
        if (data.kind() == AssessmentKind.PRACTICAL && data.result() == AssessmentResult.ATTENDED) {
            throw new LocalizedException("assessment.practicalNeedsVerdict");
        }

        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into assessment_record (tenant_id, person_id, kind, item, held_on, result, assessor, notes,
                    recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, personId, data.kind().name(), item, Date.valueOf(data.heldOn()),
                        data.result().name(), assessor, notes, actor, Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.append(tenantId, actor, "assessment.record", "assessment_record", String.valueOf(id), null,
                Map.of("person", personId, "kind", data.kind().name(), "item", item, "heldOn",
                        data.heldOn().toString(), "result", data.result().name()));
        return new AssessmentRecord(id, tenantId, personId, data.kind(), item, data.heldOn(), data.result(), assessor,
                notes, actor, now);
    }

    /** Finds a record of the tenant; empty when the id is unknown or belongs to another tenant. */
    public Optional<AssessmentRecord> find(long tenantId, long assessmentId) {
        return jdbc.sql("select * from assessment_record where tenant_id = ? and id = ?")
                .params(tenantId, assessmentId)
                .query(AssessmentRecords::map)
                .optional();
    }

    /** Returns the records of a person, newest session first. */
    public List<AssessmentRecord> recordsOf(long tenantId, long personId) {
        return jdbc.sql("""
                select * from assessment_record where tenant_id = ? and person_id = ?
                order by held_on desc, id desc""")
                .params(tenantId, personId)
                .query(AssessmentRecords::map)
                .list();
    }

    /** Returns the stripped text, or throws {@code <fieldKey>.missing} or {@code <fieldKey>.tooLong}. */
    private static String requireText(String fieldKey, @Nullable String value, int maxLength) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new LocalizedException(fieldKey + ".missing");
        }
        if (text.length() > maxLength) {
            throw new LocalizedException(fieldKey + ".tooLong", text.length(), maxLength);
        }
        return text;
    }

    private static AssessmentRecord map(ResultSet rs, int row) throws SQLException {
        return new AssessmentRecord(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("person_id"),
                AssessmentKind.valueOf(rs.getString("kind")), rs.getString("item"),
                rs.getDate("held_on").toLocalDate(), AssessmentResult.valueOf(rs.getString("result")),
                rs.getString("assessor"), rs.getString("notes"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
