package org.tezuo.app.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks a user name after repeated failed logins, through the login page and HTTP Basic alike. After
 * {@code tezuo.security.lockout.max-failures} consecutive wrong passwords, each less than
 * {@code tezuo.security.lockout.duration} after the one before, the account is locked for that duration, even for
 * the right password; a successful login resets the count. The counts live in table {@code login_failure}, so every
 * app node sees the same lock. Only existing user names are counted, so guessing names fills no table.
 */
@Component
public class LoginLockout {

    private static final Logger log = LoggerFactory.getLogger(LoginLockout.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration duration;

    LoginLockout(JdbcClient jdbc, Clock clock,
            @Value("${tezuo.security.lockout.max-failures:5}") int maxFailures,
            @Value("${tezuo.security.lockout.duration:15m}") Duration duration) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.duration = duration;
    }

    /** Returns the end of the lock on {@code username}, or empty when it may log in. */
    public Optional<Instant> lockedUntil(String username) {
        Instant now = clock.instant();
        return jdbc.sql("select locked_until from login_failure where username = ?")
                .param(username)
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp("locked_until")).map(Timestamp::toInstant))
                .optional()
                .flatMap(until -> until)
                .filter(until -> until.isAfter(now));
    }

    /** Returns how long a lock lasts, for messages. */
    public Duration duration() {
        return duration;
    }

    /** Returns how many consecutive failures lock an account, for messages. */
    public int maxFailures() {
        return maxFailures;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        if (username == null || !userExists(username)) {
            return;
        }
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        // A failure more than one lock duration after the previous one starts a new count.
        int updated = jdbc.sql("""
                update login_failure
                set failures = case when last_failed_at > ? then failures + 1 else 1 end, last_failed_at = ?
                where username = ?""")
                .params(Timestamp.from(now.minus(duration)), at, username)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into login_failure (username, failures, last_failed_at) values (?, 1, ?)")
                    .params(username, at)
                    .update();
        }
        int lockedRows = jdbc.sql("""
                update login_failure set locked_until = ?, failures = 0
                where username = ? and failures >= ?""")
                .params(Timestamp.from(now.plus(duration)), username, maxFailures)
                .update();
        if (lockedRows > 0) {
            log.warn("Account '{}' locked for {} after {} failed logins", username, duration, maxFailures);
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        jdbc.sql("delete from login_failure where username = ?").param(event.getAuthentication().getName()).update();
    }

    private boolean userExists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class)
                .single() > 0;
    }
}
