package org.tezuo.core.connector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Spaces requests evenly so that a client never sends more than the connector's {@code requestsPerSecond}.
 * Callers block in {@link #acquire()} until their slot; thread-safe.
 */
public final class RequestRateLimiter {

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final long intervalNanos;
    private long nextSlotNanos = Long.MIN_VALUE;

    /** Creates a limiter; a null rate means no limit. */
    public RequestRateLimiter(@Nullable BigDecimal requestsPerSecond) {
        this.intervalNanos = requestsPerSecond == null ? 0
                : BigDecimal.valueOf(NANOS_PER_SECOND).divide(requestsPerSecond, 0, RoundingMode.CEILING).longValue();
    }

    /** Returns the minimum gap between two requests in nanoseconds; 0 when unlimited. */
    public long intervalNanos() {
        return intervalNanos;
    }

    /** Blocks until the next request may be sent. */
    public synchronized void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        if (nextSlotNanos != Long.MIN_VALUE && nextSlotNanos - now > 0) {
            TimeUnit.NANOSECONDS.sleep(nextSlotNanos - now);
            // Count from the real wake-up time: a late wake-up must not shorten the gap to the next request.
            now = System.nanoTime();
        }
        nextSlotNanos = now + intervalNanos;
    }
}
