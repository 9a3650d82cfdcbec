package org.tezuo.core.schedule;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.tezuo.core.qualification.verification.CertificateVerifier;
import org.tezuo.core.qualification.verification.VerificationRun;
import org.tezuo.core.qualification.warning.CertificateWarningPass;
import org.tezuo.core.qualification.warning.WarningPassReport;

/**
 * Runs a certificate job for one tenant: the scheduled trigger and the "run now" button both call it. Each run holds
 * the cluster-wide {@link ClusterJobLock} named after the job and the tenant, so that app nodes sharing one database
 * never run the same job of a tenant at once; the lease is extended every {@link #LOCK_HEARTBEAT} while the job runs.
 */
@Component
public class CertificateJobRunner implements DisposableBean {

    /** How long a lock outlives a node that died while running the job. */
    static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(10);
    /** How often a running job extends its lock. */
    static final Duration LOCK_HEARTBEAT = Duration.ofMinutes(3);
    /**
     * How long a scheduled run keeps its lock even when it finishes earlier. It must exceed the clock difference
     * between the app nodes and stay below the shortest interval between two runs of one schedule.
     */
    static final Duration SCHEDULED_LOCK_AT_LEAST_FOR = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(CertificateJobRunner.class);

    private final CertificateVerifier verifier;
    private final CertificateWarningPass warningPass;
    private final ClusterJobLock lock;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("tezuo-job-lock").factory());

    public CertificateJobRunner(CertificateVerifier verifier, CertificateWarningPass warningPass,
            ClusterJobLock lock) {
        this.verifier = verifier;
        this.warningPass = warningPass;
        this.lock = lock;
    }

    /**
     * Runs the job now. Verification is followed by the warning pass, so that a review the registry confirmed
     * lifts a freeze in the same run.
     *
     * @param actor user name of the person who pressed the button
     * @throws JobAlreadyRunningException when the job of the tenant is running on this or another app node
     */
    public JobRun runNow(long tenantId, ScheduledJob job, String actor) {
        return runLocked(tenantId, job, actor, Duration.ZERO)
                .orElseThrow(() -> new JobAlreadyRunningException(job, tenantId));
    }

    /**
     * Runs the job for its schedule unless another app node is running it or has just run it.
     *
     * @param actor {@link org.tezuo.core.audit.AuditLog#SYSTEM_ACTOR} for the scheduled trigger
     * @return the run, or empty when another node holds the job's lock
     */
    public Optional<JobRun> runScheduled(long tenantId, ScheduledJob job, String actor) {
        return runLocked(tenantId, job, actor, SCHEDULED_LOCK_AT_LEAST_FOR);
    }

    private Optional<JobRun> runLocked(long tenantId, ScheduledJob job, String actor, Duration lockAtLeastFor) {
        String lockName = job.code() + ":" + tenantId;
        Optional<ClusterJobLock.Lease> acquired = lock.tryAcquire(lockName, LOCK_AT_MOST_FOR, lockAtLeastFor);
        if (acquired.isEmpty()) {
            log.info("Job {} of tenant {} skipped: lock '{}' is held by another run", job.code(), tenantId,
                    lockName);
            return Optional.empty();
        }
        try (ClusterJobLock.Lease lease = acquired.get()) {
            ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> extend(lease, lockName),
                    LOCK_HEARTBEAT.toMillis(), LOCK_HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
            try {
                return Optional.of(run(tenantId, job, actor));
            } finally {
                heartbeat.cancel(false);
            }
        }
    }

    private JobRun run(long tenantId, ScheduledJob job, String actor) {
        VerificationRun verification = job == ScheduledJob.CERTIFICATE_VERIFICATION
                ? verifier.verifyTenant(tenantId, actor) : null;
        WarningPassReport warnings = warningPass.run(tenantId, actor);
        return new JobRun(tenantId, job, verification, warnings);
    }

    private static void extend(ClusterJobLock.Lease lease, String lockName) {
        try {
            if (!lease.extend(LOCK_AT_MOST_FOR)) {
                log.warn("Lock '{}' expired while its job was running; another node may start the job", lockName);
            }
        } catch (DataAccessException e) {
            log.warn("Lock '{}' could not be extended; retrying at the next heartbeat", lockName, e);
        }
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
    }
}
