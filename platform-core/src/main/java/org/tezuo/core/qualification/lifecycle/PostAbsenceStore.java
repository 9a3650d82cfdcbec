package org.tezuo.core.qualification.lifecycle;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.tenant.TenantDirectory;

/**
 * Records when a person leaves the post, returns, and passes the practical re-exam (table person_post_absence).
 * Each step is audited and checked against the one before, so the dates always read in order.
 */
@Component
public class PostAbsenceStore {

    public static final String AUDIT_LEFT = "person.post-left";
    public static final String AUDIT_RETURNED = "person.post-returned";
    public static final String AUDIT_REEXAM = "person.practical-reexam-passed";

    private final JdbcClient jdbc;
    private final QualificationStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final TenantDirectory tenants;

    public PostAbsenceStore(JdbcClient jdbc, QualificationStore store, AuditLog audit, Clock clock,
            TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Returns the person's latest absence, or empty when none is recorded. */
    public Optional<PostAbsence> latest(long tenantId, long personId) {
        return jdbc.sql("""
                select * from person_post_absence where tenant_id = ? and person_id = ?
                order by left_on desc, id desc limit 1""")
                .params(tenantId, personId)
                .query((rs, row) -> new PostAbsence(rs.getLong("id"), rs.getLong("person_id"),
                        rs.getObject("left_on", LocalDate.class), rs.getObject("returned_on", LocalDate.class),
                        rs.getObject("reexam_passed_on", LocalDate.class)))
                .optional();
    }

    /** Records that the person left the post on {@code leftOn}. */
    @Transactional
    public PostAbsence recordLeft(long tenantId, long personId, LocalDate leftOn, String actor) {
        Person person = requirePerson(tenantId, personId);
        Optional<PostAbsence> previous = latest(tenantId, personId);
        if (previous.isPresent() && previous.get().ongoing()) {
            throw new LifecycleException("absence.alreadyAway", person.name(), previous.get().leftOn());
        }
        if (previous.isPresent() && leftOn.isBefore(previous.get().returnedOn())) {
            throw new LifecycleException("absence.leftBeforeLastReturn", person.name(), leftOn,
                    previous.get().returnedOn());
        }
        jdbc.sql("""
                insert into person_post_absence (tenant_id, person_id, left_on, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?)""")
                .params(tenantId, personId, Date.valueOf(leftOn), actor, Timestamp.from(clock.instant()))
                .update();
        audit.append(tenantId, actor, AUDIT_LEFT, "person", String.valueOf(personId), null,
                Map.of("leftOn", leftOn.toString()));
        return latest(tenantId, personId).orElseThrow();
    }

    /** Records that the person came back to the post on {@code returnedOn}. */
    @Transactional
    public PostAbsence recordReturned(long tenantId, long personId, LocalDate returnedOn, String actor) {
        Person person = requirePerson(tenantId, personId);
        PostAbsence absence = latest(tenantId, personId).filter(PostAbsence::ongoing)
                .orElseThrow(() -> new LifecycleException("absence.notAway", person.name()));
        if (returnedOn.isBefore(absence.leftOn())) {
            throw new LifecycleException("absence.returnBeforeLeave", person.name(), returnedOn, absence.leftOn());
        }
        jdbc.sql("update person_post_absence set returned_on = ? where id = ?")
                .params(Date.valueOf(returnedOn), absence.id()).update();
        audit.append(tenantId, actor, AUDIT_RETURNED, "person", String.valueOf(personId),
                Map.of("leftOn", absence.leftOn().toString()), Map.of("returnedOn", returnedOn.toString()));
        return latest(tenantId, personId).orElseThrow();
    }

    /** Records that the person passed the practical re-exam after the latest absence on {@code passedOn}. */
    @Transactional
    public PostAbsence recordReexamPassed(long tenantId, long personId, LocalDate passedOn, String actor) {
        Person person = requirePerson(tenantId, personId);
        PostAbsence absence = latest(tenantId, personId)
                .orElseThrow(() -> new LifecycleException("absence.none", person.name()));
        if (passedOn.isBefore(absence.leftOn())) {
            throw new LifecycleException("absence.reexamBeforeLeave", person.name(), passedOn, absence.leftOn());
        }
        LocalDate today = clock.instant().atZone(tenants.require(tenantId).zone()).toLocalDate();
        if (passedOn.isAfter(today)) {
            throw new LifecycleException("absence.reexamInFuture", person.name(), passedOn, today);
        }
        jdbc.sql("update person_post_absence set reexam_passed_on = ? where id = ?")
                .params(Date.valueOf(passedOn), absence.id()).update();
        audit.append(tenantId, actor, AUDIT_REEXAM, "person", String.valueOf(personId), null,
                Map.of("leftOn", absence.leftOn().toString(), "reexamPassedOn", passedOn.toString()));
        return latest(tenantId, personId).orElseThrow();
    }

    private Person requirePerson(long tenantId, long personId) {
        return store.findPerson(tenantId, personId)
                .orElseThrow(() -> new LifecycleException("person.notFound", String.valueOf(personId)));
    }
}
