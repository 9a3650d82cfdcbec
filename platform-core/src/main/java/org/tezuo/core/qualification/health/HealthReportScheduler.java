package org.tezuo.core.qualification.health;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;

/**
 * Generates last month's qualification-health report of every tenant once the tenant's calendar, read in the
 * tenant's zone, reaches {@code tezuo.health-report.day-of-month} (1 to 28, default 1, so the report is ready by
 * the 5th even when the server was down for a few days). It checks every {@code tezuo.health-report.check-interval}
 * (default 1 hour, the first time one interval after start; 0 turns the schedule off). A month that already has a
 * report is skipped, so the run is idempotent per tenant and month, also across application nodes.
 */
@Component
public class HealthReportScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HealthReportScheduler.class);

    private final HealthReports reports;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final int dayOfMonth;
    private final Duration checkInterval;
    private final ThreadPoolTaskScheduler worker = new ThreadPoolTaskScheduler();

    public HealthReportScheduler(HealthReports reports, TenantDirectory tenants, Clock clock,
            @Value("${tezuo.health-report.day-of-month:1}") int dayOfMonth,
            @Value("${tezuo.health-report.check-interval:1h}") Duration checkInterval) {
        if (dayOfMonth < 1 || dayOfMonth > 28) {
            throw new IllegalArgumentException("tezuo.health-report.day-of-month is " + dayOfMonth
                    + "; set a day from 1 to 28, so that every month has it");
        }
        this.reports = reports;
        this.tenants = tenants;
        this.clock = clock;
        this.dayOfMonth = dayOfMonth;
        this.checkInterval = checkInterval;
        worker.setThreadNamePrefix("tezuo-health-report-");
        worker.setPoolSize(1);
        worker.initialize();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!checkInterval.isZero() && !checkInterval.isNegative()) {
            // The first check waits one interval, so a restart does not add report work to the start-up.
            worker.scheduleWithFixedDelay(this::runQuietly, clock.instant().plus(checkInterval), checkInterval);
            log.info("Checking for due qualification-health reports every {} (day of month {})", checkInterval,
                    dayOfMonth);
        }
    }

    /** Generates every report that is due now and missing; returns how many were generated. */
    public int runDue() {
        int generated = 0;
        for (Tenant tenant : tenants.all()) {
            try {
                generated += runDue(tenant).isPresent() ? 1 : 0;
            } catch (RuntimeException e) {
                log.error("Qualification-health report of tenant {} failed; the next check retries it", tenant.id(),
                        e);
            }
        }
        return generated;
    }

    /** Generates last month's report of the tenant when it is due and missing; returns the month generated. */
    Optional<YearMonth> runDue(Tenant tenant) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), tenant.zone());
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        if (today.getDayOfMonth() < dayOfMonth || reports.find(tenant.id(), lastMonth).isPresent()) {
            return Optional.empty();
        }
        reports.generate(tenant.id(), lastMonth, AuditLog.SYSTEM_ACTOR);
        return Optional.of(lastMonth);
    }

    private void runQuietly() {
        try {
            runDue();
        } catch (RuntimeException e) {
            log.error("Qualification-health report check failed", e);
        }
    }

    @Override
    public void destroy() {
        worker.shutdown();
    }
}
