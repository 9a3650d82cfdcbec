package org.tezuo.core.qualification;

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

/**
 * Persons, certificates and qualification anomalies of a tenant. Every method takes the tenant id and every
 * query filters on it, so one tenant never reads another's rows.
 */
@Component
public class QualificationStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public QualificationStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Values of a person as imported; the ID number is the key within the tenant. */
    public record PersonData(String name, @Nullable String gender, String idNumber, @Nullable String orgUnit,
            @Nullable String position) {
    }

    /** Values of a certificate as imported; person and certificate number are the key within the tenant. */
    public record CertificateData(String certNumber, String category, String item, @Nullable LocalDate firstIssuedOn,
            @Nullable DatePrecision firstIssuedPrecision, @Nullable LocalDate validFrom, LocalDate validUntil,
            DatePrecision validUntilPrecision, @Nullable LocalDate reviewDueOn, @Nullable LocalDate reviewDoneOn,
            @Nullable String issuer, CertificateClass certificateClass) {

        /** Values of a special-operation certificate. */
        public CertificateData(String certNumber, String category, String item, @Nullable LocalDate firstIssuedOn,
                @Nullable DatePrecision firstIssuedPrecision, @Nullable LocalDate validFrom, LocalDate validUntil,
                DatePrecision validUntilPrecision, @Nullable LocalDate reviewDueOn, @Nullable LocalDate reviewDoneOn,
                @Nullable String issuer) {
            this(certNumber, category, item, firstIssuedOn, firstIssuedPrecision, validFrom, validUntil,
                    validUntilPrecision, reviewDueOn, reviewDoneOn, issuer, CertificateClass.SPECIAL_OPERATION);
        }
    }

    /** Inserts the person or updates the one with the same ID number; returns the stored person. */
    public Person upsertPerson(long tenantId, PersonData data) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                update person set name = ?, gender = ?, org_unit = ?, position = ?, updated_at = ?
                where tenant_id = ? and id_number = ?""")
                .params(data.name(), data.gender(), data.orgUnit(), data.position(), now, tenantId, data.idNumber())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into person (tenant_id, name, gender, id_number, org_unit, position, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenantId, data.name(), data.gender(), data.idNumber(), data.orgUnit(), data.position(),
                            now, now)
                    .update();
        }
        return findPersonByIdNumber(tenantId, data.idNumber()).orElseThrow();
    }

    /**
     * Inserts the certificate or updates the one with the same person and number, setting its state; returns
     * the stored certificate. Registry results are kept, and so is a revoked or cancelled state.
     */
    public Certificate upsertCertificate(long tenantId, long personId, CertificateData data, CertificateState state) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                update certificate set category = ?, item = ?, first_issued_on = ?, first_issued_precision = ?,
                    valid_from = ?, valid_until = ?, valid_until_precision = ?, review_due_on = ?, review_done_on = ?,
                    issuer = ?, certificate_class = ?,
                    state = case when state in ('REVOKED', 'CANCELLED') then state else ? end, updated_at = ?
                where tenant_id = ? and person_id = ? and cert_number = ?""")
                .params(data.category(), data.item(), date(data.firstIssuedOn()), name(data.firstIssuedPrecision()),
                        date(data.validFrom()), date(data.validUntil()), data.validUntilPrecision().name(),
                        date(data.reviewDueOn()), date(data.reviewDoneOn()), data.issuer(),
                        data.certificateClass().name(), state.name(), now, tenantId, personId, data.certNumber())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into certificate (tenant_id, person_id, cert_number, category, item, first_issued_on,
                        first_issued_precision, valid_from, valid_until, valid_until_precision, review_due_on,
                        review_done_on, issuer, certificate_class, state, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenantId, personId, data.certNumber(), data.category(), data.item(),
                            date(data.firstIssuedOn()), name(data.firstIssuedPrecision()), date(data.validFrom()),
                            date(data.validUntil()), data.validUntilPrecision().name(), date(data.reviewDueOn()),
                            date(data.reviewDoneOn()), data.issuer(), data.certificateClass().name(), state.name(),
                            now, now)
                    .update();
        }
        return jdbc.sql("select * from certificate where tenant_id = ? and person_id = ? and cert_number = ?")
                .params(tenantId, personId, data.certNumber())
                .query(this::mapCertificate)
                .single();
    }

    public Optional<Person> findPerson(long tenantId, long personId) {
        return jdbc.sql("select * from person where tenant_id = ? and id = ?")
                .params(tenantId, personId).query(this::mapPerson).optional();
    }

    public Optional<Person> findPersonByIdNumber(long tenantId, String idNumber) {
        return jdbc.sql("select * from person where tenant_id = ? and id_number = ?")
                .params(tenantId, idNumber).query(this::mapPerson).optional();
    }

    public List<Person> persons(long tenantId) {
        return jdbc.sql("select * from person where tenant_id = ? order by org_unit, name")
                .param(tenantId).query(this::mapPerson).list();
    }

    public Optional<Certificate> findCertificate(long tenantId, long certificateId) {
        return jdbc.sql("select * from certificate where tenant_id = ? and id = ?")
                .params(tenantId, certificateId).query(this::mapCertificate).optional();
    }

    public List<Certificate> certificatesOf(long tenantId, long personId) {
        return jdbc.sql("select * from certificate where tenant_id = ? and person_id = ? order by valid_until")
                .params(tenantId, personId).query(this::mapCertificate).list();
    }

    public List<Certificate> certificates(long tenantId) {
        return jdbc.sql("select * from certificate where tenant_id = ? order by id")
                .param(tenantId).query(this::mapCertificate).list();
    }

    /** Returns the number of certificates per state. */
    public Map<CertificateState, Long> countByState(long tenantId) {
        Map<CertificateState, Long> counts = new java.util.EnumMap<>(CertificateState.class);
        jdbc.sql("select state, count(*) as n from certificate where tenant_id = ? group by state")
                .param(tenantId)
                .query(rs -> {
                    counts.put(CertificateState.valueOf(rs.getString("state")), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * Sets a certificate's computed state; returns whether a row changed. A revoked or cancelled certificate is
     * left as it is, because only {@link #setAdministrativeState} changes those.
     */
    public boolean updateState(long tenantId, long certificateId, CertificateState state) {
        return jdbc.sql("""
                update certificate set state = ?, updated_at = ?
                where tenant_id = ? and id = ? and state <> ? and state not in ('REVOKED', 'CANCELLED')""")
                .params(state.name(), Timestamp.from(clock.instant()), tenantId, certificateId, state.name())
                .update() > 0;
    }

    /** Sets a revoked or cancelled state with its reason; returns whether a row changed. */
    public boolean setAdministrativeState(long tenantId, long certificateId, CertificateState state, String reason) {
        return jdbc.sql("""
                update certificate set state = ?, state_reason = ?, updated_at = ?
                where tenant_id = ? and id = ? and state <> ?""")
                .params(state.name(), reason, Timestamp.from(clock.instant()), tenantId, certificateId, state.name())
                .update() > 0;
    }

    /** Records the date on which the authority approved the extended review interval. */
    public void setReviewExtensionApproved(long tenantId, long certificateId, LocalDate approvedOn) {
        jdbc.sql("""
                update certificate set review_extension_approved_on = ?, updated_at = ?
                where tenant_id = ? and id = ?""")
                .params(Date.valueOf(approvedOn), Timestamp.from(clock.instant()), tenantId, certificateId)
                .update();
    }

    /** Records the outcome of a registry check with its detail (differences or error) as text. */
    public void recordRegistryResult(long tenantId, long certificateId, RegistryResult result, Instant checkedAt,
            @Nullable String detail) {
        jdbc.sql("""
                update certificate set registry_result = ?, registry_checked_at = ?, registry_detail = ?
                where tenant_id = ? and id = ?""")
                .params(result.name(), Timestamp.from(checkedAt), detail, tenantId, certificateId)
                .update();
    }

    /** Sets or lifts the permit-submission freeze of a person; returns whether a row changed. */
    public boolean setPermitFreeze(long tenantId, long personId, boolean frozen, @Nullable String reason) {
        return jdbc.sql("""
                update person set permit_frozen = ?, freeze_reason = ?, frozen_at = ?, updated_at = ?
                where tenant_id = ? and id = ? and permit_frozen <> ?""")
                .params(frozen, frozen ? reason : null, frozen ? Timestamp.from(clock.instant()) : null,
                        Timestamp.from(clock.instant()), tenantId, personId, frozen)
                .update() > 0;
    }

    /** Records whether the door-access connector has revoked the person's access. */
    public void setDoorAccessRevoked(long tenantId, long personId, boolean revoked) {
        jdbc.sql("update person set door_access_revoked = ?, updated_at = ? where tenant_id = ? and id = ?")
                .params(revoked, Timestamp.from(clock.instant()), tenantId, personId)
                .update();
    }

    /** Appends a qualification anomaly (lapse, registry mismatch, freeze) for the permit gate's look-back. */
    public void recordAnomaly(long tenantId, long personId, @Nullable Long certificateId, String kind, String detail) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into qualification_anomaly (tenant_id, person_id, certificate_id, kind, detail, occurred_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(tenantId, personId, certificateId, kind, detail, Timestamp.from(clock.instant()))
                .update(keys, "id");
    }

    /** A qualification anomaly as recorded. */
    public record Anomaly(long id, long personId, @Nullable Long certificateId, String kind, String detail,
            Instant occurredAt) {
    }

    /** Returns the anomalies of a person at or after {@code since}, newest first. */
    public List<Anomaly> anomaliesSince(long tenantId, long personId, Instant since) {
        return jdbc.sql("""
                select * from qualification_anomaly where tenant_id = ? and person_id = ? and occurred_at >= ?
                order by occurred_at desc""")
                .params(tenantId, personId, Timestamp.from(since))
                .query((rs, row) -> new Anomaly(rs.getLong("id"), rs.getLong("person_id"),
                        (Long) rs.getObject("certificate_id", Long.class), rs.getString("kind"),
                        rs.getString("detail"), rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    private Person mapPerson(ResultSet rs, int row) throws SQLException {
        return new Person(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("name"), rs.getString("gender"),
                rs.getString("id_number"), rs.getString("org_unit"), rs.getString("position"),
                rs.getBoolean("permit_frozen"), rs.getString("freeze_reason"), rs.getBoolean("door_access_revoked"));
    }

    private Certificate mapCertificate(ResultSet rs, int row) throws SQLException {
        String result = rs.getString("registry_result");
        Timestamp checked = rs.getTimestamp("registry_checked_at");
        String firstPrecision = rs.getString("first_issued_precision");
        return new Certificate(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("person_id"),
                rs.getString("cert_number"), rs.getString("category"), rs.getString("item"),
                localDate(rs, "first_issued_on"), firstPrecision == null ? null : DatePrecision.valueOf(firstPrecision),
                localDate(rs, "valid_from"), rs.getObject("valid_until", LocalDate.class),
                DatePrecision.valueOf(rs.getString("valid_until_precision")), localDate(rs, "review_due_on"),
                localDate(rs, "review_done_on"), rs.getString("issuer"), CertificateState.valueOf(rs.getString("state")),
                result == null ? null : RegistryResult.valueOf(result), checked == null ? null : checked.toInstant(),
                rs.getString("registry_detail"), CertificateClass.valueOf(rs.getString("certificate_class")),
                localDate(rs, "review_extension_approved_on"), rs.getString("state_reason"));
    }

    private static @Nullable LocalDate localDate(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static @Nullable Date date(@Nullable LocalDate value) {
        return value == null ? null : Date.valueOf(value);
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }
}
