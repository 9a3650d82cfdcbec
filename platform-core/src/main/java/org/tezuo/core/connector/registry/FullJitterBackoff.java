package org.tezuo.core.connector.registry;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with full jitter: before retry {@code n} (1 for the first retry) the wait is drawn uniformly
 * from 0 to {@code min(maxDelay, initialDelay * 2^(n-1))} milliseconds, so that clients failing together do not
 * retry together.
 */
final class FullJitterBackoff implements IntervalFunction {

    private final long initialDelayMillis;
    private final long maxDelayMillis;
    private final LongUnaryOperator randomUpToInclusive;

    FullJitterBackoff(Duration initialDelay, Duration maxDelay) {
        this(initialDelay, maxDelay, bound -> ThreadLocalRandom.current().nextLong(bound + 1));
    }

    /** Creates a backoff whose random draw is {@code randomUpToInclusive}, which returns a value in 0..bound. */
    FullJitterBackoff(Duration initialDelay, Duration maxDelay, LongUnaryOperator randomUpToInclusive) {
        this.initialDelayMillis = initialDelay.toMillis();
        this.maxDelayMillis = maxDelay.toMillis();
        this.randomUpToInclusive = randomUpToInclusive;
    }

    /** Returns the upper bound of the wait before retry {@code retry} (1-based), in milliseconds. */
    long capMillis(int retry) {
        int doublings = Math.min(Math.max(retry - 1, 0), 62);
        long exponential = initialDelayMillis > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE
                : initialDelayMillis << doublings;
        return Math.min(maxDelayMillis, exponential);
    }

    /**
     * Returns the wait in milliseconds. Resilience4j passes the number of attempts made so far, which is the 1-based
     * number of the retry about to happen.
     */
    @Override
    public Long apply(Integer attempts) {
        return randomUpToInclusive.applyAsLong(capMillis(attempts));
    }
}
