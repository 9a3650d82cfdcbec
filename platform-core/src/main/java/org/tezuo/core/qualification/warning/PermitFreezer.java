package org.tezuo.core.qualification.warning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.connector.dooraccess.DoorAccessClient;
import org.tezuo.core.connector.dooraccess.DoorAccessFailedException;
import org.tezuo.core.connector.dooraccess.DoorAccessRequest;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;

/**
 * Keeps a person's permit freeze and site access in line with their lapsed certificates: freezes permit submission
 * and revokes door access while at least one certificate is lapsed, and lifts the freeze and restores access once
 * none is. Freezes it raised are kept in the table certificate_freeze, so it only lifts its own. A door-access
 * failure leaves the freeze in place (or lifted) and is retried by the next pass.
 */
@Component
public class PermitFreezer {

    public static final String AUDIT_FREEZE = "person.permit-freeze";
    public static final String AUDIT_UNFREEZE = "person.permit-unfreeze";
    public static final String AUDIT_DOOR_REVOKE = "person.door-revoke";
    public static final String AUDIT_DOOR_RESTORE = "person.door-restore";
    /** Anomaly kind recorded when a person's permit submission is frozen. */
    public static final String ANOMALY_FREEZE = "PERMIT_FROZEN";

    private static final Logger log = LoggerFactory.getLogger(PermitFreezer.class);

    private final JdbcClient jdbc;
    private final QualificationStore store;
    private final AuditLog audit;
    private final Clock clock;

    public PermitFreezer(JdbcClient jdbc, QualificationStore store, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Result of reconciling one person. */
    record Outcome(boolean frozen, boolean unfrozen, boolean doorFailed) {
    }

    private record FreezeRow(long id, long certificateId, String reason, boolean doorRevoked, boolean lifted) {
    }

    /**
     * The freeze in force on a person, for the person's page.
     *
     * @param ruleId the warning rule that raised it; null for freezes raised before rules were recorded
     * @param frozenAt when the freeze started
     */
    public record ActiveFreeze(long certificateId, String certNumber, String item, @Nullable String ruleId,
            String reason, Instant frozenAt, boolean doorRevoked) {
    }

    /** Returns the freeze in force on a person, or empty when none is. */
    public Optional<ActiveFreeze> activeFreezeOf(long tenantId, long personId) {
        return jdbc.sql("""
                select f.certificate_id, c.cert_number, c.item, f.rule_id, f.reason, f.frozen_at, f.door_revoked
                from certificate_freeze f join certificate c on c.id = f.certificate_id and c.tenant_id = f.tenant_id
                where f.tenant_id = ? and f.person_id = ? and f.lifted_at is null
                order by f.id limit 1""")
                .params(tenantId, personId)
                .query((rs, row) -> new ActiveFreeze(rs.getLong("certificate_id"), rs.getString("cert_number"),
                        rs.getString("item"), rs.getString("rule_id"), rs.getString("reason"),
                        rs.getTimestamp("frozen_at").toInstant(), rs.getBoolean("door_revoked")))
                .optional();
    }

    /** Returns the Chinese freeze reason for a lapse, naming the certificate and the date. */
    static String reasonFor(Lapse lapse) {
        String item = lapse.certificate().item();
        String certNumber = lapse.certificate().certNumber();
        String certificateClass = lapse.certificate().certificateClass().label(UserMessages.DEFAULT_LOCALE);
        if (lapse.invalidInRegistry()) {
            return WarningException.stored("freeze.reason.invalidInRegistry", certNumber, item,
                    String.valueOf(lapse.dueDate()), certificateClass);
        }
        if (lapse.state().administrative()) {
            String stateKey = lapse.state() == CertificateState.REVOKED ? "freeze.reason.revoked"
                    : "freeze.reason.cancelled";
            return WarningException.stored(stateKey, certNumber, item, String.valueOf(lapse.certificate().stateReason()),
                    certificateClass);
        }
        if (lapse.dueKind() == DueKind.REVIEW) {
            return WarningException.stored("freeze.reason.review", certNumber, item, String.valueOf(lapse.dueDate()),
                    certificateClass);
        }
        String stateKey = lapse.state() == CertificateState.EXPIRED ? "freeze.reason.expired"
                : "freeze.reason.validityEnd";
        return WarningException.stored(stateKey, certNumber, item, String.valueOf(lapse.dueDate()), certificateClass);
    }

    /**
     * Reconciles one person with the lapses found for them (empty when none).
     *
     * @param door the tenant's door-access client, or null when the tenant has no door-access connector
     */
    Outcome reconcile(long tenantId, Person person, List<Lapse> lapses, @Nullable DoorAccessClient door,
            String actor) {
        Optional<FreezeRow> active = activeFreeze(tenantId, person.id());
        if (!lapses.isEmpty()) {
            return holdFreeze(tenantId, person, lapses, active, door, actor);
        }
        boolean unfrozen = false;
        if (active.isPresent()) {
            liftFreeze(tenantId, person, active.get(), actor);
            unfrozen = true;
        }
        boolean doorFailed = false;
        for (FreezeRow row : rowsWithDoorRevoked(tenantId, person.id())) {
            doorFailed |= !restoreDoor(tenantId, person, row, door, actor);
        }
        return new Outcome(false, unfrozen, doorFailed);
    }

    private Outcome holdFreeze(long tenantId, Person person, List<Lapse> lapses, Optional<FreezeRow> active,
            @Nullable DoorAccessClient door, String actor) {
        Lapse first = lapses.stream().min(Comparator.comparing(Lapse::dueDate)).orElseThrow();
        boolean freezePermits = lapses.stream().anyMatch(l -> l.actions().contains(WarningAction.FREEZE_PERMITS));
        boolean revokeDoor = lapses.stream().anyMatch(l -> l.actions().contains(WarningAction.REVOKE_DOOR_ACCESS));

        boolean frozen = false;
        FreezeRow row;
        if (active.isPresent()) {
            row = active.get();
        } else {
            row = insertFreeze(tenantId, person.id(), first.certificate().id(), first.ruleId(), reasonFor(first));
            if (freezePermits && store.setPermitFreeze(tenantId, person.id(), true, row.reason())) {
                audit.append(tenantId, actor, AUDIT_FREEZE, "person", String.valueOf(person.id()),
                        Map.of("permitFrozen", false), Map.of("permitFrozen", true, "reason", row.reason(),
                                "certificateId", first.certificate().id(), "rule", first.ruleId()));
                store.recordAnomaly(tenantId, person.id(), first.certificate().id(), ANOMALY_FREEZE, row.reason());
                log.info("Froze permit submission of person {} in tenant {} for certificate {}", person.id(),
                        tenantId, first.certificate().id());
                frozen = true;
            }
        }

        boolean doorFailed = false;
        if (revokeDoor && !row.doorRevoked() && door != null) {
            doorFailed = !revokeDoor(tenantId, person, row, door, actor);
        }
        return new Outcome(frozen, false, doorFailed);
    }

    private void liftFreeze(long tenantId, Person person, FreezeRow row, String actor) {
        jdbc.sql("update certificate_freeze set lifted_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), row.id())
                .update();
        if (store.setPermitFreeze(tenantId, person.id(), false, null)) {
            audit.append(tenantId, actor, AUDIT_UNFREEZE, "person", String.valueOf(person.id()),
                    Map.of("permitFrozen", true, "reason", row.reason()), Map.of("permitFrozen", false));
        }
        log.info("Lifted the permit freeze of person {} in tenant {}", person.id(), tenantId);
    }

    private boolean revokeDoor(long tenantId, Person person, FreezeRow row, DoorAccessClient door, String actor) {
        try {
            door.revoke(new DoorAccessRequest(person.idNumber(), person.name(), row.reason()));
        } catch (DoorAccessFailedException e) {
            log.warn("Door access of person {} in tenant {} was not revoked ({}); the next pass retries",
                    person.id(), tenantId, e.messageKey());
            return false;
        }
        setDoorRevoked(row, true);
        store.setDoorAccessRevoked(tenantId, person.id(), true);
        audit.append(tenantId, actor, AUDIT_DOOR_REVOKE, "person", String.valueOf(person.id()),
                Map.of("doorAccessRevoked", false), Map.of("doorAccessRevoked", true, "reason", row.reason()));
        return true;
    }

    private boolean restoreDoor(long tenantId, Person person, FreezeRow row, @Nullable DoorAccessClient door,
            String actor) {
        if (door == null) {
            log.warn("Door access of person {} in tenant {} stays revoked: no door-access connector is published",
                    person.id(), tenantId);
            return false;
        }
        String reason = WarningException.stored("freeze.restoreReason", person.name());
        try {
            door.restore(new DoorAccessRequest(person.idNumber(), person.name(), reason));
        } catch (DoorAccessFailedException e) {
            log.warn("Door access of person {} in tenant {} was not restored ({}); the next pass retries",
                    person.id(), tenantId, e.messageKey());
            return false;
        }
        setDoorRevoked(row, false);
        store.setDoorAccessRevoked(tenantId, person.id(), false);
        audit.append(tenantId, actor, AUDIT_DOOR_RESTORE, "person", String.valueOf(person.id()),
                Map.of("doorAccessRevoked", true), Map.of("doorAccessRevoked", false, "reason", reason));
        return true;
    }

    private FreezeRow insertFreeze(long tenantId, long personId, long certificateId, String ruleId, String reason) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into certificate_freeze (tenant_id, person_id, certificate_id, rule_id, reason, frozen_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(tenantId, personId, certificateId, ruleId, reason, Timestamp.from(clock.instant()))
                .update(keys, "id");
        return new FreezeRow(keys.getKey().longValue(), certificateId, reason, false, false);
    }

    private void setDoorRevoked(FreezeRow row, boolean revoked) {
        jdbc.sql("update certificate_freeze set door_revoked = ? where id = ?").params(revoked, row.id()).update();
    }

    private Optional<FreezeRow> activeFreeze(long tenantId, long personId) {
        return freezeRows(tenantId, personId, "lifted_at is null").stream().findFirst();
    }

    private List<FreezeRow> rowsWithDoorRevoked(long tenantId, long personId) {
        return freezeRows(tenantId, personId, "door_revoked = true");
    }

    private List<FreezeRow> freezeRows(long tenantId, long personId, String condition) {
        return jdbc.sql("select * from certificate_freeze where tenant_id = ? and person_id = ? and " + condition
                        + " order by id")
                .params(tenantId, personId)
                .query((rs, row) -> new FreezeRow(rs.getLong("id"), rs.getLong("certificate_id"),
                        rs.getString("reason"), rs.getBoolean("door_revoked"), rs.getTimestamp("lifted_at") != null))
                .list();
    }
}
