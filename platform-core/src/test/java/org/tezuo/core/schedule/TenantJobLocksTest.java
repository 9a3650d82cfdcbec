package org.tezuo.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;

/** Two lock clients with their own owners on one database stand in for two app nodes. */
@SpringBootTest
class TenantJobLocksTest {

    private static final Duration AT_MOST = Duration.ofMinutes(10);

    @Autowired
    TenantDirectory tenants;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    @Test
    void skipsTenantWhoseLockAnotherNodeHolds() {
        Tenant lockedTenant = tenants.create("locks-" + UUID.randomUUID(), "锁测试化工", null, ZoneId.of("Asia/Shanghai"));
        String prefix = "tenant-job-locks-test-" + UUID.randomUUID();
        TenantJobLocks node = new TenantJobLocks(tenants, new ClusterJobLock(dataSource, clock, "node-a"));
        ClusterJobLock otherNode = new ClusterJobLock(dataSource, clock, "node-b");
        List<Long> whileHeld = new ArrayList<>();
        List<Long> afterRelease = new ArrayList<>();

        TenantJobLocks.Pass skipped;
        try (ClusterJobLock.Lease lease = otherNode.tryAcquire(prefix + ":" + lockedTenant.id(), AT_MOST, Duration.ZERO)
                .orElseThrow()) {
            skipped = node.forEachTenant(prefix, AT_MOST, Duration.ZERO, tenant -> whileHeld.add(tenant.id()));
        }
        TenantJobLocks.Pass ran = node.forEachTenant(prefix, AT_MOST, Duration.ZERO,
                tenant -> afterRelease.add(tenant.id()));

        int all = tenants.all().size();
        assertThat(skipped.tenantsSkipped()).isEqualTo(1);
        assertThat(skipped.tenantsChecked()).isEqualTo(all - 1);
        assertThat(whileHeld).doesNotContain(lockedTenant.id());
        assertThat(ran.tenantsSkipped()).isZero();
        assertThat(ran.tenantsChecked()).isEqualTo(all);
        assertThat(afterRelease).contains(lockedTenant.id());
    }

    @Test
    void scheduledLockIsCappedHalfInterval() {
        assertThat(TenantJobLocks.scheduledLockAtLeastFor(Duration.ofSeconds(20), Duration.ofSeconds(30)))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(TenantJobLocks.scheduledLockAtLeastFor(Duration.ofMinutes(5), Duration.ofMinutes(1)))
                .isEqualTo(Duration.ofMinutes(1));
    }
}
