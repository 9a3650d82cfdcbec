package org.tezuo.core.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;

/**
 * Registers the enabled, published schedule documents of every tenant with a {@link TaskScheduler}, each with a
 * {@link CronTrigger} in the document's zone. The app calls {@link #refresh(long)} after publishing a schedule
 * document, which replaces the tenant's registrations with the newest published versions. Registration happens
 * once at application start as well.
 */
@Component
public class ScheduleRegistrar implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRegistrar.class);

    private final TenantDirectory tenants;
    private final MetadataStore metadata;
    private final CertificateJobRunner runner;
    private final TaskScheduler scheduler;
    private final @Nullable ThreadPoolTaskScheduler ownScheduler;
    private final Clock clock;
    private final ScheduleDefinitionParser parser = new ScheduleDefinitionParser();
    private final Map<Long, List<Registration>> registrationsByTenant = new ConcurrentHashMap<>();

    /** A registered schedule with its trigger's handle. */
    private record Registration(ScheduleDefinition definition, ScheduledFuture<?> future) {
    }

    public ScheduleRegistrar(TenantDirectory tenants, MetadataStore metadata, CertificateJobRunner runner,
            ObjectProvider<TaskScheduler> scheduler, Clock clock) {
        this.tenants = tenants;
        this.metadata = metadata;
        this.runner = runner;
        this.clock = clock;
        TaskScheduler provided = scheduler.getIfAvailable();
        if (provided == null) {
            ownScheduler = new ThreadPoolTaskScheduler();
            ownScheduler.setThreadNamePrefix("tezuo-schedule-");
            ownScheduler.setPoolSize(1);
            ownScheduler.initialize();
            this.scheduler = ownScheduler;
        } else {
            ownScheduler = null;
            this.scheduler = provided;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerOnStart() {
        registerAll();
    }

    /** Registers the schedules of every tenant, replacing earlier registrations; returns how many are active. */
    public int registerAll() {
        int active = 0;
        for (Tenant tenant : tenants.all()) {
            active += refresh(tenant.id()).size();
        }
        log.info("Registered {} schedule(s) for all tenants", active);
        return active;
    }

    /**
     * Cancels the tenant's registered schedules and registers its enabled, published schedule documents again.
     * A document that fails to parse is logged and left out; the others are still registered.
     *
     * @return the schedules now registered for the tenant
     */
    public synchronized List<ScheduleDefinition> refresh(long tenantId) {
        List<Registration> previous = registrationsByTenant.remove(tenantId);
        if (previous != null) {
            previous.forEach(registration -> registration.future().cancel(false));
        }

        List<Registration> current = new ArrayList<>();
        for (MetadataDocument document : metadata.listPublished(tenantId, MetadataKind.SCHEDULE)) {
            ScheduleDefinition definition;
            try {
                definition = parser.parse(document);
            } catch (InvalidScheduleException e) {
                log.warn("Schedule {} of tenant {} is not registered: {}", document.reference(), tenantId,
                        e.getMessage());
                continue;
            }
            if (definition.enabled()) {
                current.add(new Registration(definition, schedule(definition)));
            }
        }
        registrationsByTenant.put(tenantId, List.copyOf(current));
        log.info("Registered {} schedule(s) for tenant {}", current.size(), tenantId);
        return current.stream().map(Registration::definition).toList();
    }

    /** Returns the schedules registered for the tenant, ordered by document key. */
    public List<ScheduleDefinition> registered(long tenantId) {
        return registrationsByTenant.getOrDefault(tenantId, List.of()).stream()
                .map(Registration::definition)
                .sorted(Comparator.comparing(ScheduleDefinition::key))
                .toList();
    }

    /** Returns when a schedule fires next after the clock's "now", read in the schedule's zone. */
    public Optional<Instant> nextRun(ScheduleDefinition definition) {
        ZonedDateTime next = CronExpression.parse(definition.cron())
                .next(ZonedDateTime.ofInstant(clock.instant(), definition.zone()));
        return Optional.ofNullable(next).map(ZonedDateTime::toInstant);
    }

    private ScheduledFuture<?> schedule(ScheduleDefinition definition) {
        return scheduler.schedule(() -> runScheduled(definition), triggerFor(definition));
    }

    /**
     * Returns the trigger of a schedule: its cron expression read in the schedule's zone, not the JVM's.
     * NOTE: with Spring Framework 7's CronExpression, a time inside the hour skipped when clocks go forward does not
     * fire at all that day. Asia/Shanghai has no such hour, so only tenants in zones with daylight saving must
     * schedule outside it.
     */
    static CronTrigger triggerFor(ScheduleDefinition definition) {
        return new CronTrigger(definition.cron(), definition.zone());
    }

    private void runScheduled(ScheduleDefinition definition) {
        log.info("Scheduled job {} of tenant {} started ({})", definition.job().code(), definition.tenantId(),
                definition.key());
        try {
            runner.runScheduled(definition.tenantId(), definition.job(), AuditLog.SYSTEM_ACTOR);
        } catch (LocalizedException e) {
            log.warn("Scheduled job {} of tenant {} failed: {}", definition.job().code(), definition.tenantId(),
                    e.getMessage());
        } catch (RuntimeException e) {
            log.error("Scheduled job {} of tenant {} failed", definition.job().code(), definition.tenantId(), e);
        }
    }

    @Override
    public void destroy() {
        registrationsByTenant.values().forEach(list -> list.forEach(r -> r.future().cancel(false)));
        if (ownScheduler != null) {
            ownScheduler.shutdown();
        }
    }
}
