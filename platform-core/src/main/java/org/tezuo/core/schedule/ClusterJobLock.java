package org.tezuo.core.schedule;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A lock shared by every app node on one database (table {@code job_lock}), so that a scheduled job runs on one node
 * while the others skip it. A node takes a free or expired lock with one insert or one conditional update, and holds
 * it until it releases the lease or {@code lockAtMostFor} passes, so a node that dies frees its locks by themselves.
 * The table has ShedLock's columns and the same protocol, because ShedLock itself could not be fetched here.
 */
@Component
public class ClusterJobLock {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String owner;

    @Autowired
    public ClusterJobLock(JdbcClient jdbc, Clock clock) {
        this(jdbc, clock, ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
    }

    /**
     * Creates a lock client.
     *
     * @param owner the node's name stored in {@code locked_by}; two clients with different owners contend like two
     *     nodes
     */
    public ClusterJobLock(JdbcClient jdbc, Clock clock, String owner) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.owner = owner;
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
        Timestamp until = Timestamp.from(now.plus(lockAtMostFor));
        if (insert(name, now, until) || takeExpired(name, now, until)) {
            return Optional.of(new Lease(name, now.plus(lockAtLeastFor)));
        }
        return Optional.empty();
    }

    private boolean insert(String name, Instant now, Timestamp until) {
        try {
            return jdbc.sql("insert into job_lock (name, lock_until, locked_at, locked_by) values (?, ?, ?, ?)")
                    .params(name, until, Timestamp.from(now), owner)
                    .update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private boolean takeExpired(String name, Instant now, Timestamp until) {
        return jdbc.sql("""
                update job_lock set lock_until = ?, locked_at = ?, locked_by = ?
                where name = ? and lock_until <= ?""")
                .params(until, Timestamp.from(now), owner, name, Timestamp.from(now))
                .update() == 1;
    }

    /** A held lock; closing it releases the lock. */
    public final class Lease implements AutoCloseable {

        private final String name;
        private final Instant heldAtLeastUntil;

        private Lease(String name, Instant heldAtLeastUntil) {
            this.name = name;
            this.heldAtLeastUntil = heldAtLeastUntil;
        }

        /** Keeps the lock in force for {@code lockAtMostFor} from now; returns false when it was lost meanwhile. */
        public boolean extend(Duration lockAtMostFor) {
            Instant now = clock.instant();
            return jdbc.sql("""
                    update job_lock set lock_until = ?
                    where name = ? and locked_by = ? and lock_until > ?""")
                    .params(Timestamp.from(now.plus(lockAtMostFor)), name, owner, Timestamp.from(now))
                    .update() == 1;
        }

        /**
         * Releases the lock, at once or at the end of its {@code lockAtLeastFor}, unless another node has taken it
         * over after it expired.
         */
        @Override
        public void close() {
            Instant now = clock.instant();
            Instant until = now.isAfter(heldAtLeastUntil) ? now : heldAtLeastUntil;
            jdbc.sql("update job_lock set lock_until = ? where name = ? and locked_by = ?")
                    .params(Timestamp.from(until), name, owner)
                    .update();
        }
    }
}
