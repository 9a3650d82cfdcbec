package org.tezuo.core.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTest {

    @Test
    void intervalIsInverseOfRate() {
        assertThat(new RequestRateLimiter(BigDecimal.TEN).intervalNanos()).isEqualTo(100_000_000L);
        assertThat(new RequestRateLimiter(new BigDecimal("3")).intervalNanos()).isEqualTo(333_333_334L);
        assertThat(new RequestRateLimiter(null).intervalNanos()).isZero();
    }

    @Test
    void fourAcquisitionsSpanThreeIntervals() throws InterruptedException {
        RequestRateLimiter limiter = new RequestRateLimiter(new BigDecimal("20"));
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            limiter.acquire();
        }

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(3 * limiter.intervalNanos());
    }

    @Test
    void unlimitedRateDoesNotWait() throws InterruptedException {
        RequestRateLimiter limiter = new RequestRateLimiter(null);
        long start = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire();
        }
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }
}
