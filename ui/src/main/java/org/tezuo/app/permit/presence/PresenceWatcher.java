package org.tezuo.app.permit.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.permit.site.PermitSite;
import org.tezuo.app.permit.site.PermitSiteStore;
import org.tezuo.app.permit.site.SiteState;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.schedule.TenantJobLocks;
import org.tezuo.core.tenant.Tenant;

/**
 * Watches the people checked in on permits on site every {@code tezuo.permit-presence.watch-interval} (default 1
 * minute, the first time one interval after start; 0 turns the schedule off). For each checked-in person it
 * <ul>
 * <li>requests a snapshot when the ruleset's snapshot interval has passed since the newest fix or the last
 * request;</li>
 * <li>raises {@link PresenceAlertKind#MISSED_SNAPSHOT} when a request stays unanswered longer than the response
 * time;</li>
 * <li>raises {@link PresenceAlertKind#OUTSIDE_ZONE} when the newest fix has been outside the zone longer than the
 * ruleset allows, and {@link PresenceAlertKind#GUARDIAN_LEFT} at once for a guardian outside while work is in
 * progress.</li>
 * </ul>
 * Each stretch outside and each request raises at most one alert. The same run deletes the position fixes of
 * permits that were closed or cancelled longer than {@code tezuo.permit-presence.retention} ago (default 365
 * days, the one year GB 30871-2022 requires permits to be kept) and keeps a summary.
 *
 * <p>A run checks each tenant under the cluster-wide lock {@value #LOCK}{@code :<tenant id>}, so app nodes sharing a
 * database check and purge each tenant once. Each permit is checked in its own transaction under its row lock.
 */
@Component
public class PresenceWatcher implements DisposableBean {

    /** Prefix of the cluster-wide lock of one tenant's run; the tenant id follows it. */
    static final String LOCK = "permit-presence-watch";
    static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(10);
    static final Duration SCHEDULED_LOCK_AT_LEAST_FOR = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(PresenceWatcher.class);

    private final TenantJobLocks tenantLocks;
    private final PermitPresenceStore store;
    private final PermitStore permits;
    private final PermitSiteStore sites;
    private final PresencePolicy policy;
    private final PresenceAlerts alerts;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration interval;
    private final Duration retention;
    private final ThreadPoolTaskScheduler worker = new ThreadPoolTaskScheduler();

    /** Counts of one run. */
    public record WatchRun(int tenantsChecked, int tenantsSkipped, int permitsChecked, int snapshotsRequested,
            int alertsRaised, int permitsPurged, int fixesPurged) {
    }

    private record PermitResult(int snapshotsRequested, int alertsRaised) {
    }

    PresenceWatcher(TenantJobLocks tenantLocks, PermitPresenceStore store, PermitStore permits,
            PermitSiteStore sites, PresencePolicy policy, PresenceAlerts alerts, AuditLog audit,
            TransactionTemplate transaction, Clock clock,
            @Value("${tezuo.permit-presence.watch-interval:1m}") Duration interval,
            @Value("${tezuo.permit-presence.retention:365d}") Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("tezuo.permit-presence.retention is " + retention
                    + "; set a positive duration such as 365d, no shorter than the permit record must be kept");
        }
        this.tenantLocks = tenantLocks;
        this.store = store;
        this.permits = permits;
        this.sites = sites;
        this.policy = policy;
        this.alerts = alerts;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
        this.interval = interval;
        this.retention = retention;
        worker.setThreadNamePrefix("tezuo-presence-");
        worker.setPoolSize(1);
        worker.initialize();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!interval.isZero() && !interval.isNegative()) {
            worker.scheduleWithFixedDelay(this::runQuietly, clock.instant().plus(interval), interval);
            log.info("Watching presence on permits every {}; position fixes kept {} after a permit ends", interval,
                    retention);
        }
    }

    /** Runs the checks and the retention purge now, except in tenants whose run another node holds. */
    public WatchRun runNow() {
        return run(Duration.ZERO);
    }

    private WatchRun run(Duration lockAtLeastFor) {
        Counts counts = new Counts();
        TenantJobLocks.Pass pass = tenantLocks.forEachTenant(LOCK, LOCK_AT_MOST_FOR, lockAtLeastFor, tenant -> {
            for (long permitId : store.permitsWithPeopleOnSite(tenant.id())) {
                counts.permitsChecked++;
                PermitResult result = checkQuietly(tenant, permitId);
                counts.snapshots += result.snapshotsRequested();
                counts.raised += result.alertsRaised();
            }
            Instant endedBefore = clock.instant().minus(retention);
            for (long permitId : store.permitsToPurge(tenant.id(), endedBefore)) {
                int deleted = purgeQuietly(tenant, permitId);
                if (deleted > 0) {
                    counts.permitsPurged++;
                    counts.fixesPurged += deleted;
                }
            }
        });
        log.debug("Presence watch checked {} permits of {} tenants: {} snapshots requested, {} alerts, {} fixes of {} "
                + "permits deleted", counts.permitsChecked, pass.tenantsChecked(), counts.snapshots, counts.raised,
                counts.fixesPurged, counts.permitsPurged);
        return new WatchRun(pass.tenantsChecked(), pass.tenantsSkipped(), counts.permitsChecked, counts.snapshots,
                counts.raised, counts.permitsPurged, counts.fixesPurged);
    }

    /** Running totals of one run, filled tenant by tenant. */
    private static final class Counts {
        int permitsChecked;
        int snapshots;
        int raised;
        int permitsPurged;
        int fixesPurged;
    }

    private PermitResult checkQuietly(Tenant tenant, long permitId) {
        try {
            return transaction.execute(status -> check(tenant, permitId));
        } catch (RuntimeException e) {
            log.error("Presence check of permit {} of tenant {} failed; the next run checks it again", permitId,
                    tenant.id(), e);
            return new PermitResult(0, 0);
        }
    }

    private PermitResult check(Tenant tenant, long permitId) {
        if (!sites.lockPermit(tenant.id(), permitId)) {
            return new PermitResult(0, 0);
        }
        Permit permit = permits.find(tenant.id(), permitId).orElse(null);
        PermitSite site = sites.find(tenant.id(), permitId).orElse(null);
        if (permit == null || site == null || !PresenceRecorder.onSiteStates().contains(site.state())) {
            return new PermitResult(0, 0);
        }
        PresenceThresholds thresholds = policy.of(permit, site).thresholds();
        Instant now = clock.instant();
        int snapshots = 0;
        int raised = 0;
        for (PresencePerson person : store.people(tenant.id(), permitId)) {
            if (!person.checkedIn()) {
                continue;
            }
            PresencePerson next = person;
            PresenceAlertKind outside = outsideAlert(next, site, thresholds, now);
            if (outside != null) {
                String source = outside == PresenceAlertKind.GUARDIAN_LEFT ? PresenceRecorder.GUARDIAN_SOURCE
                        : thresholds.source(PresenceThresholds.OUTSIDE_ALERT);
                alerts.raise(permit, site, next, outside, next.outsideSince(), next.lastDistanceMetres(), source, now,
                        tenant.zone());
                next = next.withOutsideAlerted(now);
                raised++;
            }
            if (missedSnapshot(next, thresholds, now)) {
                alerts.raise(permit, site, next, PresenceAlertKind.MISSED_SNAPSHOT, next.snapshotRequestedAt(),
                        next.lastDistanceMetres(), thresholds.source(PresenceThresholds.SNAPSHOT_ANSWER), now,
                        tenant.zone());
                next = next.withMissedAlerted(now);
                raised++;
            }
            if (snapshotDue(next, thresholds, now)) {
                alerts.requestSnapshot(permit, next, thresholds.snapshotAnswerWithin());
                next = next.withSnapshotRequested(now);
                snapshots++;
            }
            if (!next.equals(person)) {
                store.save(tenant.id(), next);
            }
        }
        return new PermitResult(snapshots, raised);
    }

    private static @Nullable PresenceAlertKind outsideAlert(PresencePerson person, PermitSite site,
            PresenceThresholds thresholds, Instant now) {
        if (!Boolean.FALSE.equals(person.lastInside()) || person.outsideAlertedAt() != null) {
            return null;
        }
        if (person.role() == PresenceRole.GUARDIAN && site.state() == SiteState.IN_PROGRESS) {
            return PresenceAlertKind.GUARDIAN_LEFT;
        }
        return person.outsideFor(now).compareTo(thresholds.outsideAlertAfter()) > 0 ? PresenceAlertKind.OUTSIDE_ZONE
                : null;
    }

    private static boolean missedSnapshot(PresencePerson person, PresenceThresholds thresholds, Instant now) {
        return person.snapshotRequestedAt() != null && person.missedAlertedAt() == null
                && !now.isBefore(person.snapshotRequestedAt().plus(thresholds.snapshotAnswerWithin()));
    }

    /** Returns whether a snapshot is due: one interval after the newest fix, and again after an unanswered request. */
    private static boolean snapshotDue(PresencePerson person, PresenceThresholds thresholds, Instant now) {
        Instant since = person.snapshotRequestedAt() != null ? person.snapshotRequestedAt() : person.lastFixAt();
        return !now.isBefore(since.plus(thresholds.snapshotInterval()));
    }

    private int purgeQuietly(Tenant tenant, long permitId) {
        try {
            return transaction.execute(status -> {
                Instant now = clock.instant();
                int deleted = store.purgeFixes(tenant.id(), permitId, now);
                audit.append(tenant.id(), AuditLog.SYSTEM_ACTOR, "permit.presence.purge", "permit",
                        String.valueOf(permitId), null, Map.of("fixesDeleted", deleted, "retention",
                                retention.toString()));
                log.info("Deleted {} position fixes of permit {} of tenant {} after the retention of {}", deleted,
                        permitId, tenant.id(), retention);
                return deleted;
            });
        } catch (RuntimeException e) {
            log.error("Deleting the position fixes of permit {} of tenant {} failed; the next run tries again",
                    permitId, tenant.id(), e);
            return 0;
        }
    }

    private void runQuietly() {
        try {
            run(TenantJobLocks.scheduledLockAtLeastFor(interval, SCHEDULED_LOCK_AT_LEAST_FOR));
        } catch (RuntimeException e) {
            log.error("Presence watch failed; the next run tries again", e);
        }
    }

    @Override
    public void destroy() {
        worker.shutdown();
    }
}
