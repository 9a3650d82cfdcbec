package org.tezuo.core.pack;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.tezuo.core.schedule.ClusterJobLock;

/**
 * Applies scheduled policy packs on their effective date: every {@code tezuo.packs.activation-check} (one minute
 * unless set) one node, holding the cluster lock {@value #LOCK}, applies the packs whose day has come.
 */
@Component
class PolicyPackActivator implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PolicyPackActivator.class);
    static final String LOCK = "policy-pack-activation";

    private final PolicyPackApplier applier;
    private final ClusterJobLock locks;
    private final Duration interval;
    private final ThreadPoolTaskScheduler worker = new ThreadPoolTaskScheduler();

    PolicyPackActivator(PolicyPackApplier applier, ClusterJobLock locks,
            @Value("${tezuo.packs.activation-check:1m}") Duration interval) {
        this.applier = applier;
        this.locks = locks;
        this.interval = interval;
        worker.setThreadNamePrefix("tezuo-policy-pack-");
        worker.setPoolSize(1);
        worker.initialize();
    }

    /** Stops the worker with the context; its thread is not a daemon and would keep the JVM running. */
    @Override
    public void destroy() {
        worker.shutdown();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (interval.isPositive()) {
            worker.scheduleWithFixedDelay(this::runQuietly, interval);
        }
    }

    /** Applies the due packs unless another node is doing so; returns how many this node applied. */
    int runOnce() {
        return locks.tryAcquire(LOCK, Duration.ofMinutes(10), Duration.ZERO).map(lease -> {
            try (lease) {
                return applier.activateDue();
            }
        }).orElse(0);
    }

    private void runQuietly() {
        try {
            int activated = runOnce();
            if (activated > 0) {
                log.info("Activated {} scheduled policy packs", activated);
            }
        } catch (RuntimeException e) {
            log.error("Activating scheduled policy packs failed; the next check retries", e);
        }
    }
}
