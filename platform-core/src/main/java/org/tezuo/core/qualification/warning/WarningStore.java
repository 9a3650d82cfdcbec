package org.tezuo.core.qualification.warning;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Stores raised warnings and their role confirmations (tables certificate_warning, certificate_warning_role). */
@Component
public class WarningStore {

    private final JdbcClient jdbc;

    public WarningStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Values of a warning to raise. */
    record NewWarning(long tenantId, long certificateId, long personId, String ruleId, WarningKind kind,
            LocalDate dueDate, DueKind dueKind, String message, @Nullable String link, WarningStatus status) {
    }

    boolean exists(long tenantId, long certificateId, String ruleId, LocalDate dueDate) {
        return jdbc.sql("""
                select count(*) from certificate_warning
                where tenant_id = ? and certificate_id = ? and rule_id = ? and due_date = ?""")
                .params(tenantId, certificateId, ruleId, Date.valueOf(dueDate))
                .query(Long.class).single() > 0;
    }

    /** Inserts a warning; returns empty when the same certificate, rule and due date already has one. */
    Optional<Long> insertIfAbsent(NewWarning warning, Instant createdAt) {
        if (exists(warning.tenantId(), warning.certificateId(), warning.ruleId(), warning.dueDate())) {
            return Optional.empty();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into certificate_warning (tenant_id, certificate_id, person_id, rule_id, kind, due_date,
                        due_kind, message, link, status, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(warning.tenantId(), warning.certificateId(), warning.personId(), warning.ruleId(),
                            warning.kind().name(), Date.valueOf(warning.dueDate()), warning.dueKind().name(),
                            warning.message(), warning.link(), warning.status().name(), Timestamp.from(createdAt))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            // A concurrent pass raised it first; the unique key is what guarantees "once".
            return Optional.empty();
        }
        return Optional.of(keys.getKey().longValue());
    }

    void insertRole(long warningId, String role, List<String> assignees) {
        jdbc.sql("insert into certificate_warning_role (warning_id, role, assignees) values (?, ?, ?)")
                .params(warningId, role, String.join(",", assignees))
                .update();
    }

    /** Marks a role confirmed; returns false when another user confirmed it first. */
    boolean confirmRole(long warningId, String role, String username, Instant confirmedAt) {
        return jdbc.sql("""
                update certificate_warning_role set confirmed_by = ?, confirmed_at = ?
                where warning_id = ? and role = ? and confirmed_by is null""")
                .params(username, Timestamp.from(confirmedAt), warningId, role)
                .update() > 0;
    }

    void markDone(long tenantId, long warningId, Instant doneAt) {
        jdbc.sql("update certificate_warning set status = 'DONE', done_at = ? where tenant_id = ? and id = ?")
                .params(Timestamp.from(doneAt), tenantId, warningId)
                .update();
    }

    /** Returns one warning of the tenant with its roles. */
    public Optional<CertificateWarning> find(long tenantId, long warningId) {
        return jdbc.sql("select * from certificate_warning where tenant_id = ? and id = ?")
                .params(tenantId, warningId).query(this::map).optional();
    }

    /** Returns the warnings raised for one certificate, oldest first. */
    public List<CertificateWarning> forCertificate(long tenantId, long certificateId) {
        return jdbc.sql("select * from certificate_warning where tenant_id = ? and certificate_id = ? order by id")
                .params(tenantId, certificateId).query(this::map).list();
    }

    /** Returns the warnings raised for one person, oldest first. */
    public List<CertificateWarning> forPerson(long tenantId, long personId) {
        return jdbc.sql("select * from certificate_warning where tenant_id = ? and person_id = ? order by id")
                .params(tenantId, personId).query(this::map).list();
    }

    /** Returns the newest warnings of the tenant, newest first. */
    public List<CertificateWarning> recent(long tenantId, int limit) {
        return jdbc.sql("select * from certificate_warning where tenant_id = ? order by id desc limit ?")
                .params(tenantId, limit).query(this::map).list();
    }

    /** Returns the open to-dos that name {@code username} for a role not yet confirmed, oldest first. */
    public List<CertificateWarning> openTodosFor(long tenantId, String username) {
        return jdbc.sql("select * from certificate_warning where tenant_id = ? and status = 'OPEN' order by id")
                .param(tenantId).query(this::map).list().stream()
                .filter(warning -> warning.roles().stream()
                        .anyMatch(role -> !role.confirmed() && role.assignees().contains(username)))
                .toList();
    }

    /** Returns the open to-dos of a rule raised at or before {@code raisedBy} and not yet escalated, oldest first. */
    List<CertificateWarning> unescalatedTodos(long tenantId, String ruleId, Instant raisedBy) {
        return jdbc.sql("""
                select * from certificate_warning
                where tenant_id = ? and rule_id = ? and status = 'OPEN' and escalated_at is null and created_at <= ?
                order by id""")
                .params(tenantId, ruleId, Timestamp.from(raisedBy)).query(this::map).list();
    }

    /** Marks a to-do escalated; returns false when a concurrent pass escalated it first. */
    boolean markEscalated(long tenantId, long warningId, Instant escalatedAt, List<String> usernames) {
        return jdbc.sql("""
                update certificate_warning set escalated_at = ?, escalated_to = ?
                where tenant_id = ? and id = ? and escalated_at is null""")
                .params(Timestamp.from(escalatedAt), String.join(",", usernames), tenantId, warningId)
                .update() > 0;
    }

    private static List<String> names(@Nullable String commaSeparated) {
        return commaSeparated == null || commaSeparated.isEmpty() ? List.of()
                : Arrays.asList(commaSeparated.split(","));
    }

    private CertificateWarning map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Timestamp done = rs.getTimestamp("done_at");
        Timestamp escalated = rs.getTimestamp("escalated_at");
        return new CertificateWarning(id, rs.getLong("tenant_id"), rs.getLong("certificate_id"),
                rs.getLong("person_id"), rs.getString("rule_id"), WarningKind.valueOf(rs.getString("kind")),
                rs.getObject("due_date", LocalDate.class), DueKind.valueOf(rs.getString("due_kind")),
                rs.getString("message"), rs.getString("link"), WarningStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), done == null ? null : done.toInstant(), roles(id),
                escalated == null ? null : escalated.toInstant(), names(rs.getString("escalated_to")));
    }

    private List<CertificateWarning.RoleConfirmation> roles(long warningId) {
        return jdbc.sql("select * from certificate_warning_role where warning_id = ? order by id")
                .param(warningId)
                .query((rs, row) -> {
                    Timestamp confirmed = rs.getTimestamp("confirmed_at");
                    return new CertificateWarning.RoleConfirmation(rs.getString("role"),
                            names(rs.getString("assignees")),
                            rs.getString("confirmed_by"), confirmed == null ? null : confirmed.toInstant());
                })
                .list();
    }
}
