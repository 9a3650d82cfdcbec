package org.tezuo.core.schedule;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A lock shared by every app node on one database, so that a scheduled job runs on one node while the others skip
 * it. ShedLock keeps the locks in table {@code job_lock}: a node takes a free or expired lock with one insert or one
 * conditional update and holds it until it releases the lease or {@code lockAtMostFor} passes, so a node that dies
 * frees its locks by themselves.
 *
 * <p>ShedLock reads the time from its process-wide {@link ClockProvider}; the constructor installs the app's clock
 * there, so that lock times and the rest of the app agree on "now".
 */
@Component
public class ClusterJobLock {

    private final LockProvider locks;
    private final Clock clock;

    @Autowired
    public ClusterJobLock(DataSource dataSource, Clock clock) {
        this(dataSource, clock, ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
    }

    /**
     * Creates a lock client.
     *
     * @param owner the node's name stored in {@code locked_by}; two clients with different owners contend like two
     *     nodes
     */
    public ClusterJobLock(DataSource dataSource, Clock clock, String owner) {
        this.locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("job_lock")
                .withLockedByValue(owner)
                .build());
        this.clock = clock;
        ClockProvider.setClock(clock);
    }

    /**
     * Takes the lock {@code name} unless another holder's lock is still in force.
     *
     * @param lockAtMostFor how long the lock stays in force unless released or extended; it must exceed the time
     *     between two {@link Lease#extend} calls
     * @param lockAtLeastFor how long after taking it the lock stays in force even when released earlier, so that a
     *     node whose clock is a little behind does not start the same scheduled run again after this one finished
     * @return the lease, or empty when another node holds the lock
     */
    public Optional<Lease> tryAcquire(String name, Duration lockAtMostFor, Duration lockAtLeastFor) {
        Instant now = clock.instant();
        return locks.lock(new LockConfiguration(now, name, lockAtMostFor, lockAtLeastFor))
                .map(lock -> new Lease(lock, now.plus(lockAtLeastFor)));
    }

    /** A held lock; closing it releases the lock. The heartbeat thread and the job's thread may both use it. */
    public final class Lease implements AutoCloseable {

        private final Instant heldAtLeastUntil;
        private SimpleLock lock;
        private boolean lost;

        private Lease(SimpleLock lock, Instant heldAtLeastUntil) {
            this.lock = lock;
            this.heldAtLeastUntil = heldAtLeastUntil;
        }

        /** Keeps the lock in force for {@code lockAtMostFor} from now; returns false when it was lost meanwhile. */
        public synchronized boolean extend(Duration lockAtMostFor) {
            if (lost) {
                return false;
            }
            Duration stillAtLeast = Duration.between(clock.instant(), heldAtLeastUntil);
            Optional<SimpleLock> extended = lock.extend(lockAtMostFor,
                    stillAtLeast.isNegative() ? Duration.ZERO : stillAtLeast);
            extended.ifPresentOrElse(next -> lock = next, () -> lost = true);
            return extended.isPresent();
        }

        /**
         * Releases the lock, at once or at the end of its {@code lockAtLeastFor}. A lease that was lost is left
         * alone, because another node may hold the lock by now.
         */
        @Override
        public synchronized void close() {
            if (!lost) {
                lock.unlock();
            }
        }
    }
}
