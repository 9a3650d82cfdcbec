package org.tezuo.app.permit.site;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.PermitStatus;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.connector.weather.WeatherObservation;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.risk.RiskAssessment;
import org.tezuo.core.risk.RiskItem;
import org.tezuo.core.schedule.ClusterJobLock;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;

/**
 * Re-evaluates every permit in progress on live data every {@code tezuo.permit-site.watch-interval} (default 5
 * minutes, the first time one interval after start; 0 turns the schedule off). It uses the ruleset version in
 * force on site, the tenant's current weather (read once per tenant and run) and the newest gas test. Blocking
 * items are, for example, level 5 wind for open-air hot work, a validity that ran out or an overdue periodic
 * re-test. One of them suspends the permit with the rule, value, limit and clause as the reason, and the work
 * leader and the safety directors are notified. A re-test rule that comes due within {@code tezuo.permit-site.retest-reminder-lead} (default 15
 * minutes) creates a re-test for the work leader.
 *
 * <p>A run checks each tenant under the cluster-wide lock {@value #LOCK}{@code :<tenant id>}, so app nodes sharing a
 * database check each tenant once. Each permit is checked in its own transaction under its row lock, and a check
 * of one permit that fails is logged and does not stop the others.
 */
@Component
public class PermitSiteWatcher implements DisposableBean {

    /** Prefix of the cluster-wide lock of one tenant's check; the tenant id follows it. */
    static final String LOCK = "permit-site-watch";
    /** How long the lock outlives a node that died during a run. */
    static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(10);
    /** Upper bound of how long a scheduled run keeps its lock, against clock differences between nodes. */
    static final Duration SCHEDULED_LOCK_AT_LEAST_FOR = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(PermitSiteWatcher.class);

    private final TenantDirectory tenants;
    private final PermitSiteStore sites;
    private final SiteStepRunner runner;
    private final SiteRuleCheck rules;
    private final SiteWeather weather;
    private final SiteNotices notices;
    private final ClusterJobLock lock;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration interval;
    private final Duration reminderLead;
    private final ThreadPoolTaskScheduler worker = new ThreadPoolTaskScheduler();

    /**
     * Counts of one run.
     *
     * @param tenantsSkipped tenants whose check another node held the lock of
     * @param checked permits in progress that were checked
     */
    public record WatchRun(int tenantsChecked, int tenantsSkipped, int checked, int suspended, int retestsDue) {
    }

    private enum Result {
        UNCHANGED, SUSPENDED, RETEST_DUE
    }

    PermitSiteWatcher(TenantDirectory tenants, PermitSiteStore sites, SiteStepRunner runner, SiteRuleCheck rules,
            SiteWeather weather, SiteNotices notices, ClusterJobLock lock, TransactionTemplate transaction,
            Clock clock, @Value("${tezuo.permit-site.watch-interval:5m}") Duration interval,
            @Value("${tezuo.permit-site.retest-reminder-lead:15m}") Duration reminderLead) {
        if (reminderLead.isNegative()) {
            throw new IllegalArgumentException("tezuo.permit-site.retest-reminder-lead is " + reminderLead
                    + "; set 0 or a positive duration such as 15m");
        }
        this.tenants = tenants;
        this.sites = sites;
        this.runner = runner;
        this.rules = rules;
        this.weather = weather;
        this.notices = notices;
        this.lock = lock;
        this.transaction = transaction;
        this.clock = clock;
        this.interval = interval;
        this.reminderLead = reminderLead;
        worker.setThreadNamePrefix("tezuo-permit-site-");
        worker.setPoolSize(1);
        worker.initialize();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!interval.isZero() && !interval.isNegative()) {
            worker.scheduleWithFixedDelay(this::runQuietly, clock.instant().plus(interval), interval);
            log.info("Watching permits in progress every {} (re-test reminders {} ahead)", interval, reminderLead);
        }
    }

    /** Checks every permit in progress now, except in tenants whose check another node is running. */
    public WatchRun runNow() {
        return run(Duration.ZERO);
    }

    private WatchRun run(Duration lockAtLeastFor) {
        int tenantsChecked = 0;
        int tenantsSkipped = 0;
        int checked = 0;
        int suspended = 0;
        int retestsDue = 0;
        for (Tenant tenant : tenants.all()) {
            String lockName = LOCK + ":" + tenant.id();
            Optional<ClusterJobLock.Lease> acquired = lock.tryAcquire(lockName, LOCK_AT_MOST_FOR, lockAtLeastFor);
            if (acquired.isEmpty()) {
                log.info("Permit site watch of tenant {} skipped: lock '{}' is held by another run", tenant.id(),
                        lockName);
                tenantsSkipped++;
                continue;
            }
            // NOTE: unlike certificate jobs, a check does not extend its lock. One that outlasts LOCK_AT_MOST_FOR
            // may overlap another node's check, which is harmless because each permit is checked under its row lock.
            try (ClusterJobLock.Lease lease = acquired.get()) {
                tenantsChecked++;
                Supplier<Optional<WeatherObservation>> observation = once(() -> weather.current(tenant.id()));
                for (PermitSite site : sites.inState(tenant.id(), SiteState.IN_PROGRESS)) {
                    checked++;
                    switch (checkQuietly(tenant, site.permitId(), observation)) {
                        case SUSPENDED -> suspended++;
                        case RETEST_DUE -> retestsDue++;
                        case UNCHANGED -> {
                        }
                    }
                }
            }
        }
        log.debug("Permit site watch checked {} permits of {} tenants: {} suspended, {} re-tests due", checked,
                tenantsChecked, suspended, retestsDue);
        return new WatchRun(tenantsChecked, tenantsSkipped, checked, suspended, retestsDue);
    }

    private Result checkQuietly(Tenant tenant, long permitId, Supplier<Optional<WeatherObservation>> observation) {
        try {
            return transaction.execute(status -> check(tenant, permitId, observation));
        } catch (RuntimeException e) {
            log.error("Site check of permit {} of tenant {} failed; the next run checks it again", permitId,
                    tenant.id(), e);
            return Result.UNCHANGED;
        }
    }

    private Result check(Tenant tenant, long permitId, Supplier<Optional<WeatherObservation>> observation) {
        Actor system = new Actor(tenant.id(), AuditLog.SYSTEM_ACTOR, UserMessages.DEFAULT_LOCALE);
        SiteStepRunner.Context context = runner.open(system, permitId, true).orElse(null);
        if (context == null || context.state() != SiteState.IN_PROGRESS
                || context.permit().status() != PermitStatus.ISSUED) {
            return Result.UNCHANGED;
        }
        PermitSite site = context.requireSite();
        RiskAssessment assessment = rules.evaluateStep(context, context.ruleset(), SiteAction.AUTO_SUSPEND,
                site.validUntil(), observation, reminderLead);

        List<SiteReason> blocking = SiteRuleCheck.blocking(assessment, context.ruleset(), false);
        if (!blocking.isEmpty()) {
            suspend(context, blocking);
            return Result.SUSPENDED;
        }
        Optional<RiskItem> due = SiteRuleCheck.retestDue(assessment);
        if (due.isPresent() && site.lastPassedGasTestAt() != null
                && sites.openRetest(tenant.id(), permitId).isEmpty()) {
            return announceRetest(context, due.get()) ? Result.RETEST_DUE : Result.UNCHANGED;
        }
        return Result.UNCHANGED;
    }

    private void suspend(SiteStepRunner.Context context, List<SiteReason> blocking) {
        PermitSite suspended = context.requireSite().suspended(context.now(), blocking);
        if (blocking.stream().anyMatch(reason -> reason.code().endsWith(".site.retest-overdue"))) {
            sites.resolveRetests(context.permit().tenantId(), context.permit().id(), SiteRetest.MISSED,
                    context.now());
        }
        notices.suspended(context.permit(), suspended, blocking, context.now(), context.zone());
        runner.commit(context, SiteAction.AUTO_SUSPEND, new SiteStepRunner.Outcome(suspended,
                context.ruleset().version(), null, blocking, runner.emptyDetails()));
    }

    /** Creates the re-test that a reminder rule found due; the rule's limit is the re-test interval in minutes. */
    private boolean announceRetest(SiteStepRunner.Context context, RiskItem due) {
        if (!(due.limit() instanceof BigDecimal intervalMinutes)) {
            log.warn("Re-test rule {} of permit {} has no interval in minutes as its limit; no re-test created",
                    due.code(), context.permit().id());
            return false;
        }
        PermitSite site = context.requireSite();
        Instant dueAt = site.lastPassedGasTestAt().plusSeconds(intervalMinutes.multiply(BigDecimal.valueOf(60))
                .longValue());
        SiteReason reason = SiteReason.of(due, context.ruleset().unitOf(due.code()));
        sites.insertRetest(context.permit().tenantId(), context.permit().id(), dueAt, due.code(), context.now());
        notices.retestDue(context.permit(), site, dueAt, reason, context.zone());
        var details = runner.emptyDetails();
        details.put("dueAt", dueAt.toString());
        runner.commit(context, SiteAction.RETEST_DUE, new SiteStepRunner.Outcome(site, context.ruleset().version(),
                null, List.of(reason), details));
        return true;
    }

    private void runQuietly() {
        try {
            Duration half = interval.dividedBy(2);
            run(half.compareTo(SCHEDULED_LOCK_AT_LEAST_FOR) < 0 ? half : SCHEDULED_LOCK_AT_LEAST_FOR);
        } catch (RuntimeException e) {
            log.error("Permit site watch failed; the next run tries again", e);
        }
    }

    private static <T> Supplier<T> once(Supplier<T> source) {
        AtomicReference<T> value = new AtomicReference<>();
        return () -> value.updateAndGet(known -> known != null ? known : source.get());
    }

    @Override
    public void destroy() {
        worker.shutdown();
    }
}
