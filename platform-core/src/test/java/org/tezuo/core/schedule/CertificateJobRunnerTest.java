package org.tezuo.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.connector.registry.RegistryStubServer;
import org.tezuo.core.qualification.verification.CertificateFixtures;
import org.tezuo.core.qualification.verification.CertificateVerifier;
import org.tezuo.core.qualification.verification.MutableClock;
import org.tezuo.core.qualification.verification.PinnedClockConfiguration;
import org.tezuo.core.qualification.verification.VerificationRunStore;
import org.tezuo.core.qualification.warning.CertificateWarningPass;
import org.tezuo.core.tenant.Tenant;

/** Two job runners with their own lock clients on one database stand in for two app nodes. */
@SpringBootTest
@Import(PinnedClockConfiguration.class)
class CertificateJobRunnerTest {

    static RegistryStubServer registry;

    @Autowired
    CertificateVerifier verifier;

    @Autowired
    CertificateWarningPass warningPass;

    @Autowired
    CertificateFixtures fixtures;

    @Autowired
    VerificationRunStore runs;

    @Autowired
    DataSource dataSource;

    @Autowired
    MutableClock clock;

    Tenant tenant;
    CertificateJobRunner nodeA;
    CertificateJobRunner nodeB;

    @BeforeAll
    static void startRegistry() throws IOException {
        registry = RegistryStubServer.start(0);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @BeforeEach
    void setUp() {
        clock.set("2026-03-01T18:00:00Z");
        tenant = fixtures.tenantWithLifecycle();
        fixtures.publishConnector(tenant.id(), "national-registry", "certificate-registry",
                registry.baseUrl().toString(), "");
        nodeA = new CertificateJobRunner(verifier, warningPass, new ClusterJobLock(dataSource, clock, "node-a"));
        nodeB = new CertificateJobRunner(verifier, warningPass, new ClusterJobLock(dataSource, clock, "node-b"));
    }

    @Test
    void simultaneousTriggersOnTwoNodesRunOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Optional<JobRun>> results;
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<Optional<JobRun>>> triggers = List.of(nodeA, nodeB).stream()
                    .map(node -> nodes.submit(() -> {
                        start.await();
                        return node.runScheduled(tenant.id(), ScheduledJob.CERTIFICATE_VERIFICATION,
                                AuditLog.SYSTEM_ACTOR);
                    }))
                    .toList();
            start.countDown();
            results = List.of(triggers.get(0).get(), triggers.get(1).get());
        }

        assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(runs.recent(tenant.id(), 10)).hasSize(1);
    }

    @Test
    void scheduledRunKeepsLockForItsMinimumTime() {
        Optional<JobRun> first = nodeA.runScheduled(tenant.id(), ScheduledJob.CERTIFICATE_WARNINGS,
                AuditLog.SYSTEM_ACTOR);
        Optional<JobRun> lateNode = nodeB.runScheduled(tenant.id(), ScheduledJob.CERTIFICATE_WARNINGS,
                AuditLog.SYSTEM_ACTOR);
        clock.set("2026-03-01T18:01:00Z");
        Optional<JobRun> nextMinute = nodeB.runScheduled(tenant.id(), ScheduledJob.CERTIFICATE_WARNINGS,
                AuditLog.SYSTEM_ACTOR);

        assertThat(first).isPresent();
        assertThat(lateNode).isEmpty();
        assertThat(nextMinute).isPresent();
    }

    @Test
    void runNowWhileAnotherNodeRunsIsRejected() {
        ClusterJobLock otherNode = new ClusterJobLock(dataSource, clock, "node-c");
        try (ClusterJobLock.Lease held = otherNode.tryAcquire("certificate-verification:" + tenant.id(),
                Duration.ofMinutes(10), Duration.ZERO).orElseThrow()) {

            assertThatThrownBy(() -> nodeA.runNow(tenant.id(), ScheduledJob.CERTIFICATE_VERIFICATION, "admin"))
                    .isInstanceOfSatisfying(JobAlreadyRunningException.class, e -> assertThat(
                            e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("任务“certificate-verification”正在运行（企业 "
                            + tenant.id() + "，可能在另一台服务器上）；请待其完成后再试"));
        }
        assertThat(nodeA.runNow(tenant.id(), ScheduledJob.CERTIFICATE_VERIFICATION, "admin").verification())
                .isNotNull();
    }

    @Test
    void expiredLockOfDeadNodeIsTakenOver() {
        ClusterJobLock deadNode = new ClusterJobLock(dataSource, clock, "node-dead");
        ClusterJobLock liveNode = new ClusterJobLock(dataSource, clock, "node-live");
        String name = "test-lock:" + tenant.id();
        deadNode.tryAcquire(name, Duration.ofMinutes(10), Duration.ZERO).orElseThrow();

        Optional<ClusterJobLock.Lease> whileHeld = liveNode.tryAcquire(name, Duration.ofMinutes(10), Duration.ZERO);
        clock.set("2026-03-01T18:10:00Z");
        Optional<ClusterJobLock.Lease> afterExpiry = liveNode.tryAcquire(name, Duration.ofMinutes(10),
                Duration.ZERO);

        assertThat(whileHeld).isEmpty();
        assertThat(afterExpiry).isPresent();
    }

    @Test
    void extendedLockOutlivesItsFirstExpiry() {
        ClusterJobLock holder = new ClusterJobLock(dataSource, clock, "node-holder");
        ClusterJobLock other = new ClusterJobLock(dataSource, clock, "node-other");
        String name = "test-extend:" + tenant.id();
        ClusterJobLock.Lease lease = holder.tryAcquire(name, Duration.ofMinutes(10), Duration.ZERO).orElseThrow();
        clock.set("2026-03-01T18:08:00Z");

        boolean extended = lease.extend(Duration.ofMinutes(10));
        clock.set("2026-03-01T18:12:00Z");

        assertThat(extended).isTrue();
        assertThat(other.tryAcquire(name, Duration.ofMinutes(10), Duration.ZERO)).isEmpty();
    }

    @Test
    void closingLostLeaseLeavesNewHolderAlone() {
        ClusterJobLock slowNode = new ClusterJobLock(dataSource, clock, "node-slow");
        ClusterJobLock otherNode = new ClusterJobLock(dataSource, clock, "node-other");
        ClusterJobLock lateNode = new ClusterJobLock(dataSource, clock, "node-late");
        String name = "test-lost:" + tenant.id();
        ClusterJobLock.Lease slow = slowNode.tryAcquire(name, Duration.ofMinutes(10), Duration.ZERO).orElseThrow();
        clock.set("2026-03-01T18:11:00Z");
        ClusterJobLock.Lease other = otherNode.tryAcquire(name, Duration.ofMinutes(10), Duration.ZERO).orElseThrow();

        boolean extended = slow.extend(Duration.ofMinutes(10));
        slow.close();

        assertThat(extended).isFalse();
        assertThat(lateNode.tryAcquire(name, Duration.ofMinutes(10), Duration.ZERO)).isEmpty();
        other.close();
    }
}
