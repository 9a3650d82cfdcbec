package org.tezuo.app.permit.site;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.PermitStatus;
import org.tezuo.app.permit.simops.ConflictSeverity;
import org.tezuo.app.permit.simops.SimopsConflict;
import org.tezuo.app.permit.simops.SimopsConflictCheck;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.connector.weather.WeatherObservation;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.risk.RiskAssessment;
import org.tezuo.core.risk.RiskItem;
import org.tezuo.core.schedule.TenantJobLocks;

/**
 * Re-evaluates every permit in progress on live data every {@code tezuo.permit-site.watch-interval} (default 5
 * minutes, the first time one interval after start; 0 turns the schedule off). It uses the ruleset version in
 * force on site, the tenant's current weather (read once per tenant and run) and the newest gas test. Blocking
 * items are, for example, level 5 wind for open-air hot work, a validity that ran out or an overdue periodic
 * re-test. One of them suspends the permit with the rule, value, limit and clause as the reason, and the work
 * leader and the safety directors are notified. A re-test rule that comes due within {@code tezuo.permit-site.retest-reminder-lead} (default 15
 * minutes) creates a re-test for the work leader.
 *
 * <p>Each pass also runs the SIMOPS check ({@link SimopsConflictCheck}) again, because another operation may have
 * begun since the start, such as a release entered in the {@code site_activity} register next to running hot
 * work. A blocking conflict suspends the permit like a blocking rule, with the conflict's sentence as the reason.
 * A warning that the permit's timeline does not hold yet is sent once to the work leader in charge and the safety
 * directors and recorded as a {@link SiteAction#SIMOPS_WARNING} entry; warnings the leader saw at the start or a
 * resume count as known. A release does not wait for the next pass: once a {@code site_activity} record is created
 * or changed, {@link SiteActivityRecheck} runs this SIMOPS step at once through {@link #recheckSimops}.
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

    private final TenantJobLocks tenantLocks;
    private final PermitSiteStore sites;
    private final SiteStepRunner runner;
    private final SiteRuleCheck rules;
    private final SiteWeather weather;
    private final SiteNotices notices;
    private final SiteAutoStop autoStop;
    private final SimopsConflictCheck simops;
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
     * @param simopsWarned permits whose work leader was notified of a new SIMOPS warning
     */
    public record WatchRun(int tenantsChecked, int tenantsSkipped, int checked, int suspended, int retestsDue,
            int simopsWarned) {
    }

    /** Outcome of the check of one permit. */
    private record Result(boolean suspended, boolean warned, boolean retestDue) {

        static final Result UNCHANGED = new Result(false, false, false);
    }

    PermitSiteWatcher(TenantJobLocks tenantLocks, PermitSiteStore sites, SiteStepRunner runner, SiteRuleCheck rules,
            SiteWeather weather, SiteNotices notices, SiteAutoStop autoStop, SimopsConflictCheck simops,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${tezuo.permit-site.watch-interval:5m}") Duration interval,
            @Value("${tezuo.permit-site.retest-reminder-lead:15m}") Duration reminderLead) {
        if (reminderLead.isNegative()) {
            throw new IllegalArgumentException("tezuo.permit-site.retest-reminder-lead is " + reminderLead
                    + "; set 0 or a positive duration such as 15m");
        }
        this.tenantLocks = tenantLocks;
        this.sites = sites;
        this.runner = runner;
        this.rules = rules;
        this.weather = weather;
        this.notices = notices;
        this.autoStop = autoStop;
        this.simops = simops;
        // A new transaction even when the caller has one, because a recheck runs in the after-commit phase of a
        // register write, and joining that transaction would leave the suspension uncommitted.
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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

    /**
     * Runs the SIMOPS step of a pass now for every permit in progress of one tenant, without the live rules, the
     * weather and the re-test reminders. A blocking conflict suspends the permit and a new warning is sent once, as
     * in a pass. Each permit is checked in a new transaction under its row lock, so a pass that checks the same
     * permit at the same time waits for it and then finds the suspension or the warning on the timeline.
     *
     * @return the counts of this check; {@code retestsDue} is always 0
     */
    public WatchRun recheckSimops(long tenantId) {
        Counts counts = new Counts();
        for (PermitSite site : sites.inState(tenantId, SiteState.IN_PROGRESS)) {
            counts.add(checkQuietly(tenantId, site.permitId(), () -> checkSimops(tenantId, site.permitId())));
        }
        log.debug("SIMOPS recheck of tenant {} checked {} permits: {} suspended, {} warnings", tenantId,
                counts.checked, counts.suspended, counts.warned);
        return new WatchRun(1, 0, counts.checked, counts.suspended, 0, counts.warned);
    }

    private WatchRun run(Duration lockAtLeastFor) {
        Counts counts = new Counts();
        TenantJobLocks.Pass pass = tenantLocks.forEachTenant(LOCK, LOCK_AT_MOST_FOR, lockAtLeastFor, tenant -> {
            Supplier<Optional<WeatherObservation>> observation = once(() -> weather.current(tenant.id()));
            for (PermitSite site : sites.inState(tenant.id(), SiteState.IN_PROGRESS)) {
                counts.add(checkQuietly(tenant.id(), site.permitId(),
                        () -> check(tenant.id(), site.permitId(), observation)));
            }
        });
        log.debug("Permit site watch checked {} permits of {} tenants: {} suspended, {} re-tests due, {} SIMOPS "
                + "warnings", counts.checked, pass.tenantsChecked(), counts.suspended, counts.retestsDue,
                counts.warned);
        return new WatchRun(pass.tenantsChecked(), pass.tenantsSkipped(), counts.checked, counts.suspended,
                counts.retestsDue, counts.warned);
    }

    /** Running totals of one run, filled permit by permit. */
    private static final class Counts {
        int checked;
        int suspended;
        int retestsDue;
        int warned;

        void add(Result result) {
            checked++;
            suspended += result.suspended() ? 1 : 0;
            retestsDue += result.retestDue() ? 1 : 0;
            warned += result.warned() ? 1 : 0;
        }
    }

    private Result checkQuietly(long tenantId, long permitId, Supplier<Result> step) {
        try {
            return transaction.execute(status -> step.get());
        } catch (RuntimeException e) {
            log.error("Site check of permit {} of tenant {} failed; the next run checks it again", permitId,
                    tenantId, e);
            return Result.UNCHANGED;
        }
    }

    private Result check(long tenantId, long permitId, Supplier<Optional<WeatherObservation>> observation) {
        SiteStepRunner.Context context = openInProgress(tenantId, permitId).orElse(null);
        if (context == null) {
            return Result.UNCHANGED;
        }
        PermitSite site = context.requireSite();
        RiskAssessment assessment = rules.evaluateStep(context, context.ruleset(), SiteAction.AUTO_SUSPEND,
                site.validUntil(), observation, reminderLead);
        Result simopsResult = suspendOrWarn(context, SiteRuleCheck.blocking(assessment, context.ruleset(), false));
        if (simopsResult.suspended()) {
            return simopsResult;
        }
        Optional<RiskItem> due = SiteRuleCheck.retestDue(assessment);
        boolean retestDue = due.isPresent() && site.lastPassedGasTestAt() != null
                && sites.openRetest(tenantId, permitId).isEmpty() && announceRetest(context, due.get());
        return new Result(false, simopsResult.warned(), retestDue);
    }

    private Result checkSimops(long tenantId, long permitId) {
        return openInProgress(tenantId, permitId)
                .map(context -> suspendOrWarn(context, List.of()))
                .orElse(Result.UNCHANGED);
    }

    /** Opens the permit under its row lock as the system, or returns empty unless its issued work is in progress. */
    private Optional<SiteStepRunner.Context> openInProgress(long tenantId, long permitId) {
        Actor system = new Actor(tenantId, AuditLog.SYSTEM_ACTOR, UserMessages.DEFAULT_LOCALE);
        return runner.open(system, permitId, true)
                .filter(context -> context.state() == SiteState.IN_PROGRESS
                        && context.permit().status() == PermitStatus.ISSUED);
    }

    /**
     * Runs the SIMOPS check of the permit and suspends it on {@code ruleReasons} and the blocking conflicts together.
     * Without a blocking reason it sends the new warnings once.
     */
    private Result suspendOrWarn(SiteStepRunner.Context context, List<SiteReason> ruleReasons) {
        PermitSite site = context.requireSite();
        List<SimopsConflict> conflicts = simops.check(context.permit(), context.permit().data(), site.validUntil(),
                context.now());
        List<SiteReason> blocking = new ArrayList<>(ruleReasons);
        conflicts.stream()
                .filter(conflict -> conflict.severity() == ConflictSeverity.BLOCK)
                .map(SiteReason::of)
                .forEach(blocking::add);
        if (!blocking.isEmpty()) {
            autoStop.suspend(context, blocking, context.ruleset().version());
            return new Result(true, false, false);
        }
        return new Result(false, warnOnce(context, conflicts), false);
    }

    /**
     * Tells the work leader in charge and the safety directors of the SIMOPS warnings that the permit's timeline
     * does not hold yet, and records them there so that the next pass does not repeat them.
     */
    private boolean warnOnce(SiteStepRunner.Context context, List<SimopsConflict> conflicts) {
        List<SimopsConflict> warnings = conflicts.stream()
                .filter(conflict -> conflict.severity() == ConflictSeverity.WARN)
                .toList();
        if (warnings.isEmpty()) {
            return false;
        }
        Set<String> known = knownWarnings(context.permit().tenantId(), context.permit().id());
        List<SiteReason> fresh = warnings.stream()
                .filter(conflict -> !known.contains(conflict.code()))
                .map(SiteReason::of)
                .toList();
        if (fresh.isEmpty()) {
            return false;
        }
        PermitSite site = context.requireSite();
        notices.simopsWarning(context.permit(), site, fresh, context.now(), context.zone());
        runner.commit(context, SiteAction.SIMOPS_WARNING, new SiteStepRunner.Outcome(site, null, null, fresh,
                runner.emptyDetails()));
        return true;
    }

    /** Returns the codes of the SIMOPS warnings on the timeline: sent by a pass, or seen at a start or resume. */
    private Set<String> knownWarnings(long tenantId, long permitId) {
        Set<String> codes = new HashSet<>();
        for (SiteEvent event : sites.timeline(tenantId, permitId)) {
            if (event.action() == SiteAction.SIMOPS_WARNING) {
                event.reasons().forEach(reason -> codes.add(reason.code()));
            }
            event.details().path("simopsWarnings").valueStream()
                    .forEach(warning -> codes.add(warning.path("code").asString()));
        }
        return codes;
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
            run(TenantJobLocks.scheduledLockAtLeastFor(interval, SCHEDULED_LOCK_AT_LEAST_FOR));
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
