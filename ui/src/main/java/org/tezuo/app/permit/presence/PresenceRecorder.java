package org.tezuo.app.permit.presence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tezuo.app.api.NotFoundException;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitStatus;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.permit.site.PermitSite;
import org.tezuo.app.permit.site.PermitSiteStore;
import org.tezuo.app.permit.site.SiteState;
import org.tezuo.app.permit.site.SiteText;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.tenant.TenantDirectory;

/**
 * Records check-ins, snapshots and check-outs sent by phone. Each runs in one transaction under the permit's row lock.
 * It checks that the permit is on site (accepted and not closed or cancelled) and names the user, and it validates the
 * position and its accuracy. Then it places the position in the zone and stores the fix, the person's presence state
 * and an audit record. A guardian whose fix is outside the zone, or who checks out, while work is in progress raises
 * an alert at once, because GB 30871-2022 4.10 requires the guardian on site throughout the work.
 *
 * <p>A fix counts as outside only when its distance to the zone exceeds its accuracy radius, so a fix whose
 * uncertainty reaches into the zone is given the benefit of the doubt.
 */
@Component
public class PresenceRecorder {

    /** Source of the rule that a guardian stays on site while work is in progress. */
    static final String GUARDIAN_SOURCE = "GB 30871-2022 4.10";

    private static final Set<SiteState> ON_SITE = Set.of(SiteState.ACCEPTED, SiteState.GAS_TESTED,
            SiteState.PRE_START_CHECKED, SiteState.IN_PROGRESS, SiteState.SUSPENDED_ON_SITE);
    private static final Logger log = LoggerFactory.getLogger(PresenceRecorder.class);

    private final PermitPresenceStore store;
    private final PermitStore permits;
    private final PermitSiteStore sites;
    private final PresencePeople people;
    private final PresencePolicy policy;
    private final PresenceAlerts alerts;
    private final TenantDirectory tenants;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PresenceRecorder(PermitPresenceStore store, PermitStore permits, PermitSiteStore sites, PresencePeople people,
            PresencePolicy policy, PresenceAlerts alerts, TenantDirectory tenants, AuditLog audit,
            TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.permits = permits;
        this.sites = sites;
        this.people = people;
        this.policy = policy;
        this.alerts = alerts;
        this.tenants = tenants;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * A position as the phone reports it; every value may be missing and is checked here.
     *
     * @param accuracyMetres the Geolocation API's {@code coords.accuracy}
     * @param deviceTime the phone's time of the fix
     */
    public record Report(@Nullable Double latitude, @Nullable Double longitude, @Nullable Double accuracyMetres,
            @Nullable Instant deviceTime) {
    }

    /** The stored fix and the person's presence state after it. */
    public record Recorded(PresenceFix fix, PresencePerson person) {
    }

    public Recorded checkIn(Actor actor, long permitId, Report report) {
        return record(actor, permitId, report, PresenceFix.Kind.CHECK_IN);
    }

    public Recorded snapshot(Actor actor, long permitId, Report report) {
        return record(actor, permitId, report, PresenceFix.Kind.SNAPSHOT);
    }

    public Recorded checkOut(Actor actor, long permitId, Report report) {
        return record(actor, permitId, report, PresenceFix.Kind.CHECK_OUT);
    }

    /** Returns the site states in which people may check in. */
    static Set<SiteState> onSiteStates() {
        return ON_SITE;
    }

    private Recorded record(Actor actor, long permitId, Report report, PresenceFix.Kind kind) {
        return transaction.execute(status -> {
            long tenantId = actor.tenantId();
            if (!sites.lockPermit(tenantId, permitId)) {
                throw new NotFoundException("作业票", permitId);
            }
            Permit permit = permits.find(tenantId, permitId).orElseThrow(() -> new NotFoundException("作业票",
                    permitId));
            PermitSite site = requireOnSite(permit);
            PresenceRole role = people.roleOf(permit, site, actor.username())
                    .orElseThrow(() -> new PresenceForbiddenException(PresenceAlerts.number(permit),
                            people.name(tenantId, actor.username())));
            PresencePolicy.Applied applied = policy.of(permit, site);
            GeoPosition position = validPosition(report);
            BigDecimal accuracy = validAccuracy(report, applied.thresholds());
            PresencePerson before = store.person(tenantId, permitId, actor.username()).orElse(null);
            if (kind != PresenceFix.Kind.CHECK_IN && (before == null || !before.checkedIn())) {
                throw new PresenceStateException("presence.notCheckedIn", PresenceAlerts.number(permit),
                        people.name(tenantId, actor.username()));
            }
            if (kind == PresenceFix.Kind.CHECK_IN) {
                rejectIfGuardingElsewhere(permit, actor.username(), role);
            }

            Instant now = clock.instant();
            PresenceFix fix = place(permitId, actor.username(), kind, position, accuracy, report.deviceTime(), now,
                    applied.zone());
            PresencePerson after = next(before, permitId, actor.username(), role, fix);
            store.insertFix(tenantId, fix);
            after = guardianAlerts(permit, site, after, fix, tenants.require(tenantId).zone());
            store.save(tenantId, after);
            audit(permit, actor, kind, fix, role);
            return new Recorded(fix, after);
        });
    }

    /**
     * Rejects a check-in that would place one guardian at two jobs at once: a guardian checked in on another permit
     * on site, or anyone checked in elsewhere who checks in here as guardian. GB 30871-2022 4.10 keeps the guardian
     * on one site throughout, so the person checks out there first (which suspends that work).
     */
    private void rejectIfGuardingElsewhere(Permit permit, String username, PresenceRole role) {
        for (PermitPresenceStore.CheckedInElsewhere other : store.checkedInElsewhere(permit.tenantId(), username,
                permit.id())) {
            if (role == PresenceRole.GUARDIAN || other.role() == PresenceRole.GUARDIAN) {
                String otherNumber = permits.find(permit.tenantId(), other.permitId())
                        .map(PresenceAlerts::number)
                        .orElse("#" + other.permitId());
                log.info("User {} of tenant {} is checked in on permit {} as {}; check-in on permit {} as {} rejected",
                        username, permit.tenantId(), other.permitId(), other.role(), permit.id(), role);
                throw new PresenceStateException(other.role() == PresenceRole.GUARDIAN
                        ? "presence.guardian.elsewhere" : "presence.guardian.busyElsewhere",
                        PresenceAlerts.number(permit), people.name(permit.tenantId(), username), otherNumber);
            }
        }
    }

    private PermitSite requireOnSite(Permit permit) {
        PermitSite site = sites.find(permit.tenantId(), permit.id()).orElse(null);
        if (permit.status() != PermitStatus.ISSUED) {
            throw new PresenceStateException("presence.notIssued", PresenceAlerts.number(permit),
                    SiteText.fixed(permit.status().zh(), permit.status().en()));
        }
        if (site == null || !ON_SITE.contains(site.state())) {
            SiteState state = site == null ? SiteState.ISSUED : site.state();
            throw new PresenceStateException("presence.notOnSite", PresenceAlerts.number(permit), state);
        }
        return site;
    }

    private static GeoPosition validPosition(Report report) {
        if (report.latitude() == null) {
            throw new PresenceException("presence.position.missing", "lat");
        }
        if (report.longitude() == null) {
            throw new PresenceException("presence.position.missing", "lon");
        }
        double latitude = report.latitude();
        double longitude = report.longitude();
        if (!GeoPosition.validLatitude(latitude)) {
            throw new PresenceException("presence.latitude.invalid", String.valueOf(latitude));
        }
        if (!GeoPosition.validLongitude(longitude)) {
            throw new PresenceException("presence.longitude.invalid", String.valueOf(longitude));
        }
        if (latitude == 0 && longitude == 0) {
            throw new PresenceException("presence.position.nullIsland");
        }
        return new GeoPosition(latitude, longitude);
    }

    private static BigDecimal validAccuracy(Report report, PresenceThresholds thresholds) {
        if (report.accuracyMetres() == null) {
            throw new PresenceException("presence.position.missing", "accuracy");
        }
        double accuracy = report.accuracyMetres();
        if (!Double.isFinite(accuracy) || accuracy <= 0) {
            throw new PresenceException("presence.accuracy.invalid", String.valueOf(accuracy));
        }
        BigDecimal metres = BigDecimal.valueOf(accuracy).setScale(1, RoundingMode.HALF_UP);
        if (metres.compareTo(thresholds.maxAccuracyMetres()) > 0) {
            throw new PresenceException("presence.accuracy.tooLow", metres.toPlainString(),
                    thresholds.maxAccuracyMetres().toPlainString(),
                    thresholds.source(PresenceThresholds.MAX_ACCURACY));
        }
        return metres;
    }

    private static PresenceFix place(long permitId, String username, PresenceFix.Kind kind, GeoPosition position,
            BigDecimal accuracy, @Nullable Instant deviceTime, Instant now, @Nullable ZoneGeometry zone) {
        if (zone == null) {
            return new PresenceFix(permitId, username, kind, position, accuracy, deviceTime, now, null, null);
        }
        ZoneGeometry.Placement placement = zone.place(position);
        boolean inside = placement.inside() || placement.distanceMetres() <= accuracy.doubleValue();
        return new PresenceFix(permitId, username, kind, position, accuracy, deviceTime, now, inside,
                PermitPresenceStore.metres(placement.distanceMetres()));
    }

    /** Returns the person's state after a fix; a new stretch outside starts at the first fix outside. */
    private static PresencePerson next(@Nullable PresencePerson before, long permitId, String username,
            PresenceRole role, PresenceFix fix) {
        boolean stillCheckedIn = before != null && before.checkedIn();
        Instant checkedInAt = stillCheckedIn ? before.checkedInAt() : fix.recordedAt();
        Instant checkedOutAt = fix.kind() == PresenceFix.Kind.CHECK_OUT ? fix.recordedAt() : null;
        boolean outside = Boolean.FALSE.equals(fix.inside());
        boolean continuesStretch = outside && stillCheckedIn && before.outsideSince() != null;
        Instant outsideSince = null;
        Instant outsideAlertedAt = null;
        if (continuesStretch) {
            outsideSince = before.outsideSince();
            outsideAlertedAt = before.outsideAlertedAt();
        } else if (outside) {
            outsideSince = fix.recordedAt();
        }
        return new PresencePerson(before == null ? 0 : before.id(), permitId, username, role, checkedInAt,
                checkedOutAt, fix.recordedAt(), fix.inside(), fix.distanceMetres(), outsideSince, outsideAlertedAt,
                null, null);
    }

    private PresencePerson guardianAlerts(Permit permit, PermitSite site, PresencePerson person, PresenceFix fix,
            ZoneId zone) {
        if (person.role() != PresenceRole.GUARDIAN || site.state() != SiteState.IN_PROGRESS) {
            return person;
        }
        if (fix.kind() == PresenceFix.Kind.CHECK_OUT) {
            alerts.raise(permit, site, person, PresenceAlertKind.GUARDIAN_CHECKED_OUT, null, fix.distanceMetres(),
                    GUARDIAN_SOURCE, fix.recordedAt(), zone);
            return person;
        }
        if (Boolean.FALSE.equals(fix.inside()) && person.outsideAlertedAt() == null) {
            alerts.raise(permit, site, person, PresenceAlertKind.GUARDIAN_LEFT, person.outsideSince(),
                    fix.distanceMetres(), GUARDIAN_SOURCE, fix.recordedAt(), zone);
            return person.withOutsideAlerted(fix.recordedAt());
        }
        return person;
    }

    /** Audits the fix without its coordinates, because the audit chain outlives the retention of positions. */
    private void audit(Permit permit, Actor actor, PresenceFix.Kind kind, PresenceFix fix, PresenceRole role) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("role", role.name());
        after.put("accuracyMetres", fix.accuracyMetres());
        after.put("inside", fix.inside());
        after.put("distanceMetres", fix.distanceMetres());
        String action = switch (kind) {
            case CHECK_IN -> "check-in";
            case SNAPSHOT -> "snapshot";
            case CHECK_OUT -> "check-out";
        };
        audit.append(permit.tenantId(), actor.username(), "permit.presence." + action, "permit",
                String.valueOf(permit.id()), null, after);
        log.info("Permit {} of tenant {}: presence {} by {} ({}), inside {}", permit.id(), permit.tenantId(), action,
                actor.username(), role, fix.inside());
    }
}
