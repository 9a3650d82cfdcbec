package org.tezuo.core.connector.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FullJitterBackoffTest {

    @Test
    void capDoublesPerRetryUpToMaximum() {
        FullJitterBackoff backoff = new FullJitterBackoff(Duration.ofMillis(100), Duration.ofMillis(1000));

        assertThat(backoff.capMillis(1)).isEqualTo(100);
        assertThat(backoff.capMillis(2)).isEqualTo(200);
        assertThat(backoff.capMillis(3)).isEqualTo(400);
        assertThat(backoff.capMillis(4)).isEqualTo(800);
        assertThat(backoff.capMillis(5)).isEqualTo(1000);
        assertThat(backoff.capMillis(200)).isEqualTo(1000);
    }

    @Test
    void waitIsDrawnBetweenZeroAndCap() {
        List<Long> bounds = new ArrayList<>();
        FullJitterBackoff backoff = new FullJitterBackoff(Duration.ofMillis(100), Duration.ofMillis(1000), bound -> {
            bounds.add(bound);
            return bound / 2;
        });

        long wait = backoff.apply(3);

        assertThat(bounds).containsExactly(400L);
        assertThat(wait).isEqualTo(200);
    }

    @Test
    void defaultRandomStaysWithinCap() {
        FullJitterBackoff backoff = new FullJitterBackoff(Duration.ofMillis(50), Duration.ofMillis(80));

        for (int retry = 1; retry <= 50; retry++) {
            assertThat(backoff.apply(retry)).isBetween(0L, backoff.capMillis(retry));
        }
    }
}
