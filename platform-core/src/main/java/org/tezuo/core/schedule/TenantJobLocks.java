package org.tezuo.core.schedule;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;

/**
 * Runs one pass of a periodic job tenant by tenant, each under the cluster-wide lock {@code <prefix>:<tenant id>},
 * so that app nodes sharing a database run each tenant's pass once. A tenant whose lock another node holds is
 * skipped and logged.
 *
 * <p>A pass does not extend its lock. One that outlasts {@code lockAtMostFor} may overlap another node's pass, so a
 * job that uses this class must stay correct under overlap, for example by working on each record under its row
 * lock.
 */
@Component
public class TenantJobLocks {

    private static final Logger log = LoggerFactory.getLogger(TenantJobLocks.class);

    private final TenantDirectory tenants;
    private final ClusterJobLock lock;

    /** Counts of one pass: the tenants run here and those whose lock another node held. */
    public record Pass(int tenantsChecked, int tenantsSkipped) {
    }

    public TenantJobLocks(TenantDirectory tenants, ClusterJobLock lock) {
        this.tenants = tenants;
        this.lock = lock;
    }

    /**
     * Runs {@code job} for every tenant whose lock this node takes, and releases each lock after its tenant.
     *
     * @param prefix the lock name before the tenant id, also the job's name in the log
     */
    public Pass forEachTenant(String prefix, Duration lockAtMostFor, Duration lockAtLeastFor, Consumer<Tenant> job) {
        int checked = 0;
        int skipped = 0;
        for (Tenant tenant : tenants.all()) {
            String lockName = prefix + ":" + tenant.id();
            Optional<ClusterJobLock.Lease> acquired = lock.tryAcquire(lockName, lockAtMostFor, lockAtLeastFor);
            if (acquired.isEmpty()) {
                log.info("Job {} of tenant {} skipped: lock '{}' is held by another run", prefix, tenant.id(),
                        lockName);
                skipped++;
                continue;
            }
            try (ClusterJobLock.Lease lease = acquired.get()) {
                checked++;
                job.accept(tenant);
            }
        }
        return new Pass(checked, skipped);
    }

    /**
     * Returns how long a scheduled pass keeps its lock at least: half the interval, at most {@code cap}. This
     * guards against clock differences between nodes without delaying the next pass.
     */
    public static Duration scheduledLockAtLeastFor(Duration interval, Duration cap) {
        Duration half = interval.dividedBy(2);
        return half.compareTo(cap) < 0 ? half : cap;
    }
}
