package org.tezuo.core.rules;

import java.util.concurrent.TimeUnit;

/**
 * A monotonic clock in milliseconds that a daemon thread advances every {@value #TICK_MILLIS} ms, so that reading
 * it costs one volatile read. Each rule expression is timed against a limit of a second, and reading
 * {@link System#nanoTime()} twice took about 50 ns on the benchmark machine: a sixth of the time of a whole
 * five-dimension risk evaluation, which runs about a hundred expressions. The clock is normally late by at most one
 * tick, which the limit absorbs.
 * <p>
 * NOTE: if this thread got no CPU for longer than the limit, a short evaluation that spans its next tick reads as
 * too long and is discarded. That fails safe: a ruleset counts a discarded result as a blocking finding, and a risk
 * score as the factor's maximum points.
 */
final class RuleClock {

    static final long TICK_MILLIS = 5;

    private static volatile long millis = now();

    static {
        Thread.ofPlatform().daemon().name("tezuo-rule-clock").start(RuleClock::tick);
    }

    private RuleClock() {
    }

    /** Returns the current reading; only differences between two readings mean anything. */
    static long millis() {
        return millis;
    }

    private static void tick() {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                // The thread runs until the JVM exits, so an interrupt only ends this sleep early.
            }
            millis = now();
        }
    }

    private static long now() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }
}
